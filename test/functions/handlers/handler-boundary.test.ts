// What escapes a Lambda handler is printed by the runtime, unredacted: the boundary keeps numbers out of it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, EventBridgeEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalDynamo, startDynalite } from '../../support/dynalite.js';

const COORDINATOR = '+15550104242';
const PHONE_LIKE = /\+?\d{7,}/;

let dynamo: LocalDynamo;
let twilio: Server;
const printed: string[] = [];

beforeAll(async () => {
  dynamo = await startDynalite();
  // Twilio refuses every text with 21211, whose message names the number it was given.
  twilio = createServer((_request, response) => {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        code: 21211,
        message: `The 'To' number ${COORDINATOR} is not a valid phone number.`,
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      }),
    );
  });
  await new Promise<void>((resolve) => twilio.listen(0, '127.0.0.1', resolve));
  const env = {
    PUBLIC_BASE_URL: 'https://line.example.org',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'local-token-for-tests',
    TWILIO_API_BASE: `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`,
    CALLER_KEY_PEPPER: 'pepper-for-boundary-tests',
    SESSION_KEY: 'b'.repeat(64),
    TABLE_NAME: dynamo.tableName,
    EVENT_BUS_NAME: 'warmline-test',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    LINE_NUMBER: '+15550009999',
    CLINICIAN_NUMBER: '+15550008888',
    COORDINATOR_NUMBERS: COORDINATOR,
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const keep = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  for (const method of ['log', 'info', 'warn', 'error'] as const)
    vi.spyOn(console, method).mockImplementation((...args) => printed.push(args.map(String).join(' ')));
});

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await new Promise((resolve) => twilio.close(resolve));
  await dynamo?.close();
});

const unstaffed = (since: number) =>
  ({
    version: '0',
    id: `event-${since}`,
    source: 'warmline',
    'detail-type': 'LineUnstaffed',
    account: '000000000000',
    time: new Date(since).toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: { since },
  }) as EventBridgeEvent<string, unknown>;

describe('Lambda handler boundaries', () => {
  it('rethrows a Twilio 21211 from the notifier without the number, and logs only its code', async () => {
    const { handler } = await import('../../../functions/handlers/notifier.js');

    const thrown = await handler(unstaffed(Date.UTC(2026, 10, 22, 15))).then(
      () => undefined,
      (error: unknown) => error as Error,
    );

    expect(thrown?.name).toBe('HandlerFailedError');
    expect(`${thrown?.message} ${thrown?.stack} ${String(thrown?.cause ?? '')}`).not.toMatch(PHONE_LIKE);
    const failure = printed.map((line) => line.trim()).find((line) => line.includes('notifier failed'));
    expect(JSON.parse(failure ?? '{}')).toMatchObject({ level: 'error', code: 21211 });
    expect(printed.join('\n')).not.toContain(COORDINATOR.slice(2));
  });

  it('rethrows a dispatcher failure as a HandlerFailedError that names nothing', async () => {
    const { handler } = await import('../../../functions/handlers/dispatcher.js');
    const bad = { ...unstaffed(0), 'detail-type': 'ContactQueued', detail: { contactId: COORDINATOR } };

    const thrown = await handler(bad).then(
      () => undefined,
      (error: unknown) => error as Error,
    );

    expect(thrown?.name).toBe('HandlerFailedError');
    expect(`${thrown?.message} ${thrown?.stack}`).not.toMatch(PHONE_LIKE);
    expect(printed.join('\n')).toContain('dispatcher failed');
  });
});

describe('the webhook Lambda edge', () => {
  const webhookEvent = (headers: Record<string, string>, body: string) =>
    ({
      version: '2.0',
      routeKey: 'POST /twilio/voice',
      rawPath: '/twilio/voice',
      rawQueryString: '',
      headers,
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
      requestContext: { http: { method: 'POST', path: '/twilio/voice' } },
    }) as unknown as APIGatewayProxyEventV2;

  it('refuses an unsigned request before decoding its body, and a signed one over 64 KiB', async () => {
    const { handler } = await import('../../../functions/handlers/twilio-webhook.js');
    const big = `From=${'9'.repeat(10 << 20)}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };

    const unsigned = await handler(webhookEvent(form, big));
    const oversize = await handler(webhookEvent({ ...form, 'x-twilio-signature': 'c2lnbmVk' }, big));

    expect(unsigned.statusCode).toBe(400);
    expect(oversize.statusCode).toBe(413);
  });
});
