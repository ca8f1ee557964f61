// The webhook edge: signatures, routing, and the safe replies when everything behind it fails.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { describe, expect, it } from 'vitest';
import type { LineSettings } from '../../../flows/line-settings.js';
import type { EventPublisher, PhoneVault, Store } from '../../../flows/ports.js';
import { handleIncomingText } from '../../../flows/sms/incoming-text.js';
import type { WebRequest } from '../../../functions/http/web-request.js';
import { createWebhookApp, type WebhookAppOptions } from '../../../functions/webhook/webhook-app.js';
import { silentLog } from '../../support/silent-log.js';

const BASE = 'https://warmline.example.org';
const TOKEN = 'test-auth-token-123456';
const LINE = '+15550100000';
const CALL_SID = `CA${'a'.repeat(32)}`;

const settings = {
  lineNumber: LINE,
  crisisNumber: '988',
  crisisTextNumber: '741741',
  clinicianNumber: '+15550100911',
  clinicianLanguage: 'en',
} as LineSettings;

class StoreDownError extends Error {
  override readonly name = 'ProvisionedThroughputExceededException';
}

/** Every store call fails, as when DynamoDB is throttling or unreachable. */
const failingStore = new Proxy({} as Store, {
  get: () => () => Promise.reject(new StoreDownError('store down')),
});
/** Every store call hangs, as when the network to DynamoDB is black-holed. */
const hangingStore = new Proxy({} as Store, { get: () => () => new Promise(() => {}) });
const failingEvents: EventPublisher = { publish: () => Promise.reject(new Error('bus down')) };
const vault: PhoneVault = {
  keyOf: (p) => `k${p.length}`,
  seal: (p) => `sealed-${p.length}`,
  open: () => LINE,
};

function app(store: Store, overrides: Partial<WebhookAppOptions> = {}) {
  const log = silentLog();
  const clock = { now: () => Date.UTC(2026, 10, 22, 15) };
  const handle = createWebhookApp({
    publicBaseUrl: BASE,
    authToken: TOKEN,
    crisisNumber: '988',
    crisisTextNumber: '741741',
    deadlineMs: 200,
    voice: { store, events: failingEvents, clock, vault, log, defaults: settings },
    sms: (input) =>
      handleIncomingText({ store, vault, events: failingEvents, clock, log, defaults: settings }, input),
    log,
    ...overrides,
  });
  return { handle, log };
}

function signedPost(pathAndQuery: string, params: Record<string, string>, signature?: string): WebRequest {
  const [rawPath = '', rawQuery = ''] = pathAndQuery.split('?');
  return {
    method: 'POST',
    rawPath,
    rawQuery,
    // The Host header says something else on purpose: only the configured base URL counts.
    headers: {
      host: 'internal-load-balancer.local',
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature ?? getExpectedTwilioSignature(TOKEN, `${BASE}${pathAndQuery}`, params),
    },
    body: new URLSearchParams(params).toString(),
  };
}

const callParams = {
  CallSid: CALL_SID,
  AccountSid: `AC${'0'.repeat(32)}`,
  From: '+15557654321',
  To: LINE,
  CallStatus: 'ringing',
};

describe('webhook signatures', () => {
  it('rejects a webhook without a signature with 400', async () => {
    const { handle } = app(failingStore);
    const request = signedPost('/twilio/voice', callParams);
    const response = await handle({
      ...request,
      headers: { ...request.headers, 'x-twilio-signature': undefined },
    });
    expect(response.status).toBe(400);
  });

  it('rejects a wrong signature with 403', async () => {
    const { handle } = app(failingStore);
    const forged = getExpectedTwilioSignature('another-token', `${BASE}/twilio/voice`, callParams);
    expect((await handle(signedPost('/twilio/voice', callParams, forged))).status).toBe(403);
  });

  it('rejects a signature made over a different query string', async () => {
    const { handle } = app(failingStore);
    const signature = getExpectedTwilioSignature(TOKEN, `${BASE}/twilio/voice/hold?c=v-1&cn=988`, callParams);
    const response = await handle(signedPost('/twilio/voice/hold?c=v-1&cn=911', callParams, signature));
    expect(response.status).toBe(403);
  });

  it('accepts an encoded plus sign in the query byte for byte', async () => {
    const { handle } = app(failingStore);
    const response = await handle(
      signedPost('/twilio/voice/hold-input?c=v-1&cn=%2B15551112222', { ...callParams, Digits: '9' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toContain('<Number>+15551112222</Number>');
  });

  it('signs SMS webhooks too', async () => {
    const { handle } = app(failingStore);
    const params = { MessageSid: `SM${'b'.repeat(32)}`, From: '+15557654321', To: LINE, Body: 'hello' };
    expect((await handle(signedPost('/twilio/sms', params, 'bogus'))).status).toBe(403);
    const response = await handle(signedPost('/twilio/sms', params));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
  });

  it('hands a text with characters XML cannot carry to the flow with them replaced, not refused', async () => {
    const bodies: string[] = [];
    const { handle } = app(failingStore, {
      sms: async (input) => {
        bodies.push(input.body);
        return { messages: [{ body: input.body }] };
      },
    });
    const params = {
      MessageSid: `SM${'c'.repeat(32)}`,
      From: '+15557654321',
      To: LINE,
      Body: 'one\ftwo\u0000',
    };

    const response = await handle(signedPost('/twilio/sms', params));

    expect(bodies).toEqual(['one\uFFFDtwo\uFFFD']);
    expect(response.body).toContain('<Message>one\uFFFDtwo\uFFFD</Message>');
  });

  it('rejects a signed action URL padded with 1,000 empty pairs and then extra parameters', async () => {
    const { handle } = app(failingStore);
    const signedPath = '/twilio/voice/hold?c=v-1&cn=988';
    const signature = getExpectedTwilioSignature(TOKEN, `${BASE}${signedPath}`, callParams);
    const padded = `${signedPath}${'&'.repeat(1000)}&m=1&l=es&cn=%2B15550009999`;
    expect((await handle(signedPost(padded, callParams, signature))).status).toBe(403);
  });

  it('accepts the signature with or without the default port, as Twilio signs the URL it was given', async () => {
    const path = '/twilio/voice';
    const withPort = getExpectedTwilioSignature(TOKEN, `https://warmline.example.org:443${path}`, callParams);
    expect((await app(failingStore).handle(signedPost(path, callParams, withPort))).status).toBe(200);
    const { handle } = app(failingStore, { publicBaseUrl: 'https://warmline.example.org:443' });
    const withoutPort = getExpectedTwilioSignature(TOKEN, `${BASE}${path}`, callParams);
    expect((await handle(signedPost(path, callParams, withoutPort))).status).toBe(200);
    const otherPort = getExpectedTwilioSignature(
      TOKEN,
      `https://warmline.example.org:8443${path}`,
      callParams,
    );
    expect((await handle(signedPost(path, callParams, otherPort))).status).toBe(403);
  });

  it('takes only the form media type, with at most a UTF-8 charset', async () => {
    const { handle } = app(failingStore);
    const request = signedPost('/twilio/voice', callParams);
    const withType = (type: string) =>
      handle({ ...request, headers: { ...request.headers, 'content-type': type } });
    expect((await withType('application/x-www-form-urlencoded; charset=UTF-8')).status).toBe(200);
    expect((await withType('text/plain; x=application/x-www-form-urlencoded')).status).toBe(415);
    expect((await withType('application/x-www-form-urlencoded-x')).status).toBe(415);
    expect((await withType('application/x-www-form-urlencoded; charset=latin1')).status).toBe(415);
  });

  it('refuses a field sent twice, whatever the signature covers', async () => {
    const { handle } = app(failingStore);
    const request = signedPost('/twilio/voice', callParams);
    const doubled = `${request.body}&From=%2B15550001111`;
    expect((await handle({ ...request, body: doubled })).status).toBe(400);
  });

  it('refuses a missing signature before looking at the type or size of the body', async () => {
    const { handle } = app(failingStore);
    const response = await handle({
      ...signedPost('/twilio/voice', callParams),
      headers: { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over 64 KiB before parsing or checking it', async () => {
    const { handle } = app(failingStore);
    const request = signedPost('/twilio/voice', callParams);
    expect((await handle({ ...request, body: `${request.body}&Pad=${'x'.repeat(64 * 1024)}` })).status).toBe(
      413,
    );
  });

  it('answers 404 for paths that are not webhooks and 405 for GET on a webhook', async () => {
    const { handle } = app(failingStore);
    expect((await handle({ ...signedPost('/twilio/nope', callParams) })).status).toBe(404);
    expect((await handle({ ...signedPost('/twilio/voice', callParams), method: 'GET' })).status).toBe(405);
  });
});

describe('error boundary', () => {
  it('gives a caller the crisis key and keeps them on the line when the store fails on every call', async () => {
    const { handle, log } = app(failingStore);
    const response = await handle(signedPost('/twilio/voice', callParams));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.body).toMatch(/^<\?xml[^>]*\?><Response>.*<\/Response>$/s);
    expect(response.body).toContain('press 9 to reach the crisis line, 9 8 8');
    expect(response.body).toMatch(
      /<Gather[^>]*action="https:\/\/warmline\.example\.org\/twilio\/voice\/hold-input\?cn=988/,
    );
    // No language chosen yet: said in English, then in Spanish, and the retry carries no language either.
    expect(response.body).toContain('oprima 9 para la línea de crisis, 9 8 8');
    expect(response.body).toMatch(
      /<Redirect[^>]*>https:\/\/warmline\.example\.org\/twilio\/voice\?cn=988&amp;t=1<\/Redirect>/,
    );
    expect(log.lines.join('\n')).toContain('ProvisionedThroughputExceededException');
  });

  it('dials the crisis line from the line number when a caller presses 9 with the store and bus down', async () => {
    const { handle } = app(failingStore);
    const response = await handle(
      signedPost('/twilio/voice/hold-input?c=v-x&cn=988&l=en', { ...callParams, Digits: '9' }),
    );
    expect(response.body).toMatch(
      new RegExp(
        `<Dial callerId="\\${LINE}" timeout="30" action="[^"]*/twilio/voice/crisis-dial-ended[^"]*" method="POST"><Number>988</Number></Dial>`,
      ),
    );
  });

  it('answers within the deadline when the store never answers', async () => {
    const { handle } = app(hangingStore, { deadlineMs: 50 });
    const started = performance.now();
    const response = await handle(signedPost('/twilio/voice/hold?c=v-x&cn=988&l=es', callParams));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.body).toContain('oprima 9');
    expect(response.body).toContain('/twilio/voice/hold?');
  });

  it('lets the caller go with the crisis number after repeated trouble', async () => {
    const { handle } = app(failingStore);
    const response = await handle(signedPost('/twilio/voice/hold?c=v-x&cn=988&l=en&t=4', callParams));
    expect(response.body).toContain('call the crisis line at 9 8 8');
    expect(response.body).toContain('<Hangup/>');
    expect(response.body).not.toContain('<Redirect');
  });

  it('answers a failing status callback with empty TwiML', async () => {
    const { handle } = app(failingStore);
    const response = await handle(
      signedPost('/twilio/voice/status', { ...callParams, CallStatus: 'completed' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatch(/<Response\/>$/);
  });

  it('lets a volunteer go, without the crisis menu, when their leg fails', async () => {
    const { handle } = app(failingStore);
    const response = await handle(
      signedPost('/twilio/voice/offer-input?c=v-x&v=vol-1', { ...callParams, Digits: '1' }),
    );
    expect(response.body).toContain('technical problem');
    expect(response.body).toContain('<Hangup/>');
    expect(response.body).not.toContain('<Gather');
  });

  it('gives a caller whose signed URL carries a garbled query the safe reply, with the sound fields kept', async () => {
    const touched: string[] = [];
    const watchingStore = new Proxy({} as Store, {
      get: (_target, name) => () => {
        touched.push(String(name));
        return Promise.reject(new StoreDownError('store down'));
      },
    });
    const { handle, log } = app(watchingStore);
    const response = await handle(
      signedPost('/twilio/voice/hold?c=v-x&cn=not-a-number&l=es&t=x', callParams),
    );
    expect(touched).toEqual([]);
    expect(response.body).toContain('oprima 9');
    expect(response.body).toContain('/twilio/voice/hold-input?c=v-x&amp;cn=988&amp;l=es&amp;t=1');
    expect(log.lines.join('\n')).toContain('WebhookQueryError');
  });

  it('lets a volunteer go, reading nothing, when the URL of their leg has no volunteer id', async () => {
    const touched: string[] = [];
    const watchingStore = new Proxy({} as Store, {
      get: (_target, name) => () => {
        touched.push(String(name));
        return new Promise(() => {});
      },
    });
    const { handle } = app(watchingStore);
    const response = await handle(
      signedPost('/twilio/voice/offer-input?c=v-x', { ...callParams, Digits: '1' }),
    );
    expect(touched).toEqual([]);
    expect(response.body).toContain('technical problem');
    expect(response.body).toContain('<Hangup/>');
  });

  it('gives a crisis text the crisis options and alerts the clinician with the store and bus down', async () => {
    const { handle } = app(failingStore);
    const params = {
      MessageSid: `SM${'c'.repeat(32)}`,
      From: '+15557654321',
      To: LINE,
      Body: 'i want to kill myself tonight',
    };
    const response = await handle(signedPost('/twilio/sms', params));
    expect(response.body).toContain('call 988 or text 741741');
    expect(response.body).toMatch(/<Message to="\+15550100911">Warmline CRISIS/);
    expect(response.body).not.toContain('kill myself');
    expect(response.body).not.toContain('+15557654321');
  });

  it('gives a texter a calm reply with the crisis numbers when the SMS flow fails', async () => {
    const { handle } = app(failingStore, { sms: () => Promise.reject(new Error('boom')) });
    const params = { MessageSid: `SM${'d'.repeat(32)}`, From: '+15557654321', To: LINE, Body: 'hi' };
    const response = await handle(signedPost('/twilio/sms', params));
    expect(response.status).toBe(200);
    expect(response.body).toContain('call 988 or text 741741');
  });
});

describe("Twilio's error webhook", () => {
  const CALLER = '+15557654321';
  // A Debugger post as Twilio sends it: the failed request, numbers and body included, inside Payload.
  const debuggerParams = (payload: string) => ({
    AccountSid: `AC${'0'.repeat(32)}`,
    Sid: `NO${'b'.repeat(32)}`,
    Level: 'ERROR',
    Timestamp: '2026-11-22T15:00:00Z',
    PayloadType: 'application/json',
    Payload: payload,
  });
  const payload = JSON.stringify({
    error_code: '11200',
    more_info: { msg: 'HTTP retrieval failure', Msg: `From=${CALLER}&Body=I feel alone` },
    webhook: { request: { parameters: { From: CALLER, Body: 'I feel alone', CallSid: CALL_SID } } },
  });

  it('logs the error code and level, and nothing else from the payload', async () => {
    const { handle, log } = app(failingStore);

    const response = await handle(signedPost('/twilio/errors', debuggerParams(payload)));

    expect(response.status).toBe(204);
    expect(log.lines.map((line) => JSON.parse(line))).toEqual([
      { level: 'warn', message: 'twilio reported an error', twilioErrorCode: '11200', twilioLevel: 'error' },
    ]);
  });

  it('still counts an error whose payload it cannot read, as code "unknown"', async () => {
    const { handle, log } = app(failingStore);

    await handle(signedPost('/twilio/errors', debuggerParams(`not json ${CALLER}`)));

    expect(log.lines.map((line) => JSON.parse(line))).toEqual([
      {
        level: 'warn',
        message: 'twilio reported an error',
        twilioErrorCode: 'unknown',
        twilioLevel: 'error',
      },
    ]);
  });

  it('refuses an error report with a wrong signature and logs nothing', async () => {
    const { handle, log } = app(failingStore);

    const response = await handle(signedPost('/twilio/errors', debuggerParams(payload), 'forged'));

    expect(response.status).toBe(403);
    expect(log.lines).toEqual([]);
  });
});
