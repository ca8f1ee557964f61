// The claims check shared by the Lambda and the local login, and the development tokens themselves.
import { describe, expect, it } from 'vitest';
import { checkCoordinator } from '../../../functions/admin/claims.js';
import { bearerToken, createDevTokens } from '../../../functions/admin/dev-login.js';

describe('checkCoordinator', () => {
  it('accepts a Cognito access token with the admin scope, naming the user', () => {
    const claims = { sub: 'abc-123', username: 'lee', scope: 'openid warmline/admin', token_use: 'access' };

    expect(checkCoordinator(claims)).toEqual({ ok: true, who: 'lee' });
  });

  it('prefers the email, and reads a scope list however the authorizer passes it', () => {
    expect(checkCoordinator({ sub: 's', email: 'a@b.org', scope: '[warmline/admin email]' })).toEqual({
      ok: true,
      who: 'a@b.org',
    });
    expect(checkCoordinator({ sub: 's', scope: ['warmline/admin'] })).toEqual({ ok: true, who: 's' });
  });

  it('answers 401 to no claims or no subject, and 403 to a missing scope', () => {
    expect(checkCoordinator(undefined)).toMatchObject({ ok: false, status: 401 });
    expect(checkCoordinator({ scope: 'warmline/admin' })).toMatchObject({ ok: false, status: 401 });
    expect(checkCoordinator({ sub: 's', scope: 'openid warmline/adminx' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(checkCoordinator({ sub: 's' })).toMatchObject({ ok: false, status: 403 });
  });
});

describe('createDevTokens', () => {
  it('verifies its own tokens and refuses them once expired', () => {
    let now = 1_800_000_000_000;
    const tokens = createDevTokens({ now: () => now });
    const token = tokens.issue('lee@example.org');

    const fresh = tokens.verify(token);
    now += 9 * 3_600_000;
    const late = tokens.verify(token);

    expect(fresh).toMatchObject({
      sub: 'dev:lee@example.org',
      email: 'lee@example.org',
      scope: 'warmline/admin',
    });
    expect(late).toBeUndefined();
  });

  it("refuses another run's token and a tampered payload", () => {
    const clock = { now: () => 1_800_000_000_000 };
    const ours = createDevTokens(clock);
    const theirs = createDevTokens(clock);
    const [header, , signature] = ours.issue('lee@example.org').split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: 'x', scope: 'warmline/admin', exp: 9e12 }),
    ).toString('base64url');

    expect(ours.verify(theirs.issue('lee@example.org'))).toBeUndefined();
    expect(ours.verify(`${header}.${forgedPayload}.${signature}`)).toBeUndefined();
  });

  it('finds the bearer token in an Authorization header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
