// API Gateway HTTP API (payload v2) events in and results out: AWS shapes stop here.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { WebRequest, WebResponse } from './web-request.js';

export function requestFromApiGateway(event: APIGatewayProxyEventV2): WebRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  const rawBody = event.body ?? '';
  return {
    method: event.requestContext.http.method,
    rawPath: event.rawPath,
    rawQuery: event.rawQueryString ?? '',
    headers,
    body: event.isBase64Encoded ? Buffer.from(rawBody, 'base64').toString('utf8') : rawBody,
  };
}

export function resultForApiGateway(response: WebResponse): APIGatewayProxyStructuredResultV2 {
  return { statusCode: response.status, headers: { ...response.headers }, body: response.body };
}
