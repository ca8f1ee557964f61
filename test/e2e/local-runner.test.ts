// The local runner's stable interface: /health, signed webhooks answered with TwiML, unsigned 400, forged 403.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalWarmline, startLocalWarmline } from '../../infra/local/runner.js';
import { signedPosterFor } from '../support/local-line.js';
import { callFields, postSignedWebhook, smsFields } from '../support/signed-webhook.js';
import { silentLog } from '../support/silent-log.js';

const CALLER = '+15557654321';

describe('local runner', () => {
  let line: LocalWarmline;
  beforeAll(async () => {
    line = await startLocalWarmline({ port: 0, timeScale: 0.01, log: silentLog() });
  });
  afterAll(() => line.close());

  const post = (pathAndQuery: string, params: Record<string, string>, signature?: 'none' | 'wrong') =>
    signedPosterFor(line)(pathAndQuery, params, signature);

  it('serves GET /health as JSON', async () => {
    const response = await fetch(`${line.origin}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers a signed incoming call with the greeting as TwiML', async () => {
    const response = await post(
      '/twilio/voice',
      callFields(`CA${'1'.repeat(32)}`, CALLER, line.config.LINE_NUMBER),
    );
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/xml/);
    expect(response.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response>/);
    expect(response.body).toContain('peer support line, not a crisis line');
  });

  it('answers a signed text with TwiML messages', async () => {
    const response = await post(
      '/twilio/sms',
      smsFields(`SM${'1'.repeat(32)}`, CALLER, line.config.LINE_NUMBER, 'hi'),
    );
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/xml/);
    expect(response.body).toContain('<Message>');
  });

  it.each(['/twilio/voice', '/twilio/sms'])(
    'rejects %s without a signature (400) or with a wrong one (403)',
    async (path) => {
      const params = callFields(`CA${'2'.repeat(32)}`, CALLER, line.config.LINE_NUMBER);
      expect((await post(path, params, 'none')).status).toBe(400);
      expect((await post(path, params, 'wrong')).status).toBe(403);
    },
  );
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `npm start` in its own process group, so the whole tree (npm, tsx, node) is stopped at the end, not only npm. */
async function withNpmStart(
  env: Record<string, string>,
  use: (port: number, output: () => string) => Promise<void>,
): Promise<void> {
  const port = await freePort();
  const child = spawn('npm', ['start', '--silent'], {
    detached: true,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  try {
    const started = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - started < 10_000) {
      healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((resolve) => child.stdout.once('data', resolve));
    }
    expect(healthy).toBe(true);
    await use(port, () => output);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

describe('npm start', () => {
  it('serves /health within 10 seconds on PORT and honours PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN and WARMLINE_FAULTS', async () => {
    const publicBaseUrl = 'https://warmline.example.org';
    const env = {
      PUBLIC_BASE_URL: publicBaseUrl,
      TWILIO_AUTH_TOKEN: 'a-token-for-this-test',
      WARMLINE_FAULTS: 'rest=fail',
    };
    await withNpmStart(env, async (port, output) => {
      const response = await postSignedWebhook({
        origin: `http://127.0.0.1:${port}`,
        publicBaseUrl,
        authToken: 'a-token-for-this-test',
        pathAndQuery: '/twilio/voice',
        params: callFields(`CA${'3'.repeat(32)}`, CALLER, '+15550100000'),
      });
      expect(response.status).toBe(200);
      expect(output()).toContain(`${publicBaseUrl}/twilio/voice`);
      expect(output()).toMatch(/fault drills +rest=fail/);
    });
  });

  it('answers /health only once the admin API is mounted and the demo volunteers are seeded', async () => {
    const publicBaseUrl = 'https://warmline.example.org';
    const env = { PUBLIC_BASE_URL: publicBaseUrl, TWILIO_AUTH_TOKEN: 'a-token-for-this-test' };
    await withNpmStart(env, async (port) => {
      const origin = `http://127.0.0.1:${port}`;
      const [admin, consolePage, status] = await Promise.all([
        fetch(`${origin}/admin/volunteers`),
        fetch(`${origin}/console/`),
        postSignedWebhook({
          origin,
          publicBaseUrl,
          authToken: 'a-token-for-this-test',
          pathAndQuery: '/twilio/sms',
          params: smsFields(`SM${'4'.repeat(32)}`, '+15550100001', '+15550100000', 'STATUS'),
        }),
      ]);
      expect(admin.status).not.toBe(404);
      expect(consolePage.status).toBe(200);
      // Ana, a seeded volunteer, is known to the line: her STATUS is answered, not taken for a texter.
      expect(status.body).toContain('ON shift');
    });
  });
});

describe('the runner started for more apps to be mounted', () => {
  it('answers /health 503 until it is told everything is mounted', async () => {
    const runner = await startLocalWarmline({ port: 0, log: silentLog(), readyWhenTold: true });
    try {
      const before = await fetch(`${runner.origin}/health`);
      runner.ready();
      const after = await fetch(`${runner.origin}/health`);
      expect(before.status).toBe(503);
      expect(after.status).toBe(200);
    } finally {
      await runner.close();
    }
  });
});
