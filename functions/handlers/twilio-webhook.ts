// Lambda entry for every Twilio webhook and /health: adapt the event, run the app, adapt the result.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { bootInAws } from '../app/aws-boot.js';
import { smsHandler } from '../app/sms-handler.js';
import { webhookApp } from '../app/warmline.js';
import { requestFromApiGateway, resultForApiGateway } from '../http/api-gateway.js';
import { bootFailureResponse } from '../webhook/boot-failure.js';

// Built once per container; a failed boot is retried on the next request rather than cached forever.
let app: ReturnType<typeof webhookApp> | undefined;
async function appInstance() {
  if (!app) {
    const { core, events } = await bootInAws('twilio-webhook', process.env);
    app = webhookApp(core, events, smsHandler(core, events));
  }
  return app;
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const request = requestFromApiGateway(event);
  try {
    return resultForApiGateway(await (await appInstance())(request));
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', message: 'boot failed', error: (error as Error).name }));
    return resultForApiGateway(bootFailureResponse(request, process.env));
  }
}
