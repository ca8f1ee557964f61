// Which voice flow answers which webhook path, with the fields and query each one needs.
import type { VoiceReply } from '../../flows/replies.js';
import { handleSupervisorLegStatus } from '../../flows/supervision/supervisor-leg.js';
import {
  callerBridgeEnded,
  chooseLanguage,
  handleCallerStatus,
  handleHoldInput,
  handleIncomingCall,
  handleIntake,
  holdCaller,
  peerStillHere,
} from '../../flows/voice/caller-call.js';
import { handleClinicianBridge } from '../../flows/voice/clinician-bridge.js';
import { crisisDialEnded, crisisLinesFor, warmTransferFallback } from '../../flows/voice/crisis-dial.js';
import { type CallFields, contactIdForCall, type VoiceDeps } from '../../flows/voice/voice-deps.js';
import {
  handleOfferInput,
  handleOfferStatus,
  handleVolunteerInput,
  offerReleasedReply,
} from '../../flows/voice/volunteer-call.js';
import { handleCrisisLegStatus, warmTransferUnreachedReply } from '../../flows/voice/warm-transfer.js';
import { handleWrapUpCodes } from '../../flows/voice/wrap-up-codes.js';
import type { TwilioPathName } from '../../flows/webhook-paths.js';
import {
  type QueryRoute,
  readWebhookQuery,
  WEBHOOK_QUERIES,
  type WebhookQuery,
} from '../../flows/webhook-query.js';

export interface VoiceInput {
  readonly call: CallFields;
  readonly params: Readonly<Record<string, string>>;
  /** The verified request's query, read only through its leg's codec (flows/webhook-query.ts). */
  readonly query: URLSearchParams;
  /** The deploy-time crisis number, for a leg whose URL carries none. */
  readonly crisisNumber: string;
}

type Answer = Promise<VoiceReply | undefined>;
/** `undefined`: a status callback, answered with an empty response. */
type VoiceRoute = (deps: VoiceDeps, input: VoiceInput) => Answer;
type QueryAnswer<R extends QueryRoute> = (
  deps: VoiceDeps,
  input: VoiceInput,
  query: WebhookQuery<R>,
) => Answer;

export class BadWebhookError extends Error {
  override readonly name = 'BadWebhookError';
}

/** Caller legs find their contact from the CallSid; the `contactId` in the URL only confirms it. */
const callerContact = (deps: VoiceDeps, input: VoiceInput, query: { readonly contactId?: string }) =>
  query.contactId || contactIdForCall(deps.vault, input.call.callSid);

const answers: { readonly [R in QueryRoute]: QueryAnswer<R> } = {
  voiceIncoming: (deps, { call }) => handleIncomingCall(deps, call),
  voiceLanguage: (deps, input, query) =>
    chooseLanguage(
      deps,
      input.call,
      callerContact(deps, input, query),
      query.crisisNumber ?? input.crisisNumber,
      input.params.Digits,
    ),
  voiceIntake: (deps, input, query) =>
    handleIntake(
      deps,
      input.call,
      callerContact(deps, input, query),
      query.crisisNumber ?? input.crisisNumber,
      query.language ?? 'en',
      {
        ...(input.params.Digits ? { digits: input.params.Digits } : {}),
        ...(input.params.SpeechResult ? { speech: input.params.SpeechResult } : {}),
      },
    ),
  voiceHold: (deps, input, query) =>
    holdCaller(
      deps,
      input.call,
      callerContact(deps, input, query),
      query.crisisNumber ?? input.crisisNumber,
      query.language,
      query.queuedAt === undefined
        ? undefined
        : { queuedAt: query.queuedAt, concern: query.concern ?? false },
    ),
  voiceHoldInput: (deps, input, query) =>
    handleHoldInput(
      deps,
      input.call,
      callerContact(deps, input, query),
      query.crisisNumber ?? input.crisisNumber,
      query.language,
      input.params.Digits,
    ),
  voiceBridgeEnded: async (_deps, _input, query) => callerBridgeEnded(query.language),
  conferenceHold: async (_deps, _input, query) => peerStillHere(query.language),
  crisisDialEnded: async (deps, input, query) =>
    crisisDialEnded(crisisLinesFor(deps.defaults, query.crisisNumber), input.call.to, query.language, {
      ...(input.params.DialCallStatus ? { dialStatus: input.params.DialCallStatus } : {}),
      ...(query.attempt ? { attempt: query.attempt } : {}),
      ...(input.params.Digits ? { digits: input.params.Digits } : {}),
      loops: query.troubleLoops ?? 0,
    }),
  crisisLegStatus: async (deps, input, query) => {
    await handleCrisisLegStatus(deps, query.contactId, input.call.callSid, input.params.CallStatus ?? '');
    return undefined;
  },
  crisisFallback: async (deps, input, query) =>
    warmTransferFallback(
      crisisLinesFor(deps.defaults, query.crisisNumber),
      input.call.to,
      query.language,
      query.counsellorJoined,
    ),
  warmTransferUnreached: async (_deps, _input, query) =>
    warmTransferUnreachedReply(query.contactId, query.volunteerId),
  offerInput: (deps, input, query) =>
    handleOfferInput(
      deps,
      {
        contactId: query.contactId,
        volunteerId: query.volunteerId,
        digits: input.params.Digits,
      },
      {
        seconds: query.whisperSeconds ?? deps.defaults.whisperSeconds,
        wrongKeys: query.wrongKeys ?? 0,
      },
    ),
  offerStatus: async (deps, input, query) => {
    await handleOfferStatus(deps, query.contactId, query.volunteerId, input.params.CallStatus ?? '');
    return undefined;
  },
  offerTaken: async (_deps, _input, query) => offerReleasedReply(query.reason),
  clinicianBridge: (deps, input, query) => handleClinicianBridge(deps, query.reference, input.call.from),
  supervisorLegStatus: async (deps, input, query) => {
    await handleSupervisorLegStatus(deps, {
      ...query,
      callSid: input.call.callSid,
      status: input.params.CallStatus ?? '',
    });
    return undefined;
  },
  volunteerInput: (deps, input, query) =>
    handleVolunteerInput(deps, query.contactId, query.volunteerId, input.params.Digits, query.muted ?? false),
  wrapUpCodes: (deps, input, { retried, ...target }) =>
    handleWrapUpCodes(deps, target, input.params.Digits, retried ?? false),
};

/** Voice webhooks whose URL carries no query of ours. */
const unqueried: Partial<Record<TwilioPathName, VoiceRoute>> = {
  voiceStatus: async (deps, input) => {
    await handleCallerStatus(deps, input.call.callSid, input.params.CallStatus ?? '');
    return undefined;
  },
};

const isQueryRoute = (route: TwilioPathName): route is QueryRoute => route in WEBHOOK_QUERIES;

/** The flow that answers a voice webhook, its query read by the leg's codec (a bad one throws). */
export function voiceRouteFor(route: TwilioPathName): VoiceRoute | undefined {
  if (!isQueryRoute(route)) return unqueried[route];
  const answer = answers[route] as QueryAnswer<QueryRoute>;
  return (deps, input) => answer(deps, input, readWebhookQuery(route, input.query));
}

/** Routes walked by a volunteer's leg: on failure they are let go rather than offered the crisis line. */
export const VOLUNTEER_ROUTES: ReadonlySet<TwilioPathName> = new Set([
  'clinicianBridge',
  'offerInput',
  'offerStatus',
  'offerTaken',
  'volunteerInput',
  'warmTransferUnreached',
  'wrapUpCodes',
]);

/** Routes before the caller is queued: a retry after trouble starts the greeting again. */
export const PRE_QUEUE_ROUTES: ReadonlySet<TwilioPathName> = new Set([
  'voiceIncoming',
  'voiceLanguage',
  'voiceIntake',
]);

export const STATUS_ROUTES: ReadonlySet<TwilioPathName> = new Set([
  'voiceStatus',
  'offerStatus',
  'smsStatus',
  'crisisLegStatus',
  'supervisorLegStatus',
]);

/** Requests Twilio makes for a conference, not a call (an announcement): they carry no CallSid. */
export const CONFERENCE_ROUTES: ReadonlySet<TwilioPathName> = new Set(['conferenceHold']);

export function voiceInput(
  route: TwilioPathName,
  params: Record<string, string>,
  query: URLSearchParams,
  configuredCrisisNumber: string,
): VoiceInput {
  const callSid = params.CallSid ?? '';
  if (!CONFERENCE_ROUTES.has(route) && !/^CA[0-9a-f]{32}$/i.test(callSid))
    throw new BadWebhookError('CallSid is missing or malformed');
  return {
    call: { callSid, from: params.From ?? '', to: params.To ?? '' },
    params,
    query,
    crisisNumber: configuredCrisisNumber,
  };
}
