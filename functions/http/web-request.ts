// A runtime-neutral HTTP request/response, so Lambda and the local runner share one app.

export interface WebRequest {
  readonly method: string;
  /** The path exactly as received, e.g. `/twilio/voice/hold`. */
  readonly rawPath: string;
  /** The query string exactly as received, without `?` (signature checks need it byte for byte). */
  readonly rawQuery: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface WebResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function queryParams(request: WebRequest): URLSearchParams {
  return new URLSearchParams(request.rawQuery);
}

/** Twilio posts application/x-www-form-urlencoded; each field arrives once. */
export function formParams(request: WebRequest): Record<string, string> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.includes('application/x-www-form-urlencoded')) return {};
  return Object.fromEntries(new URLSearchParams(request.body));
}

export function xmlResponse(body: string, status = 200): WebResponse {
  return { status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
}

export function jsonResponse(body: unknown, status = 200): WebResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

export function textResponse(status: number, body: string): WebResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}
