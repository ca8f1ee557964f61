// The admin API's sign-in: the local development login and the same claims check as in AWS.
import { afterEach, describe, expect, it } from 'vitest';
import { type AdminLine, startAdminLine } from './admin-line.js';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

describe('admin sign-in', () => {
  it('issues a development token that opens the API', async () => {
    admin = await startAdminLine();
    const login = await admin
      .clientWith(undefined)
      .request<{ token: string; email: string }>('POST', '/admin/dev-login', { email: 'lee@example.org' });

    const listed = await admin.clientWith(login.body.token).request('GET', '/admin/volunteers');

    expect(login.status).toBe(200);
    expect(login.body.email).toBe('lee@example.org');
    expect(login.body.token.split('.')).toHaveLength(3);
    expect(listed.status).toBe(200);
  });

  it('answers 401 without a token and with a forged one', async () => {
    admin = await startAdminLine();
    const [header, payload] = admin.console.tokens.issue('lee@example.org').split('.');
    const forged = `${header}.${payload}.${Buffer.alloc(32).toString('base64url')}`;

    const missing = await admin.clientWith(undefined).request('GET', '/admin/volunteers');
    const bad = await admin.clientWith(forged).request('GET', '/admin/volunteers');
    const garbage = await admin.clientWith('not-a-token').request('GET', '/admin/board');

    expect([missing.status, bad.status, garbage.status]).toEqual([401, 401, 401]);
    expect(missing.body.error).toMatch(/sign in/);
  });

  it('answers 403 to a valid token without the admin scope', async () => {
    admin = await startAdminLine();
    const token = admin.console.tokens.issue('lee@example.org', 'openid email');

    const result = await admin.clientWith(token).request('GET', '/admin/volunteers');

    expect(result.status).toBe(403);
    expect(result.body.error).toContain('warmline/admin');
  });

  it('refuses the development login to a client on the network, whatever its Host header says', async () => {
    admin = await startAdminLine();
    const login = (remoteAddress: string, host = `localhost:${admin.line.listening.port}`) =>
      admin.line.serve(
        {
          method: 'POST',
          rawPath: '/admin/dev-login',
          rawQuery: '',
          headers: { host, 'content-type': 'application/json' },
          remoteAddress,
        },
        async () => JSON.stringify({ email: 'lee@example.org' }),
      );

    expect((await login('192.168.1.20')).response.status).toBe(403);
    expect((await login('::ffff:10.0.0.7')).response.status).toBe(403);
    expect((await login('127.0.0.1', 'warmline.example.org')).response.status).toBe(403);
    expect((await login('::ffff:127.0.0.1')).response.status).toBe(200);
  });

  it('listens on 127.0.0.1 only unless told otherwise', async () => {
    admin = await startAdminLine();
    expect(admin.line.listening.address).toBe('127.0.0.1');
  });

  it('refuses a development login with a malformed email, naming the field', async () => {
    admin = await startAdminLine();

    const result = await admin.clientWith(undefined).request('POST', '/admin/dev-login', { email: 'nobody' });

    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/^email: /);
  });

  it('answers 404 for an unknown resource and 405 for a wrong method', async () => {
    admin = await startAdminLine();

    const unknown = await admin.api.request('GET', '/admin/nothing-here');
    const wrong = await admin.api.request('DELETE', '/admin/settings');

    expect(unknown.status).toBe(404);
    expect(wrong.status).toBe(405);
  });
});
