// Lambda entry for the coordinators' API under /admin (API Gateway has already checked the JWT and scope).
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createAdminApp } from '../admin/admin-app.js';
import { bootInAws } from '../app/aws-boot.js';
import { requestFromApiGateway, resultForApiGateway } from '../http/api-gateway.js';
import { createAdminStore } from '../store/admin-store.js';

const ready = bootInAws('admin-api', process.env).then(({ core, events }) =>
  createAdminApp({
    store: core.store,
    admin: createAdminStore(core.config),
    vault: core.vault,
    events,
    clock: core.clock,
    ids: { newId: () => randomUUID().replace(/-/g, '').slice(0, 12) },
    defaults: core.defaults,
    log: core.log,
  }),
);

export async function handler(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
): Promise<APIGatewayProxyStructuredResultV2> {
  const app = await ready;
  // The authorizer verified the token; the app still checks subject and scope, as it does locally.
  const claims = event.requestContext.authorizer?.jwt?.claims;
  return resultForApiGateway(await app(requestFromApiGateway(event), claims));
}
