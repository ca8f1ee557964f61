// Lambda entry for the coordinators' API under /admin (API Gateway has already checked the JWT and scope).
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { bootAdminInAws } from '../admin/admin-boot.js';
import { requestFromApiGateway, resultForApiGateway } from '../http/api-gateway.js';

const ready = bootAdminInAws(process.env);

export async function handler(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
): Promise<APIGatewayProxyStructuredResultV2> {
  const app = await ready;
  // The authorizer verified the token; the app still checks subject and scope, as it does locally.
  const claims = event.requestContext.authorizer?.jwt?.claims;
  return resultForApiGateway(await app(requestFromApiGateway(event), claims));
}
