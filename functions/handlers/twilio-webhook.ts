// Lambda entry for every Twilio webhook and /health: adapt the event, run the app, adapt the result.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { bootInAws } from '../app/aws-boot.js';
import { twilioTelephonyFor } from '../app/twilio-telephony-for.js';
import { webhookApp } from '../app/warmline.js';
import { headFromApiGateway, requestFromApiGateway, resultForApiGateway } from '../http/api-gateway.js';
import { createLogger } from '../logging/logger.js';
import { bootFailureResponse } from '../webhook/boot-failure.js';
import { bodyTooLarge, screenWebhookHead, TWILIO_BODY_LIMIT_BYTES } from '../webhook/webhook-edge.js';
import { atHandlerBoundary } from './handler-boundary.js';

const log = createLogger({ service: 'twilio-webhook' });

// Built once per container; a failed boot is retried on the next request rather than cached forever.
let app: ReturnType<typeof webhookApp> | undefined;
async function appInstance() {
  if (!app) {
    const { core, events, handoff } = await bootInAws('twilio-webhook', 'webhook', process.env);
    app = webhookApp(core, events, handoff, twilioTelephonyFor(core));
  }
  return app;
}

export const handler = atHandlerBoundary(
  'twilio-webhook',
  log,
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    // Forgeries are refused from their head, before the body is decoded or the function has even booted.
    const refused = screenWebhookHead(headFromApiGateway(event));
    if (refused) return resultForApiGateway(refused);
    const request = requestFromApiGateway(event, TWILIO_BODY_LIMIT_BYTES);
    if (!request) return resultForApiGateway(bodyTooLarge());
    return resultForApiGateway(await (await appInstance())(request));
  },
  // Configuration or secrets failed: still never leave a caller in silence.
  (event) => {
    const request = requestFromApiGateway(event, TWILIO_BODY_LIMIT_BYTES) ?? {
      ...headFromApiGateway(event),
      body: '',
    };
    return resultForApiGateway(bootFailureResponse(request, process.env));
  },
);
