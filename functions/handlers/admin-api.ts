// Lambda entry for the coordinators' API under /admin (API Gateway has already checked the JWT and scope).
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createAdminApp } from '../admin/admin-app.js';
import { bootInAws } from '../app/aws-boot.js';
import { requestFromApiGateway, resultForApiGateway } from '../http/api-gateway.js';
import { AdminStore } from '../store/admin-store.js';
import { createDocumentClient } from '../store/dynamo-client.js';

const ready = bootInAws('admin-api', process.env).then(({ core, events }) => {
  const client = createDocumentClient({
    region: core.config.AWS_REGION,
    ...(core.config.DYNAMODB_ENDPOINT ? { endpoint: core.config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: core.config.STORE_MAX_ATTEMPTS,
    requestTimeoutMs: core.config.STORE_TIMEOUT_MS,
  });
  return createAdminApp({
    store: core.store,
    admin: new AdminStore(client, core.config.TABLE_NAME),
    vault: core.vault,
    events,
    clock: core.clock,
    ids: { newId: () => randomUUID().replace(/-/g, '').slice(0, 12) },
    defaults: core.defaults,
    log: core.log,
  });
});

export async function handler(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
): Promise<APIGatewayProxyStructuredResultV2> {
  const app = await ready;
  // The authorizer verified the token; the app still checks subject and scope, as it does locally.
  const claims = event.requestContext.authorizer?.jwt?.claims;
  return resultForApiGateway(await app(requestFromApiGateway(event), claims));
}
