// Outbound calls and texts through Twilio's REST API (dispatcher and notifier only, never a webhook).
//
// Six requests on Twilio's real 2010-04-01 paths, sent with fetch: the twilio SDK's REST domain would bring
// every resource and axios (about 800 KB) to the functions that ring volunteers, for these six.
import type { CallScript, Log, SupervisorJoin, Telephony } from '../../flows/ports.js';
import { renderVoice } from '../twiml.js';
import { FetchTwilioHttpClient, type TwilioHttp } from './twilio-http-client.js';

/** Twilio refuses a longer `Twiml` parameter (error 32018). */
export const MAX_INLINE_TWIML = 4000;

/** Twilio's "call is not in-progress" (cannot redirect, cannot cancel) code. */
const CALL_NOT_IN_PROGRESS = 21220;
const NOT_FOUND = 20404;
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export class TelephonyError extends Error {
  override readonly name = 'TelephonyError';
}

/**
 * A request Twilio answered with an error. Twilio's own message often quotes the number dialled, so it is
 * dropped: only the HTTP status and Twilio's error code are kept.
 */
export class TwilioApiError extends Error {
  override readonly name = 'TwilioApiError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
  ) {
    super(`Twilio answered ${status}${code === undefined ? '' : ` (error ${code})`}`);
  }
}

const failure = (error: unknown): { status?: number; code?: number } =>
  error instanceof TwilioApiError ? error : {};

/** The call no longer exists for us: there is nothing left to end. */
const isGone = (error: unknown): boolean =>
  failure(error).status === 404 || failure(error).code === NOT_FOUND;

const isNotInProgress = (error: unknown): boolean => failure(error).code === CALL_NOT_IN_PROGRESS;

export interface TwilioTelephonyOptions {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiBase?: string;
  /** The HTTP layer; by default fetch to Twilio (or to `apiBase`). */
  readonly httpClient?: TwilioHttp;
  readonly log: Log;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Where the webhooks are: inline TwiML names its action URLs in full. */
  readonly publicBaseUrl: string;
}

const TWILIO_API = 'https://api.twilio.com/2010-04-01';

export function createTwilioTelephony(options: TwilioTelephonyOptions): Telephony {
  const http = options.httpClient ?? new FetchTwilioHttpClient(options.apiBase);
  const accountPath = `${TWILIO_API}/Accounts/${options.accountSid}`;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /** One request on a resource under the account, e.g. `Calls/CA….json`; Twilio's JSON answer or a TwilioApiError. */
  async function send(
    method: 'GET' | 'POST',
    resource: string,
    fields: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const response = await http.request({
      method,
      uri: `${accountPath}/${resource}`,
      username: options.accountSid,
      password: options.authToken,
      headers: {
        Accept: 'application/json',
        ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(method === 'POST' ? { data: fields } : { params: fields }),
    });
    const body = parseJson(response.body);
    if (response.statusCode >= 400) {
      const code = typeof body.code === 'number' ? body.code : undefined;
      throw new TwilioApiError(response.statusCode, code);
    }
    return body;
  }

  /** 20429 (too many requests) and 5xx were not processed: safe to send again. */
  async function withRetries<T>(what: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const { status, code } = failure(error);
        const retryable = (status !== undefined && RETRYABLE_STATUS.has(status)) || code === 20429;
        if (!retryable || attempt >= 3) throw error;
        options.log.warn('Twilio asked us to retry', { what, status, attempt });
        await sleep(200 * attempt);
      }
    }
  }

  /** A URL is fetched by Twilio (`Url`); a reply goes along as the call's TwiML (`Twiml`), saving that fetch. */
  function scriptFields(script: CallScript): Record<string, unknown> {
    if (typeof script === 'string') return { Url: script, Method: 'POST' };
    const twiml = renderVoice(script, options.publicBaseUrl);
    if (twiml.length > MAX_INLINE_TWIML) throw new TelephonyError('inline TwiML longer than Twilio takes');
    return { Twiml: twiml };
  }

  const updateCall = (what: string, callSid: string, fields: Record<string, unknown>) =>
    withRetries(what, () => send('POST', `Calls/${callSid}.json`, fields));

  async function findRoom(name: string): Promise<string | undefined> {
    const page = await withRetries('findConference', () =>
      send('GET', 'Conferences.json', { FriendlyName: name, Status: 'in-progress', PageSize: 1 }),
    );
    const rooms = Array.isArray(page.conferences) ? (page.conferences as { sid?: unknown }[]) : [];
    const sid = rooms[0]?.sid;
    return typeof sid === 'string' ? sid : undefined;
  }

  async function roomInProgress(name: string): Promise<string> {
    const sid = await findRoom(name);
    if (!sid) throw new TelephonyError('no conference in progress for this contact');
    return sid;
  }

  return {
    async placeCall(request) {
      const call = await withRetries('placeCall', () =>
        send('POST', 'Calls.json', {
          To: request.to,
          From: request.from,
          ...scriptFields(request.script),
          StatusCallback: request.statusCallback,
          StatusCallbackMethod: 'POST',
          // Only a leg's end carries work (a miss, a release, a clinician call over): no webhook per stage.
          StatusCallbackEvent: ['completed'],
          Timeout: request.timeoutSeconds,
        }),
      );
      if (typeof call.sid !== 'string') throw new TelephonyError('Twilio created a call without a sid');
      return call.sid;
    },
    async redirectCall(callSid, script) {
      const fields = scriptFields(script);
      try {
        await updateCall('redirectCall', callSid, fields);
        return 'redirected';
      } catch (error) {
        if (isNotInProgress(error) || isGone(error)) return 'not-in-progress';
        throw error;
      }
    },
    async cancelCall(callSid) {
      // 'canceled' hangs up a queued or ringing call without charge; Twilio answers 200 and leaves an answered
      // call alone (still in-progress), and refuses a finished one with 21220. Never 'completed': a volunteer
      // who has just picked up is told why rather than cut off.
      try {
        const call = await updateCall('cancelCall', callSid, { Status: 'canceled' });
        return call.status === 'in-progress' ? 'not-ringing' : 'canceled';
      } catch (error) {
        if (isGone(error)) return 'canceled';
        if (isNotInProgress(error)) return 'not-ringing';
        throw error;
      }
    },
    async sendText(request) {
      await withRetries('sendText', () =>
        send('POST', 'Messages.json', { To: request.to, From: request.from, Body: request.body }),
      );
    },
    async addConferenceParticipant(request) {
      const room = await roomInProgress(request.room);
      await withRetries('addParticipant', () =>
        send('POST', `Conferences/${room}/Participants.json`, {
          From: request.from,
          To: request.to,
          EarlyMedia: true,
          // Twilio's default too, said out loud: the crisis line hanging up must not end the caller's room.
          EndConferenceOnExit: false,
          Timeout: request.timeoutSeconds,
          StatusCallback: request.statusCallback,
          StatusCallbackMethod: 'POST',
          // `completed` carries every end: busy, no-answer, failed, canceled, or a hang-up after joining.
          StatusCallbackEvent: ['completed'],
          ...(request.supervisor ? supervisorFields(request.supervisor) : {}),
        }),
      );
    },
    async announceToConference(request) {
      const room = await findRoom(request.room);
      if (!room) return 'no-room';
      await withRetries('announce', () =>
        send('POST', `Conferences/${room}.json`, { AnnounceUrl: request.url, AnnounceMethod: 'POST' }),
      );
      return 'announced';
    },
  };
}

/**
 * A supervisor joins unheard by the caller: no beep, never starting or ending the room (leaving ends only their
 * own leg); muted to listen, or coaching the volunteer's leg, the only one that hears a coach.
 */
function supervisorFields(supervisor: SupervisorJoin): Record<string, unknown> {
  return {
    Beep: false,
    StartConferenceOnEnter: false,
    ...(supervisor.mode === 'listen'
      ? { Muted: true }
      : { Coaching: true, CallSidToCoach: supervisor.callSidToCoach }),
  };
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
