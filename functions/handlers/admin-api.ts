// Lambda entry for the coordinators' API under /admin (API Gateway has already checked the JWT and scope).
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { resultForApiGateway } from '../http/api-gateway.js';
import { jsonResponse } from '../http/web-request.js';

export async function handler(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
): Promise<APIGatewayProxyStructuredResultV2> {
  return resultForApiGateway(jsonResponse({ error: `no admin resource at ${event.rawPath}` }, 404));
}
