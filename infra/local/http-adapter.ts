// node:http requests in and out of the runtime-neutral WebRequest/WebResponse.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebRequest, WebResponse } from '../../functions/http/web-request.js';

export async function readWebRequest(request: IncomingMessage): Promise<WebRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    method: request.method ?? 'GET',
    rawPath: queryAt === -1 ? url : url.slice(0, queryAt),
    rawQuery: queryAt === -1 ? '' : url.slice(queryAt + 1),
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

export function writeWebResponse(response: ServerResponse, result: WebResponse): void {
  response.writeHead(result.status, result.headers);
  response.end(result.body);
}
