// A runtime-neutral HTTP request/response, so Lambda and the local runner share one app.

/** What is known before the body is read: enough to refuse a request without buffering it. */
export interface RequestHead {
  readonly method: string;
  /** The path exactly as received, e.g. `/twilio/voice/hold`. */
  readonly rawPath: string;
  /** The query string exactly as received, without `?` (signature checks need it byte for byte). */
  readonly rawQuery: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The peer's address where the runtime knows it (the local server); headers can claim anything. */
  readonly remoteAddress?: string;
}

export interface WebRequest extends RequestHead {
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

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
/** Twilio's only parameter on a form post; the body is decoded as UTF-8, so no other charset is a form. */
const UTF8_CHARSET = /^charset\s*=\s*"?utf-8"?$/i;

/** Exactly the form media type, with at most a UTF-8 charset: "text/plain; x=application/x-www-form-urlencoded" is not. */
export function isFormContentType(contentType: string | undefined): boolean {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  if (mediaType.toLowerCase() !== FORM_MEDIA_TYPE) return false;
  return parameters.length === 0 || (parameters.length === 1 && UTF8_CHARSET.test(parameters[0] ?? ''));
}

/**
 * Twilio posts application/x-www-form-urlencoded and sends each field once. Undefined for anything else
 * (another content type, a field twice), so a reader can never see a different value from the one signed.
 */
export function formParams(request: WebRequest): Record<string, string> | undefined {
  if (!isFormContentType(request.headers['content-type'])) return undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(request.body)) {
    if (Object.hasOwn(params, name)) return undefined;
    params[name] = value;
  }
  return params;
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
