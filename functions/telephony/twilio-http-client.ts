// The twilio REST client's HTTP layer on fetch, sending Twilio's real paths to any compatible base URL.

export interface TwilioRequest {
  readonly method: string;
  readonly uri: string;
  readonly username?: string;
  readonly password?: string;
  readonly headers?: Record<string, string>;
  readonly params?: Record<string, unknown>;
  readonly data?: Record<string, unknown>;
  readonly timeout?: number;
}

export interface TwilioResponse {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Twilio's form encoding: arrays repeat the key (StatusCallbackEvent=a&StatusCallbackEvent=b). */
export function twilioForm(fields: Record<string, unknown> | undefined): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
  }
  return form;
}

/** What the telephony adapter sends its requests through. */
export type TwilioHttp = Pick<FetchTwilioHttpClient, 'request'>;

export class FetchTwilioHttpClient {
  constructor(
    /** e.g. http://127.0.0.1:3000/twilio-api; unset: Twilio itself. */
    private readonly apiBase: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Rewrites https://api.twilio.com (any *.twilio.com host) to the configured base, keeping the path. */
  target(uri: string): string {
    if (!this.apiBase) return uri;
    const url = new URL(uri);
    if (url.hostname !== 'twilio.com' && !url.hostname.endsWith('.twilio.com')) return uri;
    return `${this.apiBase.replace(/\/+$/, '')}${url.pathname}${url.search}`;
  }

  async request(options: TwilioRequest): Promise<TwilioResponse> {
    const query = twilioForm(options.params).toString();
    const url = `${this.target(options.uri)}${query ? `${options.uri.includes('?') ? '&' : '?'}${query}` : ''}`;
    const headers: Record<string, string> = { ...options.headers };
    if (options.username && options.password) {
      headers.Authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
    }
    const method = options.method.toUpperCase();
    const response = await fetch(url, {
      method,
      headers,
      ...(method === 'POST' || method === 'PUT' ? { body: twilioForm(options.data).toString() } : {}),
      signal: AbortSignal.timeout(options.timeout ?? this.timeoutMs),
    });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return { statusCode: response.status, body: await response.text(), headers: responseHeaders };
  }
}
