// Development sign-in for the local runner only: HS256 tokens under a secret that lives as long as the run.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ADMIN_SCOPE_CLAIM } from '../../flows/admin/admin-api-types.js';
import type { Clock } from '../../flows/ports.js';

const TOKEN_LIFETIME_SECONDS = 8 * 3600;

export interface DevTokens {
  /** A token carrying the claims the API Gateway authorizer would pass: sub, email, scope, exp. */
  issue(email: string, scope?: string): string;
  /** The verified claims, or undefined for a bad signature, a malformed token or an expired one. */
  verify(token: string): Record<string, unknown> | undefined;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function createDevTokens(clock: Clock, secret: Buffer = randomBytes(32)): DevTokens {
  const sign = (input: string) => createHmac('sha256', secret).update(input).digest();
  return {
    issue(email, scope = ADMIN_SCOPE_CLAIM) {
      const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      const exp = Math.floor(clock.now() / 1000) + TOKEN_LIFETIME_SECONDS;
      const payload = base64url(JSON.stringify({ sub: `dev:${email}`, email, scope, exp }));
      return `${header}.${payload}.${base64url(sign(`${header}.${payload}`))}`;
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length !== 3) return undefined;
      const [header, payload, signature] = parts as [string, string, string];
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
        if (head.alg !== 'HS256') return undefined;
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
          string,
          unknown
        >;
        if (typeof claims.exp !== 'number' || claims.exp * 1000 <= clock.now()) return undefined;
        return claims;
      } catch {
        return undefined;
      }
    },
  };
}

/** The bearer token of an Authorization header, if it has one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
