// A text to the line: crisis scan first, then who sent it (volunteer or texter), then their flow.
//
// Main course: a texter's message -> their conversation (texter-text.ts); a volunteer's -> a command or a
// relay (volunteer-text.ts).
// Alternate courses: STOP and its synonyms always end everything; START/HELP keep their carrier meaning
// except with a peer connected, where they are words for the peer; crisis language from a texter -> the
// crisis options and the clinician alert in this very reply, decided before the store is asked anything
// slow, so it stands when DynamoDB and EventBridge are down; the peer, if any, is told as well; a reply to a
// pending post-contact survey (flows/survey) is an answer only when it is one, and STOP or crisis words end it.
import { crisisDetector } from '../crisis/crisis-detector.js';
import type { PhoneRecord } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import { volunteerTexts } from '../prompts/volunteer-texts.js';
import type { Language, SmsReply, TextMessage } from '../replies.js';
import type { PendingSurvey } from '../survey/survey-types.js';
import { answerSurvey } from '../survey/texted-survey.js';
import { CRISIS_BOOKKEEPING_MS, CRISIS_LOOKUP_MS, within } from '../within.js';
import { carrierKeyword } from './carrier-keywords.js';
import { handleClinicianText, isClinician } from './clinician-text.js';
import { crisisTextReply, escalationReference } from './crisis-text.js';
import {
  type IncomingText,
  REPLAY_WINDOW_SECONDS,
  type TextDeps,
  textContactId,
  toVolunteerOf,
} from './text-deps.js';
import { handleTexterMessage, handleTexterStop, liveConversation } from './texter-text.js';
import { handleVolunteerText } from './volunteer-text.js';

export type { IncomingText, TextDeps };

const SPANISH_HINT =
  /\b(hola|buen[oa]s|noches|tardes|gracias|ayuda|estoy|quiero|necesito|tengo|hablar|alguien|por favor|no puedo|me siento|adi[oó]s|espanol)\b|[ñ¿¡]/i;

/** A first guess at the texter's language from their own words. */
export function guessLanguage(body: string): Language {
  return SPANISH_HINT.test(body) ? 'es' : 'en';
}

export async function handleIncomingText(
  deps: TextDeps<
    | 'clearAllPaused'
    | 'countQueuedAhead'
    | 'countRecentContacts'
    | 'createContact'
    | 'firstTime'
    | 'getContact'
    | 'getEscalationRef'
    | 'getLine'
    | 'getPhone'
    | 'getVolunteer'
    | 'linkTexter'
    | 'listLive'
    | 'listOnShift'
    | 'listQueued'
    | 'markAllPaused'
    | 'recordMessage'
    | 'saveEscalationRef'
    | 'setOnShift'
    | 'setOptedOut'
    | 'setPaused'
    | 'updateContact'
    | 'updateVolunteer'
  >,
  text: IncomingText,
): Promise<SmsReply> {
  if (isClinician(deps, text.from)) return handleClinicianText(deps, text);
  const keyword = carrierKeyword(text.body);
  const assessment = keyword ? undefined : (await crisisDetector())(text.body);
  const phoneKey = deps.vault.keyOf(text.from);
  if (assessment?.escalate) {
    // Both bounded and side by side; a store that cannot answer counts as a first delivery, never a replay.
    // The stored settings only choose the clinician's language: without them the deploy-time one is used.
    const [phone, first, line] = await Promise.all([
      within(deps.store.getPhone(phoneKey), CRISIS_LOOKUP_MS),
      within(deps.store.firstTime(`crisis#${text.messageSid}`, REPLAY_WINDOW_SECONDS), CRISIS_LOOKUP_MS),
      within(deps.store.getLine(), CRISIS_LOOKUP_MS),
    ]);
    if (phone?.volunteerId) return handleVolunteerText(deps, phone.volunteerId, text);
    if (first === false) return replayedCrisis(deps, text);
    const clinicianLanguage = line?.settings.clinicianLanguage ?? deps.defaults.clinicianLanguage;
    return crisisFromTexter(deps, phoneKey, phone, text, assessment.kind ?? 'unknown', clinicianLanguage);
  }
  const phone = await deps.store.getPhone(phoneKey);
  if (phone?.volunteerId) return handleVolunteerText(deps, phone.volunteerId, text);
  const language = guessLanguage(text.body);
  if (keyword === 'stop') return handleTexterStop(deps, phoneKey, phone);
  // A message belongs to the conversation it was sent in: replayed after that one ended, it must not open or
  // join the next. Side by side with the lookup; a store error counts as a first delivery.
  const [conversation, first, survey] = await Promise.all([
    liveConversation(deps, phone),
    deps.store.firstTime(`text#${text.messageSid}`, REPLAY_WINDOW_SECONDS).catch(() => true),
    // Only a number with no conversation and a survey sent can be answering one; a store error: a new text.
    phone?.contactId || !((phone?.surveyUntil ?? 0) > deps.clock.now())
      ? undefined
      : deps.surveys?.getSurvey(phoneKey, deps.clock.now()).catch(() => undefined),
  ]);
  if (!first) return { messages: [] };
  // HELP keeps its carrier meaning during a survey; YES is an answer.
  if (survey && !conversation && !phone?.optedOut && keyword !== 'help') {
    const answered = await replyToSurvey(deps, survey, text.body, Boolean(assessment?.concern));
    if (answered) return answered;
  }
  // With a peer on the other end, "yes" or "help" is the texter talking to them: only STOP is a keyword.
  if (keyword && conversation?.status !== 'connected') return carrierReply(deps, phoneKey, keyword, language);
  return handleTexterMessage(
    deps,
    phoneKey,
    phone,
    conversation,
    text,
    language,
    assessment?.concern ?? null,
  );
}

/** A reply to a pending survey: the next question or the thanks, or undefined when it is not an answer after all. */
async function replyToSurvey(
  deps: TextDeps<'firstTime' | 'getLine' | 'getPhone'>,
  survey: PendingSurvey,
  body: string,
  concerned: boolean,
): Promise<SmsReply | undefined> {
  const { surveys } = deps;
  if (!surveys) return undefined;
  const { settings } = await deps.store.getLine();
  const outcome = await answerSurvey({ ...deps, surveys }, survey, body, settings, concerned);
  return outcome.kind === 'answered' ? outcome.reply : undefined;
}

async function carrierReply(
  deps: TextDeps<'setOptedOut'>,
  phoneKey: string,
  keyword: 'start' | 'help',
  language: Language,
): Promise<SmsReply> {
  const prompts = promptsFor(language);
  if (keyword === 'help') return { messages: [{ body: prompts.smsHelp(deps.defaults.crisisTextNumber) }] };
  await deps.store.setOptedOut(phoneKey, false);
  return { messages: [{ body: prompts.smsResumed }] };
}

/** A retry or replay of a crisis text: the texter's options again, but no second alert or record. */
function replayedCrisis(deps: TextDeps<never>, text: IncomingText): SmsReply {
  const reply = crisisTextReply(
    deps.defaults,
    guessLanguage(text.body),
    escalationReference(text.messageSid),
    '',
  );
  return { messages: reply.messages.filter((message) => !message.to) };
}

async function crisisFromTexter(
  deps: TextDeps<'createContact' | 'getContact' | 'linkTexter' | 'saveEscalationRef' | 'updateContact'>,
  phoneKey: string,
  phone: PhoneRecord | undefined,
  text: IncomingText,
  kind: string,
  clinicianLanguage: Language,
): Promise<SmsReply> {
  const language = guessLanguage(text.body);
  const reference = escalationReference(text.messageSid);
  const reply = crisisTextReply({ ...deps.defaults, clinicianLanguage }, language, reference, kind);
  const peerNotice = await within(
    recordTexterEscalation(deps, phoneKey, phone, text, language, kind, reference),
    CRISIS_BOOKKEEPING_MS,
  );
  if (peerNotice === undefined)
    deps.log.warn('crisis bookkeeping failed or was slow; the reply and alert stand', { reference });
  return { messages: [...reply.messages, ...(peerNotice ?? [])] };
}

/** Marks the conversation (or a new log entry) escalated and publishes; returns the notice for the peer. */
async function recordTexterEscalation(
  deps: TextDeps<'createContact' | 'getContact' | 'linkTexter' | 'saveEscalationRef' | 'updateContact'>,
  phoneKey: string,
  phone: PhoneRecord | undefined,
  text: IncomingText,
  language: Language,
  kind: string,
  reference: string,
): Promise<TextMessage[]> {
  const now = deps.clock.now();
  const event = deps.events.publish([
    {
      type: 'ContactEscalated',
      contactId: phone?.contactId ?? textContactId(deps.vault, text.messageSid),
      channel: 'sms',
      trigger: 'texter-language',
      kind,
      reference,
    },
  ]);
  // Published whatever the store does: the notifier's alerts must not depend on DynamoDB.
  const [recorded, published] = await Promise.allSettled([
    recordTexterLog(deps, phoneKey, phone, text, language, kind, now),
    event,
  ]);
  if (published.status === 'rejected') deps.log.error('ContactEscalated not published', { reference });
  if (recorded.status === 'rejected') throw recorded.reason;
  return recorded.value;
}

async function recordTexterLog(
  deps: TextDeps<'createContact' | 'getContact' | 'linkTexter' | 'saveEscalationRef' | 'updateContact'>,
  phoneKey: string,
  phone: PhoneRecord | undefined,
  text: IncomingText,
  language: Language,
  kind: string,
  now: number,
): Promise<TextMessage[]> {
  const conversation = await liveConversation(deps, phone);
  const contactId = conversation?.contactId ?? textContactId(deps.vault, text.messageSid);
  const escalation = { trigger: 'texter-language' as const, kind, at: now };
  // A survey waiting for this number ends: what comes next is about safety, not an answer.
  await Promise.all([
    deps.store.saveEscalationRef({
      reference: escalationReference(text.messageSid),
      contactId,
      callerSealed: deps.vault.seal(text.from),
      liveUntil: now + deps.defaults.liveStateHours * 3_600_000,
    }),
    deps.surveys?.closeSurvey(phoneKey),
  ]);
  if (conversation) {
    await deps.store.updateContact(contactId, { channel: 'sms', set: { escalation } });
  } else {
    await deps.store.createContact({
      contactId,
      channel: 'sms',
      language,
      callerKey: phoneKey,
      status: 'ended',
      outcome: 'escalated',
      escalation,
      startedAt: now,
      endedAt: now,
      offersOutstanding: 0,
      offerRound: 0,
      liveUntil: now,
      messageCount: 1,
    });
  }
  return conversation
    ? toVolunteerOf(deps, conversation, volunteerTexts.escalatedByDetector(conversation.tag ?? '?'))
    : [];
}
