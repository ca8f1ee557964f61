// node:http requests in and out of the runtime-neutral WebRequest/WebResponse.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHead, WebResponse } from '../../functions/http/web-request.js';

export function readRequestHead(request: IncomingMessage): RequestHead {
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
    ...(request.socket.remoteAddress ? { remoteAddress: request.socket.remoteAddress } : {}),
  };
}

/** The body as text, or undefined when it is longer than maxBytes. */
export type BodyReader = (maxBytes: number) => Promise<string | undefined>;

/**
 * Reads the body, giving up as soon as it passes maxBytes: nothing past the limit is kept, and the stream is
 * left undestroyed so the refusal can still be written before the connection closes.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      resolve(undefined);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

/** `close` for a refused request whose body was never read, so the socket is not kept busy draining it. */
export function writeWebResponse(response: ServerResponse, result: WebResponse, close = false): void {
  response.writeHead(result.status, close ? { ...result.headers, connection: 'close' } : result.headers);
  response.end(result.body);
}
