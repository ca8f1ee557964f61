// The Twilio webhook app: verify, decide, render; one place where failures become safe TwiML.
//
// Main course: a signed form post -> its flow -> TwiML. Alternate courses: no signature (400), not a form
// (415), a body over the limit (413), a field sent twice (400), a wrong signature (403), an unknown path
// (404), Twilio's Debugger reporting an error (its code alone is logged for the alarm; 204), a flow that
// throws or overruns its deadline (the caller hears the crisis key and is kept on the line; a texter gets a
// calm reply with the crisis numbers).
import type { Log } from '../../flows/ports.js';
import type { SmsReply } from '../../flows/replies.js';
import { callerTroubleReply, smsTroubleReply, volunteerTroubleReply } from '../../flows/voice/safe-reply.js';
import type { VoiceDeps } from '../../flows/voice/voice-deps.js';
import type { TwilioPathName } from '../../flows/webhook-paths.js';
import { callerTroubleQuery } from '../../flows/webhook-query.js';
import { verifyTwilioSignature } from '../http/twilio-signature.js';
import {
  formParams,
  jsonResponse,
  queryParams,
  textResponse,
  type WebRequest,
  type WebResponse,
  xmlResponse,
} from '../http/web-request.js';
import { renderSms, renderVoice } from '../twiml.js';
import { xmlWritable } from '../xml-document.js';
import { readTwilioErrorReport, TWILIO_ERROR_LOG_MESSAGE } from './twilio-errors.js';
import {
  CONFERENCE_ROUTES,
  PRE_QUEUE_ROUTES,
  STATUS_ROUTES,
  VOLUNTEER_ROUTES,
  voiceInput,
  voiceRouteFor,
} from './voice-routes.js';
import { bodyTooLarge, screenWebhookHead, TWILIO_BODY_LIMIT_BYTES, twilioRouteOf } from './webhook-edge.js';

export interface SmsInput {
  readonly messageSid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
}

export type SmsHandler = (input: SmsInput) => Promise<SmsReply>;
export type SmsStatusHandler = (params: Readonly<Record<string, string>>) => Promise<void>;

export interface WebhookAppOptions {
  readonly publicBaseUrl: string;
  readonly authToken: string;
  readonly crisisNumber: string;
  readonly crisisTextNumber: string;
  /** Time a flow may take before the caller gets the safe reply instead; well inside Twilio's 15 s. */
  readonly deadlineMs: number;
  readonly voice: VoiceDeps;
  readonly sms: SmsHandler;
  readonly smsStatus?: SmsStatusHandler;
  readonly log: Log;
}

export type WebApp = (request: WebRequest) => Promise<WebResponse>;

class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'unknown');

export function createWebhookApp(options: WebhookAppOptions): WebApp {
  const { publicBaseUrl, log } = options;
  const emptyTwiml = () => xmlResponse(renderVoice({ steps: [] }, publicBaseUrl));

  async function answerVoice(route: TwilioPathName, params: Record<string, string>, query: URLSearchParams) {
    const flow = voiceRouteFor(route);
    try {
      if (!flow) throw new Error(`no voice flow for ${route}`);
      const input = voiceInput(route, params, query, options.crisisNumber);
      const reply = await withinDeadline(flow(options.voice, input), options.deadlineMs);
      return reply ? xmlResponse(renderVoice(reply, publicBaseUrl)) : emptyTwiml();
    } catch (error) {
      log.error('voice webhook failed; answering with the safe reply', { route, error: errorName(error) });
      // An announcement that fails is simply not heard; a status callback needs no TwiML.
      if (STATUS_ROUTES.has(route) || CONFERENCE_ROUTES.has(route)) return emptyTwiml();
      if (VOLUNTEER_ROUTES.has(route))
        return xmlResponse(renderVoice(volunteerTroubleReply(), publicBaseUrl));
      // Whatever the URL carries that is sound, even where the leg's own query was refused.
      const carried = callerTroubleQuery(query);
      const reply = callerTroubleReply({
        crisisNumber: carried.crisisNumber ?? options.crisisNumber,
        language: carried.language,
        loops: carried.troubleLoops ?? 0,
        ...(carried.contactId && !PRE_QUEUE_ROUTES.has(route) ? { contactId: carried.contactId } : {}),
      });
      return xmlResponse(renderVoice(reply, publicBaseUrl));
    }
  }

  async function answerSms(route: TwilioPathName, params: Record<string, string>) {
    try {
      if (route === 'smsStatus') {
        await withinDeadline(options.smsStatus?.(params) ?? Promise.resolve(), options.deadlineMs);
        return xmlResponse(renderSms({ messages: [] }));
      }
      const input: SmsInput = {
        messageSid: params.MessageSid ?? params.SmsSid ?? '',
        from: params.From ?? '',
        to: params.To ?? '',
        // Texts are relayed inside TwiML: a character XML cannot carry must not cost the texter their message.
        body: xmlWritable(params.Body ?? ''),
      };
      const reply = await withinDeadline(options.sms(input), options.deadlineMs);
      return xmlResponse(renderSms(reply));
    } catch (error) {
      log.error('sms webhook failed; answering with the safe reply', { route, error: errorName(error) });
      if (route === 'smsStatus') return xmlResponse(renderSms({ messages: [] }));
      // The conversation (and so its language) was never read: the calm reply goes out in both.
      return xmlResponse(
        renderSms(smsTroubleReply(options.crisisNumber, options.crisisTextNumber, undefined)),
      );
    }
  }

  return async (request) => {
    if (request.rawPath === '/health') {
      return request.method === 'GET' ? jsonResponse({ status: 'ok' }) : textResponse(405, 'use GET');
    }
    const route = twilioRouteOf(request.rawPath);
    if (!route) return textResponse(404, 'not found');
    const refused = screenWebhookHead(request);
    if (refused) return refused;
    if (Buffer.byteLength(request.body, 'utf8') > TWILIO_BODY_LIMIT_BYTES) return bodyTooLarge();
    const params = formParams(request);
    if (!params) return textResponse(400, 'a Twilio form sends each field once');
    const verdict = verifyTwilioSignature(options.authToken, publicBaseUrl, request, params);
    if (verdict !== 'valid') return textResponse(403, 'X-Twilio-Signature does not match this request');
    if (route === 'twilioErrors') {
      log.warn(TWILIO_ERROR_LOG_MESSAGE, { ...readTwilioErrorReport(params) });
      return textResponse(204, '');
    }
    const query = queryParams(request);
    return route === 'smsIncoming' || route === 'smsStatus'
      ? answerSms(route, params)
      : answerVoice(route, params, query);
  };
}
