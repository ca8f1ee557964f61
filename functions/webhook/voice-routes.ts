// Which voice flow answers which webhook path, with the fields and query each one needs.
import { type Language, languageOf, type VoiceReply } from '../../flows/replies.js';
import { handleSupervisorLegStatus } from '../../flows/supervision/supervisor-leg.js';
import {
  bridgeCaller,
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
import {
  crisisDialEnded,
  crisisLinesFor,
  crisisNumberFrom,
  warmTransferFallback,
} from '../../flows/voice/crisis-dial.js';
import { type CallFields, contactIdForCall, type VoiceDeps } from '../../flows/voice/voice-deps.js';
import {
  handleOfferAnswered,
  handleOfferInput,
  handleOfferStatus,
  handleVolunteerInput,
  offerReleasedReply,
  parseReleaseReason,
} from '../../flows/voice/volunteer-call.js';
import { handleCrisisLegStatus, warmTransferUnreachedReply } from '../../flows/voice/warm-transfer.js';
import type { TwilioPathName } from '../../flows/webhook-paths.js';

export interface VoiceInput {
  readonly call: CallFields;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The crisis number carried in the URL, else the deploy-time one. */
  readonly crisisNumber: string;
  readonly language: Language;
  /** The language the caller chose, when the URL carries one; before the choice both are spoken. */
  readonly chosenLanguage: Language | undefined;
}

/** `undefined`: a status callback, answered with an empty response. */
type VoiceRoute = (deps: VoiceDeps, input: VoiceInput) => Promise<VoiceReply | undefined>;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export class BadWebhookError extends Error {
  override readonly name = 'BadWebhookError';
}

function required(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (!value || !ID.test(value)) throw new BadWebhookError(`query parameter ${name} is missing or malformed`);
  return value;
}

/** Caller legs find their contact from the CallSid; the `c` query only confirms it. */
const callerContact = (deps: VoiceDeps, input: VoiceInput) =>
  input.query.get('c') || contactIdForCall(deps.vault, input.call.callSid);
const whisperSeconds = (query: URLSearchParams): number => {
  const seconds = Number(query.get('w'));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : 8;
};
const offer = (input: VoiceInput) => ({
  contactId: required(input.query, 'c'),
  volunteerId: required(input.query, 'v'),
});

export const voiceRoutes: Partial<Record<TwilioPathName, VoiceRoute>> = {
  voiceIncoming: (deps, { call }) => handleIncomingCall(deps, call),
  voiceLanguage: (deps, input) =>
    chooseLanguage(deps, input.call, callerContact(deps, input), input.crisisNumber, input.params.Digits),
  voiceIntake: (deps, input) =>
    handleIntake(deps, input.call, callerContact(deps, input), input.crisisNumber, input.language, {
      ...(input.params.Digits ? { digits: input.params.Digits } : {}),
      ...(input.params.SpeechResult ? { speech: input.params.SpeechResult } : {}),
    }),
  voiceHold: (deps, input) =>
    holdCaller(deps, input.call, callerContact(deps, input), input.crisisNumber, input.chosenLanguage),
  voiceHoldInput: (deps, input) =>
    handleHoldInput(
      deps,
      input.call,
      callerContact(deps, input),
      input.crisisNumber,
      input.chosenLanguage,
      input.params.Digits,
    ),
  voiceStatus: async (deps, input) => {
    await handleCallerStatus(deps, input.call.callSid, input.params.CallStatus ?? '');
    return undefined;
  },
  voiceBridge: (deps, input) => bridgeCaller(deps, callerContact(deps, input)),
  voiceBridgeEnded: async (_deps, input) => callerBridgeEnded(input.language),
  conferenceHold: async (_deps, input) => peerStillHere(input.language),
  crisisDialEnded: async (deps, input) =>
    crisisDialEnded(crisisLinesFor(deps.defaults, input.crisisNumber), input.call.to, input.chosenLanguage, {
      ...(input.params.DialCallStatus ? { dialStatus: input.params.DialCallStatus } : {}),
      ...(input.query.get('a') ? { attempt: input.query.get('a') ?? '' } : {}),
      ...(input.params.Digits ? { digits: input.params.Digits } : {}),
      loops: Number(input.query.get('t')) || 0,
    }),
  crisisLegStatus: async (deps, input) => {
    await handleCrisisLegStatus(
      deps,
      required(input.query, 'c'),
      input.call.callSid,
      input.params.CallStatus ?? '',
    );
    return undefined;
  },
  supervisorLegStatus: async (deps, input) => {
    await handleSupervisorLegStatus(deps, {
      contactId: required(input.query, 'c'),
      supervisorId: required(input.query, 's'),
      mode: input.query.get('m') ?? '',
      callSid: input.call.callSid,
      status: input.params.CallStatus ?? '',
    });
    return undefined;
  },
  crisisFallback: async (deps, input) =>
    warmTransferFallback(
      crisisLinesFor(deps.defaults, input.crisisNumber),
      input.call.to,
      input.language,
      input.query.get('j') === '1',
    ),
  warmTransferUnreached: async (_deps, input) => {
    const { contactId, volunteerId } = offer(input);
    return warmTransferUnreachedReply(contactId, volunteerId);
  },
  offerAnswered: (deps, input) => {
    const { contactId, volunteerId } = offer(input);
    return handleOfferAnswered(deps, contactId, volunteerId, whisperSeconds(input.query));
  },
  offerInput: (deps, input) => {
    const { contactId, volunteerId } = offer(input);
    const wrongKeys = Number(input.query.get('k'));
    return handleOfferInput(deps, contactId, volunteerId, input.params.Digits, {
      seconds: whisperSeconds(input.query),
      wrongKeys: Number.isInteger(wrongKeys) && wrongKeys > 0 ? wrongKeys : 0,
    });
  },
  offerStatus: async (deps, input) => {
    const { contactId, volunteerId } = offer(input);
    await handleOfferStatus(deps, contactId, volunteerId, input.params.CallStatus ?? '');
    return undefined;
  },
  offerTaken: async (_deps, input) => offerReleasedReply(parseReleaseReason(input.query.get('r'))),
  clinicianBridge: (deps, input) => handleClinicianBridge(deps, required(input.query, 'r'), input.call.from),
  volunteerInput: (deps, input) => {
    const { contactId, volunteerId } = offer(input);
    return handleVolunteerInput(
      deps,
      contactId,
      volunteerId,
      input.params.Digits,
      input.query.get('m') === '1',
    );
  },
};

/** Routes walked by a volunteer's leg: on failure they are let go rather than offered the crisis line. */
export const VOLUNTEER_ROUTES: ReadonlySet<TwilioPathName> = new Set([
  'clinicianBridge',
  'offerAnswered',
  'offerInput',
  'offerStatus',
  'offerTaken',
  'volunteerInput',
  'warmTransferUnreached',
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
  fallbackCrisis: string,
): VoiceInput {
  const callSid = params.CallSid ?? '';
  if (!CONFERENCE_ROUTES.has(route) && !/^CA[0-9a-f]{32}$/i.test(callSid))
    throw new BadWebhookError('CallSid is missing or malformed');
  return {
    call: { callSid, from: params.From ?? '', to: params.To ?? '' },
    params,
    query,
    crisisNumber: crisisNumberFrom(query, fallbackCrisis),
    language: languageOf(query.get('l')) ?? 'en',
    chosenLanguage: languageOf(query.get('l')),
  };
}
