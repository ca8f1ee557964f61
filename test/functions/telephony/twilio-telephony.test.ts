// Twilio REST telephony against a stand-in API on node:http: real paths, form fields, auth and error codes.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hangup, say, type VoiceReply } from '../../../flows/replies.js';
import { FetchTwilioHttpClient, twilioForm } from '../../../functions/telephony/twilio-http-client.js';
import {
  createTwilioTelephony,
  MAX_INLINE_TWIML,
  TelephonyError,
} from '../../../functions/telephony/twilio-telephony.js';
import { renderVoice } from '../../../functions/twiml.js';
import { silentLog } from '../../support/silent-log.js';

const ACCOUNT = `AC${'a1'.repeat(16)}`;
const TOKEN = 'auth-token-for-tests';
const CALL = `CA${'b2'.repeat(16)}`;
const ROOM = `CF${'c3'.repeat(16)}`;
const ACCOUNT_PATH = `/2010-04-01/Accounts/${ACCOUNT}`;
const VOLUNTEER = '+15557654321';
const VOLUNTEER_LEG = `CA${'b'.repeat(32)}`;
const LINE = '+15550001111';

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly form: URLSearchParams;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
}
interface Reply {
  readonly status: number;
  readonly body: unknown;
}
type Responder = (request: Seen) => Reply;

const twilioError = (status: number, code: number, message: string): Reply => ({
  status,
  body: { status, code, message, more_info: `https://www.twilio.com/docs/errors/${code}` },
});

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

describe('createTwilioTelephony', () => {
  let server: Server;
  let apiBase: string;
  let seen: Seen[];
  let responders: Responder[];
  let fallback: Responder;

  beforeEach(async () => {
    seen = [];
    responders = [];
    fallback = () => ({ status: 200, body: { sid: CALL, status: 'ringing' } });
    server = createServer(async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const entry: Seen = {
        method: request.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        form: new URLSearchParams(await readBody(request)),
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
      };
      seen.push(entry);
      const reply = (responders.shift() ?? fallback)(entry);
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/twilio-api`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function telephony() {
    const log = silentLog();
    const sleeps: number[] = [];
    const client = createTwilioTelephony({
      accountSid: ACCOUNT,
      authToken: TOKEN,
      apiBase,
      log,
      publicBaseUrl: 'https://line.example.org',
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    return { client, log, sleeps };
  }

  it('places a call on the Calls resource with one status callback, when the leg ends', async () => {
    responders.push(() => ({ status: 201, body: { sid: CALL, status: 'queued' } }));
    const { client } = telephony();

    const sid = await client.placeCall({
      to: VOLUNTEER,
      from: LINE,
      script: 'https://line.example.org/twilio/offer?contact=c-1',
      statusCallback: 'https://line.example.org/twilio/offer-status',
      timeoutSeconds: 25,
    });

    expect(sid).toBe(CALL);
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/twilio-api${ACCOUNT_PATH}/Calls.json`);
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`);
    expect(Object.fromEntries(request?.form ?? [])).toMatchObject({
      To: VOLUNTEER,
      From: LINE,
      Url: 'https://line.example.org/twilio/offer?contact=c-1',
      Method: 'POST',
      StatusCallback: 'https://line.example.org/twilio/offer-status',
      StatusCallbackMethod: 'POST',
      Timeout: '25',
    });
    // Only the end of a leg carries work (a miss, a release); the other stages were half a call's webhooks.
    expect(request?.form.getAll('StatusCallbackEvent')).toEqual(['completed']);
  });

  it('sends a reply along as inline TwiML, its action URLs absolute, with no Url for Twilio to fetch', async () => {
    responders.push(() => ({ status: 201, body: { sid: CALL, status: 'queued' } }));
    const { client } = telephony();
    const whisper: VoiceReply = {
      steps: [
        {
          kind: 'gather',
          action: { route: 'offerInput', query: { c: 'c-1', v: 'ana' } },
          numDigits: 1,
          timeoutSeconds: 8,
          prompts: [say('Press 1 to accept.', 'en')],
        },
        hangup(),
      ],
    };

    await client.placeCall({
      to: VOLUNTEER,
      from: LINE,
      script: whisper,
      statusCallback: 'https://line.example.org/twilio/offer-status',
      timeoutSeconds: 25,
    });
    await client.redirectCall(CALL, whisper);

    for (const request of seen) {
      const form = Object.fromEntries(request.form);
      expect(form.Url).toBeUndefined();
      expect(form.Twiml).toBe(renderVoice(whisper, 'https://line.example.org'));
      expect(form.Twiml).toContain(
        'action="https://line.example.org/twilio/voice/offer-input?c=c-1&amp;v=ana"',
      );
    }
    expect(seen).toHaveLength(2);
  });

  it('refuses inline TwiML longer than Twilio takes, before sending anything', async () => {
    const { client } = telephony();
    const long: VoiceReply = { steps: [say('x'.repeat(MAX_INLINE_TWIML), 'en')] };

    await expect(client.redirectCall(CALL, long)).rejects.toThrow(TelephonyError);
    expect(seen).toEqual([]);
  });

  it('redirects a live call to new TwiML by POST', async () => {
    const { client } = telephony();

    const result = await client.redirectCall(CALL, 'https://line.example.org/twilio/bridge');

    expect(result).toBe('redirected');
    expect(seen.map((r) => [r.method, r.path])).toEqual([
      ['POST', `/twilio-api${ACCOUNT_PATH}/Calls/${CALL}.json`],
    ]);
    expect(Object.fromEntries(seen[0]?.form ?? [])).toEqual({
      Url: 'https://line.example.org/twilio/bridge',
      Method: 'POST',
    });
  });

  it('reports a call that is no longer in progress instead of failing (21220)', async () => {
    responders.push(() => twilioError(400, 21220, 'Call is not in-progress. Cannot redirect.'));
    const { client } = telephony();

    await expect(client.redirectCall(CALL, 'https://line.example.org/x')).resolves.toBe('not-in-progress');
    expect(seen).toHaveLength(1);
  });

  it('reports an unknown call as not in progress (404)', async () => {
    responders.push(() => twilioError(404, 20404, 'The requested resource was not found'));
    const { client } = telephony();

    await expect(client.redirectCall(CALL, 'https://line.example.org/x')).resolves.toBe('not-in-progress');
  });

  it('cancels a ringing call with one request', async () => {
    responders.push(() => ({ status: 200, body: { sid: CALL, status: 'canceled' } }));
    const { client } = telephony();

    await expect(client.cancelCall(CALL)).resolves.toBe('canceled');

    expect(seen.map((r) => r.form.get('Status'))).toEqual(['canceled']);
    expect(seen[0]?.path).toBe(`/twilio-api${ACCOUNT_PATH}/Calls/${CALL}.json`);
  });

  it('leaves an answered call up, as Twilio does with a cancel, and says it was not ringing', async () => {
    responders.push(() => ({ status: 200, body: { sid: CALL, status: 'in-progress' } }));
    const { client } = telephony();

    await expect(client.cancelCall(CALL)).resolves.toBe('not-ringing');

    // Never 'completed': the volunteer who just picked up is told why instead of being cut off.
    expect(seen.map((r) => r.form.get('Status'))).toEqual(['canceled']);
  });

  it('says a call the cancel refused with 21220 was not ringing, and one that never existed is done', async () => {
    responders.push(
      () => twilioError(400, 21220, 'Call is not in a cancelable state'),
      () => twilioError(404, 20404, 'The requested resource was not found'),
    );
    const { client } = telephony();

    await expect(client.cancelCall(CALL)).resolves.toBe('not-ringing');
    await expect(client.cancelCall(CALL)).resolves.toBe('canceled');

    expect(seen.map((r) => r.form.get('Status'))).toEqual(['canceled', 'canceled']);
  });

  it('sends a text on the Messages resource', async () => {
    responders.push(() => ({ status: 201, body: { sid: `SM${'d4'.repeat(16)}`, status: 'queued' } }));
    const { client } = telephony();

    await client.sendText({ to: VOLUNTEER, from: LINE, body: 'New text waiting: reply ACCEPT' });

    expect(seen[0]?.path).toBe(`/twilio-api${ACCOUNT_PATH}/Messages.json`);
    expect(Object.fromEntries(seen[0]?.form ?? [])).toEqual({
      To: VOLUNTEER,
      From: LINE,
      Body: 'New text waiting: reply ACCEPT',
    });
  });

  it('adds a participant to the conference in progress with the room name and its leg status callback', async () => {
    responders.push(
      () => ({
        status: 200,
        body: {
          conferences: [{ sid: ROOM, friendly_name: 'contact-c-1', status: 'in-progress' }],
          first_page_uri: `${ACCOUNT_PATH}/Conferences.json?PageSize=1&Page=0`,
          next_page_uri: null,
          page: 0,
          page_size: 1,
          uri: `${ACCOUNT_PATH}/Conferences.json?PageSize=1&Page=0`,
        },
      }),
      () => ({ status: 201, body: { call_sid: CALL, conference_sid: ROOM, status: 'queued' } }),
    );
    const { client } = telephony();

    await client.addConferenceParticipant({
      room: 'contact-c-1',
      to: '988',
      from: LINE,
      statusCallback: 'https://line.example/twilio/voice/crisis-leg-status?c=c-1',
      timeoutSeconds: 30,
    });

    const [list, add] = seen;
    expect(list?.method).toBe('GET');
    expect(list?.path).toBe(`/twilio-api${ACCOUNT_PATH}/Conferences.json`);
    expect(list?.query.get('FriendlyName')).toBe('contact-c-1');
    expect(list?.query.get('Status')).toBe('in-progress');
    expect(add?.method).toBe('POST');
    expect(add?.path).toBe(`/twilio-api${ACCOUNT_PATH}/Conferences/${ROOM}/Participants.json`);
    expect(add?.form.get('From')).toBe(LINE);
    expect(add?.form.get('To')).toBe('988');
    expect(add?.form.get('StatusCallback')).toBe('https://line.example/twilio/voice/crisis-leg-status?c=c-1');
    expect(add?.form.getAll('StatusCallbackEvent')).toEqual(['completed']);
    expect(add?.form.get('Timeout')).toBe('30');
    // The crisis line leaving must never end the caller's room.
    expect(add?.form.get('EndConferenceOnExit')).toBe('false');
  });

  it.each([
    [{ mode: 'listen' } as const, { Muted: 'true', Coaching: null, CallSidToCoach: null }],
    [
      { mode: 'coach', callSidToCoach: VOLUNTEER_LEG } as const,
      { Muted: null, Coaching: 'true', CallSidToCoach: VOLUNTEER_LEG },
    ],
  ])('adds a supervisor (%o) with no beep, never starting or ending the room', async (supervisor, fields) => {
    responders.push(
      () => ({ status: 200, body: { conferences: [{ sid: ROOM, status: 'in-progress' }], page: 0 } }),
      () => ({ status: 201, body: { call_sid: CALL, conference_sid: ROOM, status: 'queued' } }),
    );
    const { client } = telephony();

    await client.addConferenceParticipant({
      room: 'contact-c-1',
      to: VOLUNTEER,
      from: LINE,
      statusCallback: 'https://line.example/twilio/voice/supervisor-leg-status?c=c-1&s=vol-1&m=listen',
      timeoutSeconds: 30,
      supervisor,
    });

    const add = seen[1];
    expect(add?.form.get('Beep')).toBe('false');
    expect(add?.form.get('StartConferenceOnEnter')).toBe('false');
    expect(add?.form.get('EndConferenceOnExit')).toBe('false');
    for (const [name, value] of Object.entries(fields)) expect(add?.form.get(name)).toBe(value);
  });

  it('adds an ordinary participant (the crisis line) without any supervisor field', async () => {
    responders.push(
      () => ({ status: 200, body: { conferences: [{ sid: ROOM, status: 'in-progress' }], page: 0 } }),
      () => ({ status: 201, body: { call_sid: CALL, conference_sid: ROOM, status: 'queued' } }),
    );
    const { client } = telephony();
    await client.addConferenceParticipant({
      room: 'contact-c-1',
      to: '988',
      from: LINE,
      statusCallback: 'https://line.example/twilio/voice/crisis-leg-status?c=c-1',
      timeoutSeconds: 30,
    });
    for (const name of ['Beep', 'Muted', 'Coaching', 'CallSidToCoach'])
      expect(seen[1]?.form.get(name)).toBeNull();
  });

  it('throws a TelephonyError when no conference of that name is in progress', async () => {
    responders.push(() => ({
      status: 200,
      body: { conferences: [], next_page_uri: null, page: 0, page_size: 1 },
    }));
    const { client } = telephony();

    await expect(
      client.addConferenceParticipant({
        room: 'contact-gone',
        to: '988',
        from: LINE,
        statusCallback: 'https://line.example/twilio/voice/crisis-leg-status?c=gone',
        timeoutSeconds: 30,
      }),
    ).rejects.toThrow(TelephonyError);
    expect(seen).toHaveLength(1);
  });

  it('announces into the room in progress, and says no-room without a request when it has ended', async () => {
    const rooms = (list: unknown[]) => () => ({
      status: 200,
      body: { conferences: list, next_page_uri: null, page: 0, page_size: 1 },
    });
    responders.push(
      rooms([{ sid: ROOM, friendly_name: 'contact-c-1', status: 'in-progress' }]),
      () => ({ status: 200, body: { sid: ROOM, status: 'in-progress' } }),
      rooms([]),
    );
    const { client } = telephony();
    const url = 'https://line.example/twilio/voice/conference-hold?l=en';

    expect(await client.announceToConference({ room: 'contact-c-1', url })).toBe('announced');
    expect(await client.announceToConference({ room: 'contact-gone', url })).toBe('no-room');

    expect(seen.map((request) => `${request.method} ${request.path.split('/').at(-1)}`)).toEqual([
      'GET Conferences.json',
      `POST ${ROOM}.json`,
      'GET Conferences.json',
    ]);
    expect(seen[1]?.form.get('AnnounceUrl')).toBe(url);
  });

  it('sends a request refused with 429 once more, unchanged, after a pause', async () => {
    responders.push(
      () => twilioError(429, 20429, 'Too Many Requests'),
      () => ({ status: 201, body: { sid: CALL, status: 'queued' } }),
    );
    const { client, sleeps } = telephony();

    const sid = await client.placeCall({
      to: VOLUNTEER,
      from: LINE,
      script: 'https://line.example.org/twilio/offer',
      statusCallback: 'https://line.example.org/twilio/offer-status',
      timeoutSeconds: 20,
    });

    expect(sid).toBe(CALL);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.path).toBe(seen[0]?.path);
    expect(seen[1]?.form.toString()).toBe(seen[0]?.form.toString());
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
  });

  it('retries 429, 20429 and 5xx answers twice, then gives up', async () => {
    responders.push(
      () => twilioError(429, 20429, 'Too Many Requests'),
      () => twilioError(503, 20500, 'Service unavailable'),
      () => ({ status: 201, body: { sid: `SM${'e5'.repeat(16)}` } }),
    );
    const { client, sleeps } = telephony();

    await client.sendText({ to: VOLUNTEER, from: LINE, body: 'hello' });

    expect(seen).toHaveLength(3);
    expect(sleeps).toHaveLength(2);

    fallback = () => twilioError(500, 20500, 'Internal error');
    seen.length = 0;
    await expect(client.sendText({ to: VOLUNTEER, from: LINE, body: 'hello' })).rejects.toMatchObject({
      status: 500,
    });
    expect(seen).toHaveLength(3);
  });

  it('does not retry a request Twilio refused as invalid', async () => {
    responders.push(() =>
      twilioError(400, 21211, `The 'To' number ${VOLUNTEER} is not a valid phone number.`),
    );
    const { client, log } = telephony();

    await expect(client.sendText({ to: VOLUNTEER, from: LINE, body: 'hello' })).rejects.toMatchObject({
      code: 21211,
    });
    expect(seen).toHaveLength(1);
    expect(log.lines).toEqual([]);
  });

  it("keeps Twilio's status and code but not its message, which quotes the number", async () => {
    responders.push(() =>
      twilioError(400, 21211, `The 'To' number ${VOLUNTEER} is not a valid phone number.`),
    );
    const { client } = telephony();

    const error = await client.sendText({ to: VOLUNTEER, from: LINE, body: 'hello' }).catch((e) => e);

    expect(error).toMatchObject({ status: 400, code: 21211 });
    expect(JSON.stringify({ ...error, message: String(error.message), stack: '' })).not.toMatch(/7654321/);
  });

  it('never logs the numbers it dials or texts while retrying', async () => {
    fallback = () => twilioError(503, 20500, 'Service unavailable');
    const { client, log } = telephony();

    await expect(
      client.placeCall({
        to: VOLUNTEER,
        from: LINE,
        script: 'https://x.example/a',
        statusCallback: 'https://x.example/b',
        timeoutSeconds: 20,
      }),
    ).rejects.toMatchObject({ status: 503 });

    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.lines.join('\n')).not.toMatch(/7654321|0001111/);
  });
});

describe('FetchTwilioHttpClient', () => {
  it('rewrites any twilio.com host to the base, keeping path and query', () => {
    const client = new FetchTwilioHttpClient('http://127.0.0.1:4000/sim/');

    expect(client.target('https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json?Page=2')).toBe(
      'http://127.0.0.1:4000/sim/2010-04-01/Accounts/AC1/Calls.json?Page=2',
    );
    expect(client.target('https://api.dublin.ie1.twilio.com/2010-04-01/x.json')).toBe(
      'http://127.0.0.1:4000/sim/2010-04-01/x.json',
    );
  });

  it('leaves other hosts and an unset base alone', () => {
    expect(new FetchTwilioHttpClient('http://127.0.0.1:4000').target('https://example.org/a')).toBe(
      'https://example.org/a',
    );
    expect(new FetchTwilioHttpClient(undefined).target('https://api.twilio.com/a')).toBe(
      'https://api.twilio.com/a',
    );
  });

  it('form-encodes arrays by repeating the key and drops empty values', () => {
    const form = twilioForm({ A: ['x', 'y'], B: 3, C: undefined, D: null, E: true });

    expect(form.toString()).toBe('A=x&A=y&B=3&E=true');
  });
});
