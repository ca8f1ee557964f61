// API Gateway HTTP API (payload v2) events in and results out: AWS shapes stop here.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RequestHead, WebRequest, WebResponse } from './web-request.js';

export function headFromApiGateway(event: APIGatewayProxyEventV2): RequestHead {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  return {
    method: event.requestContext.http.method,
    rawPath: event.rawPath,
    rawQuery: event.rawQueryString ?? '',
    headers,
  };
}

/** The request, or undefined when its body is over maxBodyBytes: measured before anything is decoded. */
export function requestFromApiGateway(
  event: APIGatewayProxyEventV2,
  maxBodyBytes: number,
): WebRequest | undefined {
  const rawBody = event.body ?? '';
  const encoding = event.isBase64Encoded ? 'base64' : 'utf8';
  if (Buffer.byteLength(rawBody, encoding) > maxBodyBytes) return undefined;
  return { ...headFromApiGateway(event), body: Buffer.from(rawBody, encoding).toString('utf8') };
}

export function resultForApiGateway(response: WebResponse): APIGatewayProxyStructuredResultV2 {
  return { statusCode: response.status, headers: { ...response.headers }, body: response.body };
}
