// Talking to the admin API: the bearer token, JSON in and out, errors that name the field.
import {
  ADMIN_BASE_PATH,
  ADMIN_SCOPE_CLAIM,
  type DevLoginResponse,
} from '../../flows/admin/admin-api-types.js';

const TOKEN_KEY = 'warmline.token';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  readonly row?: number;
  /** Stable code and values (flows/admin/issue-codes.ts), worded by issue-words.ts. */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string>>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface ConsoleConfig {
  /** 'dev': the local runner's development login. 'cognito': the hosted sign-in page. */
  readonly authMode: 'dev' | 'cognito';
  /** Where /admin lives; empty when the console and the API share an origin (locally). */
  readonly apiBase: string;
  readonly signInUrl?: string;
  readonly clientId?: string;
}

let config: ConsoleConfig = { authMode: 'dev', apiBase: '' };

/** The deployed console has a config.json beside it; locally there is none and the defaults apply. */
export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('config.json').catch(() => undefined);
  if (response?.ok) config = { ...config, ...((await response.json()) as Partial<ConsoleConfig>) };
  return config;
}

export const token = (): string | null => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (value: string): void => sessionStorage.setItem(TOKEN_KEY, value);
export const signOut = (): void => sessionStorage.removeItem(TOKEN_KEY);

export const authMode = (): ConsoleConfig['authMode'] => config.authMode;

const VERIFIER_KEY = 'warmline.pkce';
const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const redirectUri = (): string => `${location.origin}${location.pathname}`;

/** Cognito's hosted sign-in with PKCE: the console is a public client and keeps no secret. */
export async function startCognitoSignIn(): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId ?? '',
    redirect_uri: redirectUri(),
    scope: `openid email ${ADMIN_SCOPE_CLAIM}`,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  location.assign(`${config.signInUrl}/oauth2/authorize?${query}`);
}

/** Back from the sign-in page with ?code=: trade it for an access token, then drop it from the address. */
export async function finishCognitoSignIn(): Promise<void> {
  const code = new URLSearchParams(location.search).get('code');
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  if (config.authMode !== 'cognito' || !code || !verifier) return;
  history.replaceState(null, '', redirectUri() + location.hash);
  sessionStorage.removeItem(VERIFIER_KEY);
  const response = await fetch(`${config.signInUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId ?? '',
      code,
      redirect_uri: redirectUri(),
      code_verifier: verifier,
    }),
  });
  if (!response.ok) throw new ApiError(response.status, 'sign-in did not complete; please try again');
  const { access_token: accessToken } = (await response.json()) as { access_token?: string };
  if (accessToken) setToken(accessToken);
}

export async function devLogin(email: string): Promise<void> {
  const { token: issued } = await request<DevLoginResponse>('POST', '/dev-login', { email }, false);
  setToken(issued);
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  authorised = true,
): Promise<T> {
  const headers: Record<string, string> = {};
  const current = token();
  if (authorised && current) headers.authorization = `Bearer ${current}`;
  let payload: string | undefined;
  if (typeof body === 'string') {
    headers['content-type'] = 'text/csv';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${config.apiBase}${ADMIN_BASE_PATH}${path}`, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  const data = isJson && text ? (JSON.parse(text) as unknown) : text;
  if (!response.ok) {
    const failure = (typeof data === 'object' && data !== null ? data : {}) as {
      error?: string;
      code?: string;
      issues?: FieldIssue[];
    };
    if (response.status === 401) signOut();
    throw new ApiError(
      response.status,
      failure.error ?? `the server answered ${response.status}`,
      failure.issues,
      failure.code,
    );
  }
  return data as T;
}

/** Saves a CSV the API returned as a file download. */
export async function download(path: string, filename: string): Promise<void> {
  const csv = await request<string>('GET', path);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
