// Outbound calls and texts through Twilio's REST API (dispatcher and notifier only, never a webhook).
//
// Only the REST client's base and its Api domain are loaded, not the whole SDK: smaller bundles, faster
// cold starts for the functions that ring volunteers.
import BaseTwilio from 'twilio/lib/base/BaseTwilio.js';
import Api from 'twilio/lib/rest/Api.js';
import type { Log, Telephony } from '../../flows/ports.js';
import { FetchTwilioHttpClient } from './twilio-http-client.js';

/** Twilio's "call is not in-progress" (cannot redirect, cannot cancel) code. */
const CALL_NOT_IN_PROGRESS = 21220;
const NOT_FOUND = 20404;
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export class TelephonyError extends Error {
  override readonly name = 'TelephonyError';
}

interface TwilioFailure {
  status?: number;
  code?: number;
}

const failure = (error: unknown): TwilioFailure =>
  typeof error === 'object' && error !== null ? (error as TwilioFailure) : {};

/** The call no longer exists for us: there is nothing left to end. */
const isGone = (error: unknown): boolean =>
  failure(error).status === 404 || failure(error).code === NOT_FOUND;

export interface TwilioTelephonyOptions {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiBase?: string;
  /** The HTTP layer; by default fetch to Twilio (or to `apiBase`). */
  readonly httpClient?: FetchTwilioHttpClient;
  readonly log: Log;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function createTwilioTelephony(options: TwilioTelephonyOptions): Telephony {
  const client = new BaseTwilio.Client(options.accountSid, options.authToken, {
    accountSid: options.accountSid,
    httpClient: (options.httpClient ?? new FetchTwilioHttpClient(options.apiBase)) as never,
  });
  const account = new Api(client as never).account;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function roomInProgress(name: string): Promise<{ sid: string }> {
    const rooms = await withRetries('findConference', () =>
      account.conferences.list({ friendlyName: name, status: 'in-progress', limit: 1 }),
    );
    const room = rooms[0];
    if (!room) throw new TelephonyError('no conference in progress for this contact');
    return room;
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

  return {
    async placeCall(request) {
      const call = await withRetries('placeCall', () =>
        account.calls.create({
          to: request.to,
          from: request.from,
          url: request.url,
          method: 'POST',
          statusCallback: request.statusCallback,
          statusCallbackMethod: 'POST',
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
          timeout: request.timeoutSeconds,
        }),
      );
      return call.sid;
    },
    async redirectCall(callSid, url) {
      try {
        await withRetries('redirectCall', () => account.calls(callSid).update({ url, method: 'POST' }));
        return 'redirected';
      } catch (error) {
        if (failure(error).code === CALL_NOT_IN_PROGRESS || isGone(error)) return 'not-in-progress';
        throw error;
      }
    },
    async cancelCall(callSid) {
      // 'canceled' hangs up a queued or ringing call without charge, but Twilio answers 200 and does
      // nothing once the call is answered: then (or on 21220) only 'completed' ends it.
      try {
        const call = await withRetries('cancelCall', () =>
          account.calls(callSid).update({ status: 'canceled' }),
        );
        if (call.status !== 'in-progress') return;
      } catch (error) {
        if (isGone(error)) return;
        if (failure(error).code !== CALL_NOT_IN_PROGRESS) throw error;
      }
      try {
        await withRetries('cancelCall', () => account.calls(callSid).update({ status: 'completed' }));
      } catch (error) {
        if (!isGone(error) && failure(error).code !== CALL_NOT_IN_PROGRESS) throw error;
      }
    },
    async sendText(request) {
      await withRetries('sendText', () =>
        account.messages.create({ to: request.to, from: request.from, body: request.body }),
      );
    },
    async addConferenceParticipant(request) {
      const room = await roomInProgress(request.room);
      await withRetries('addParticipant', () =>
        account.conferences(room.sid).participants.create({
          from: request.from,
          to: request.to,
          earlyMedia: true,
          // Twilio's default too, said out loud: the crisis line hanging up must not end the caller's room.
          endConferenceOnExit: false,
          timeout: request.timeoutSeconds,
          statusCallback: request.statusCallback,
          statusCallbackMethod: 'POST',
          // `completed` carries every end: busy, no-answer, failed, canceled, or a hang-up after joining.
          statusCallbackEvent: ['completed'],
        }),
      );
    },
    async announceToConference(request) {
      const room = await roomInProgress(request.room);
      await withRetries('announce', () =>
        account.conferences(room.sid).update({ announceUrl: request.url, announceMethod: 'POST' }),
      );
    },
  };
}
