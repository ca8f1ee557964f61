// Talking to the admin API: the bearer token, JSON in and out, errors that name the field.
import { ADMIN_BASE_PATH, type DevLoginResponse } from '../../flows/admin/admin-api-types.js';

const TOKEN_KEY = 'warmline.token';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  readonly row?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
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
      issues?: FieldIssue[];
    };
    if (response.status === 401) signOut();
    throw new ApiError(
      response.status,
      failure.error ?? `the server answered ${response.status}`,
      failure.issues,
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
