// A local line with the coordinators' console mounted, and a small signed-in client for the admin API.

import type { SettingsResponse } from '../../../flows/admin/admin-api-types.js';
import {
  type CoordinatorConsole,
  mountCoordinatorConsole,
} from '../../../infra/local/coordinator-console.js';
import type { LocalRunnerOptions } from '../../../infra/local/runner.js';
import { startTestLine, type TestLine } from '../../support/local-line.js';

export interface AdminResult<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly contentType: string;
}

export interface AdminClient {
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<AdminResult<T>>;
}

export interface AdminLine {
  readonly line: TestLine;
  readonly console: CoordinatorConsole;
  /** Signed in as coordinator@example.org. */
  readonly api: AdminClient;
  clientWith(token: string | undefined): AdminClient;
}

export async function startAdminLine(options: Partial<LocalRunnerOptions> = {}): Promise<AdminLine> {
  const line = await startTestLine({ timeScale: 0.01, ...options });
  const mounted = await mountCoordinatorConsole(line);
  const clientWith = (token: string | undefined): AdminClient => ({
    async request(method, path, body, contentType = 'application/json') {
      const response = await fetch(`${line.origin}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': contentType }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return {
        status: response.status,
        text,
        contentType: type,
        body: type.includes('json') && text ? JSON.parse(text) : {},
      };
    },
  });
  const login = await clientWith(undefined).request<{ token: string }>('POST', '/admin/dev-login', {
    email: 'coordinator@example.org',
  });
  return { line, console: mounted, api: clientWith(login.body.token), clientWith };
}

/** Saves settings as the console does, at the current version; the status tells whether they were taken. */
export async function patchSettings(admin: AdminLine, settings: Record<string, unknown>): Promise<number> {
  const { version } = (await admin.api.request<SettingsResponse>('GET', '/admin/settings')).body;
  return (await admin.api.request('PATCH', '/admin/settings', { version, settings })).status;
}
