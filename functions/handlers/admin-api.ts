// Lambda entry for the coordinators' API under /admin (API Gateway has already checked the JWT and scope).
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ADMIN_BODY_LIMIT_BYTES } from '../admin/admin-app.js';
import { bootAdminInAws } from '../admin/admin-boot.js';
import { requestFromApiGateway, resultForApiGateway } from '../http/api-gateway.js';
import { jsonResponse } from '../http/web-request.js';
import { createLogger } from '../logging/logger.js';
import { atHandlerBoundary } from './handler-boundary.js';

const log = createLogger({ service: 'admin-api' });
const ready = bootAdminInAws(process.env);
// A failed boot is reported by the first request, through the boundary, not as an unhandled rejection.
ready.catch(() => undefined);

export const handler = atHandlerBoundary(
  'admin-api',
  log,
  async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> => {
    const app = await ready;
    const request = requestFromApiGateway(event, ADMIN_BODY_LIMIT_BYTES);
    if (!request) return resultForApiGateway(jsonResponse({ error: 'the request body is too large' }, 413));
    // The authorizer verified the token; the app still checks subject and scope, as it does locally.
    const claims = event.requestContext.authorizer?.jwt?.claims;
    return resultForApiGateway(await app(request, claims));
  },
  () => resultForApiGateway(jsonResponse({ error: 'the request failed on our side' }, 500)),
);
