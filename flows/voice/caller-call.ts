// The caller's side of a voice call: greeting, language, optional intake, hold loop, bridge, hang-up.
//
// Main course: incoming -> greeting (2 = Spanish, 9 = crisis) -> queued with ContactQueued -> hold loop
// (position, reassurance, 1 = text me back (not offered to a withheld number), 9 = crisis) -> redirected by the dispatcher to the bridge ->
// conference with the volunteer -> the caller's own status callback ends the contact (a volunteer leaving
// sends the caller a goodbye, unless the volunteer warm-transferred them to the crisis line).
// The welcome is the coordinators' own when set; the peer-not-crisis wording and the crisis key always follow.
// Alternate courses: blocked caller, line closed, nobody on shift or everyone on shift paused (the unstaffed
// path at once; the line's all-paused mark is kept beside it, once per stretch), maximum wait (overflow), key 1
// or a text-back overflow (the call ends and a text-back request waits in its place), hang-up while held
// (abandoned), replayed webhooks and callbacks (every transition is conditional, so a replay is a no-op).
import { callerKeyFor, isWithheldKey } from '../caller-identity.js';
import { earlierContacts, repeatCountField } from '../contact-log.js';
import { crisisDetector } from '../crisis/crisis-detector.js';
import { isUnstaffed, noteAllPaused } from '../dispatch/all-paused.js';
import type { LineSettings } from '../line-settings.js';
import type { Concern, Contact, Volunteer } from '../model.js';
import { promptsFor, spokenTo } from '../prompts/prompts.js';
import type { ActionTarget, Language, SpokenStep, VoiceReply, VoiceStep } from '../replies.js';
import { hangup, pause, play, say } from '../replies.js';
import { isLineOpen, nextOpening } from '../roster/line-hours.js';
import { textWaitBounds } from '../sms/text-deps.js';
import { DEFAULT_HOLD_LOOP_SECONDS } from '../standard-settings.js';
import { webhookTarget } from '../webhook-query.js';
import { CRISIS_BOOKKEEPING_MS, within } from '../within.js';
import { CRISIS_KEY, crisisDialReply, crisisLinesFor, partnerDialReply } from './crisis-dial.js';
import { describeOpening } from './describe-opening.js';
import { type CallFields, conferenceRoom, contactIdForCall, type VoiceDeps } from './voice-deps.js';

const GREETING_TIMEOUT_SECONDS = 4;

function callerTarget(
  route: 'voiceLanguage' | 'voiceIntake' | 'voiceHold' | 'voiceHoldInput',
  contactId: string,
  crisisNumber: string,
  language?: Language,
): ActionTarget {
  return webhookTarget(route, { contactId, crisisNumber, language });
}

/** Where a waiting caller joined their queue: the hold loop's URL carries it (see placeInQueue). */
export interface QueuePlace {
  readonly queuedAt: number;
  readonly concern: boolean;
}

function placeOf(contact: Contact): QueuePlace | undefined {
  return contact.queuedAt === undefined
    ? undefined
    : { queuedAt: contact.queuedAt, concern: contact.concern !== undefined };
}

function holdTarget(
  contactId: string,
  crisisNumber: string,
  language: Language,
  place: QueuePlace | undefined,
): ActionTarget {
  return webhookTarget('voiceHold', { contactId, crisisNumber, language, ...place });
}

/**
 * The greeting in one language: the coordinators' own words, or the standard welcome with the line's name,
 * then always the "peer line, not a crisis line" wording, which no setting can remove.
 */
function greetingFor(language: Language, settings: Pick<LineSettings, 'lineName' | 'greeting'>): string {
  const words = promptsFor(language);
  const welcome = settings.greeting?.[language] || words.welcome(settings.lineName || undefined);
  return `${welcome} ${words.peerNotCrisis}`;
}

/** Said before the caller has chosen a language, so in both; 9 still reaches the crisis line. */
function crisisGate(contactId: string, crisisNumber: string, prompts: readonly SpokenStep[]): VoiceStep[] {
  return [
    {
      kind: 'gather',
      action: callerTarget('voiceHoldInput', contactId, crisisNumber),
      numDigits: 1,
      timeoutSeconds: 5,
      prompts,
    },
    hangup(),
  ];
}

export async function handleIncomingCall(
  deps: VoiceDeps<'clearAllPaused' | 'countRecentContacts' | 'createContact' | 'getLine' | 'markAllPaused'>,
  call: CallFields,
): Promise<VoiceReply> {
  const now = deps.clock.now();
  const contactId = contactIdForCall(deps.vault, call.callSid);
  const callerKey = callerKeyFor(deps.vault, call.from, contactId);
  // Side by side: the count costs the caller no extra wait, and the log needs no write once the call ends.
  const [line, earlier] = await Promise.all([deps.store.getLine(), earlierContacts(deps, callerKey, now)]);
  const { settings } = line;
  const base = {
    ...repeatCountField(earlier),
    contactId,
    channel: 'voice' as const,
    language: 'en' as const,
    callerKey,
    callSid: call.callSid,
    startedAt: now,
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: now + settings.liveStateHours * 3_600_000,
  };
  const endWith = (outcome: Contact['outcome']) =>
    deps.store.createContact({ ...base, status: 'ended', outcome, endedAt: now });

  if (line.blockedKeys.has(callerKey)) {
    await endWith('blocked');
    return { steps: [...spokenTo(undefined, (words) => words.blocked), hangup()] };
  }
  if (!isLineOpen(settings.hours, now, settings.timeZone)) {
    await endWith('after-hours');
    const opensAt = nextOpening(settings.hours, now, settings.timeZone);
    return {
      steps: crisisGate(
        contactId,
        settings.crisisNumber,
        spokenTo(
          undefined,
          (words, language) =>
            `${words.closedNow(describeOpening(opensAt, now, settings.timeZone, language), settings.crisisNumber)} ${words.textWhenOpen}`,
        ),
      ),
    };
  }
  // Both reads come with the line record: no extra round trip, and the mark is written only when it changes.
  const noted = noteAllPaused(deps, line);
  if (isUnstaffed(line)) {
    await Promise.all([endWith('unstaffed'), noted]);
    return {
      steps: crisisGate(
        contactId,
        settings.crisisNumber,
        spokenTo(
          undefined,
          (words) =>
            `${words.unstaffedNow(settings.crisisNumber, settings.textWaitMinutes)} ${words.textWhenOpen}`,
        ),
      ),
    };
  }
  await Promise.all([
    deps.store.createContact({ ...base, status: 'greeting', callerSealed: deps.vault.seal(call.from) }),
    noted,
  ]);
  return {
    steps: [
      {
        kind: 'gather',
        action: callerTarget('voiceLanguage', contactId, settings.crisisNumber),
        numDigits: 1,
        timeoutSeconds: GREETING_TIMEOUT_SECONDS,
        // English first in full, then the Spanish choice with the crisis key in Spanish too.
        prompts: [
          say(greetingFor('en', settings), 'en'),
          say(promptsFor('en').crisisOption(settings.crisisNumber), 'en'),
          say(promptsFor('es').chooseSpanish, 'es'),
          say(promptsFor('es').crisisOption(settings.crisisNumber), 'es'),
        ],
      },
      // No key: English.
      { kind: 'redirect', to: callerTarget('voiceLanguage', contactId, settings.crisisNumber) },
    ],
  };
}

export async function chooseLanguage(
  deps: VoiceDeps<'getLine' | 'updateContact'>,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  digits: string | undefined,
): Promise<VoiceReply> {
  const language: Language = digits === '2' ? 'es' : 'en';
  if (digits === CRISIS_KEY) return escalateByKey(deps, call, contactId, crisisNumber, language);
  const line = await deps.store.getLine();
  // The greeting was in English: a Spanish caller hears it in Spanish (the coordinators' own words when
  // they wrote some), so "peer line, not a crisis line" reaches them in their language, with the crisis key.
  const intro =
    language === 'es'
      ? [say(greetingFor('es', line.settings), 'es'), say(promptsFor('es').crisisOption(crisisNumber), 'es')]
      : [];
  if (line.settings.voiceIntake) {
    return {
      steps: [
        {
          kind: 'gather',
          action: callerTarget('voiceIntake', contactId, crisisNumber, language),
          numDigits: 1,
          timeoutSeconds: 6,
          speechLanguage: language,
          prompts: [...intro, say(promptsFor(language).intakeQuestion, language)],
        },
        { kind: 'redirect', to: callerTarget('voiceIntake', contactId, crisisNumber, language) },
      ],
    };
  }
  const queued = await queueCaller(deps, contactId, crisisNumber, language, line.settings);
  if (intro.length === 0) return queued;
  // Inside a gather so 9 works while it plays; the caller is already queued, so the hold keys apply.
  return { steps: [holdKeys(contactId, crisisNumber, language, intro), ...queued.steps] };
}

/** Prompts inside a one-key gather, so the hold keys (1 text-back, 9 crisis) work while they play. */
function holdKeys(
  contactId: string,
  crisisNumber: string,
  language: Language,
  prompts: readonly SpokenStep[],
): VoiceStep {
  return {
    kind: 'gather',
    action: callerTarget('voiceHoldInput', contactId, crisisNumber, language),
    numDigits: 1,
    timeoutSeconds: 1,
    prompts,
  };
}

/** The spoken intake: crisis language escalates at once; anything else joins the queue. Words are never kept. */
export async function handleIntake(
  deps: VoiceDeps<'getLine' | 'updateContact'>,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language,
  input: { digits?: string; speech?: string },
): Promise<VoiceReply> {
  if (input.digits === CRISIS_KEY) return escalateByKey(deps, call, contactId, crisisNumber, language);
  const assessment = input.speech ? (await crisisDetector())(input.speech, language) : undefined;
  if (assessment?.escalate) {
    return escalate(
      deps,
      call,
      contactId,
      crisisNumber,
      language,
      'caller-language',
      assessment.kind ?? 'unknown',
    );
  }
  const line = await deps.store.getLine();
  const concern = assessment?.concern ? { kind: assessment.concern, at: deps.clock.now() } : undefined;
  return queueCaller(deps, contactId, crisisNumber, language, line.settings, concern);
}

async function queueCaller(
  deps: VoiceDeps<'updateContact'>,
  contactId: string,
  crisisNumber: string,
  language: Language,
  settings: VoiceDeps['defaults'],
  concern?: Concern,
): Promise<VoiceReply> {
  const now = deps.clock.now();
  const queued = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['greeting'],
    set: {
      status: 'queued',
      language,
      queuedAt: now,
      ...(concern ? { concern } : {}),
      overflowAt: now + settings.maxWaitSeconds * 1000,
      overflow: settings.overflow,
      holdLoopSeconds: settings.holdLoopSeconds,
      ...(settings.holdAudioUrl
        ? { holdAudio: { url: settings.holdAudioUrl, seconds: settings.holdAudioSeconds } }
        : {}),
    },
  });
  // A replayed language webhook finds the contact already queued: no second event.
  if (queued) await deps.events.publish([{ type: 'ContactQueued', contactId, channel: 'voice', language }]);
  return {
    steps: [
      say(promptsFor(language).holdReassurance, language),
      { kind: 'redirect', to: holdTarget(contactId, crisisNumber, language, queued && placeOf(queued)) },
    ],
  };
}

export async function holdCaller(
  deps: VoiceDeps<
    | 'countQueuedAhead'
    | 'createContact'
    | 'getContact'
    | 'getLine'
    | 'linkTexter'
    | 'placeInQueue'
    | 'updateContact'
  >,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  chosen: Language | undefined,
  place?: QueuePlace,
): Promise<VoiceReply> {
  const now = deps.clock.now();
  // One read while the caller waits where they joined; otherwise (taken, ended, an old URL) the contact is read.
  const placed =
    chosen && place ? await deps.store.placeInQueue('voice', chosen, contactId, place) : undefined;
  const contact = placed?.contact ?? (await deps.store.getContact(contactId));
  // Taken while this turn was on its way (or the bridge's own redirect was lost): straight into the room.
  if (contact?.status === 'connected') return callerBridge(contact);
  if (contact?.status !== 'queued' || contact.liveUntil <= now) {
    return { steps: [...spokenTo(chosen ?? contact?.language, (words) => words.thanksForCalling), hangup()] };
  }
  const language = chosen ?? contact.language;
  const prompts = promptsFor(language);
  if (contact.overflowAt !== undefined && now >= contact.overflowAt) {
    return overflowCaller(deps, call, contact, crisisNumber);
  }
  const ahead =
    placed?.ahead ??
    (await deps.store.countQueuedAhead(
      'voice',
      language,
      contact.queuedAt ?? now,
      contact.concern !== undefined,
    ));
  const words = [
    prompts.holdPosition(ahead + 1),
    isWithheldKey(contact.callerKey) ? prompts.holdOptionsWithoutTextBack : prompts.holdOptions,
    prompts.holdReassurance,
  ];
  const loopSeconds = contact.holdLoopSeconds ?? DEFAULT_HOLD_LOOP_SECONDS;
  const secondsLeft =
    contact.overflowAt === undefined ? Number.POSITIVE_INFINITY : (contact.overflowAt - now) / 1000;
  // A whole turn only when it ends before the maximum wait. Otherwise the last turn still says the caller's
  // place and keys when they fit (a short wait limit must not hide the crisis key), then holds up to the
  // deadline, so the overflow comes on time instead of up to a turn late.
  const [position, options, reassurance] = words.map((text) => say(text, language));
  const announced = speakingSeconds(words.slice(0, 2));
  const turn =
    secondsLeft >= loopSeconds + speakingSeconds(words) && position && options && reassurance
      ? [position, options, ...holdFiller(loopSeconds, contact.holdAudio), reassurance]
      : secondsLeft >= announced && position && options
        ? [
            position,
            options,
            ...holdFiller(Math.max(1, Math.ceil(secondsLeft - announced)), contact.holdAudio),
          ]
        : holdFiller(Math.max(1, Math.ceil(secondsLeft)), contact.holdAudio);
  return {
    steps: [
      holdKeys(contactId, crisisNumber, language, turn),
      { kind: 'redirect', to: holdTarget(contactId, crisisNumber, language, placeOf(contact)) },
    ],
  };
}

/** A generous guess at how long text-to-speech takes (about 150 words a minute), so turns end in time. */
function speakingSeconds(texts: readonly string[]): number {
  const words = texts.join(' ').split(/\s+/).filter(Boolean).length;
  return Math.ceil(words / 2.5);
}

/**
 * `seconds` of hold audio: the clip repeated as often as it fits whole (Twilio plays a file to its end), the
 * rest quiet; with no clip, a pause. Either way inside the hold gather, so 1 and 9 work throughout.
 */
function holdFiller(seconds: number, audio: Contact['holdAudio']): SpokenStep[] {
  const times = audio ? Math.floor(seconds / audio.seconds) : 0;
  const rest = seconds - times * (audio?.seconds ?? 0);
  return [...(audio && times > 0 ? [play(audio.url, times)] : []), ...(rest > 0 ? [pause(rest)] : [])];
}

async function overflowCaller(
  deps: VoiceDeps<'createContact' | 'getContact' | 'getLine' | 'linkTexter' | 'updateContact'>,
  call: CallFields,
  contact: Contact,
  crisisNumber: string,
): Promise<VoiceReply> {
  const { language } = contact;
  const prompts = promptsFor(language);
  const overflow = contact.overflow ?? { kind: 'resources' };
  // A withheld number cannot be texted: that caller hears the resources instead of a promise nobody can keep.
  if (overflow.kind === 'text-back' && (await requestTextBack(deps, contact.contactId))) {
    return { steps: [say(prompts.overflowTextBack, language), hangup()] };
  }
  await endQueuedContact(deps, contact.contactId);
  if (overflow.kind === 'partner-line')
    return partnerDialReply(crisisLinesFor(deps.defaults, crisisNumber), overflow.number, call.to, language);
  return { steps: [say(prompts.overflowResources(crisisNumber), language), hangup()] };
}

async function endQueuedContact(deps: VoiceDeps<'updateContact'>, contactId: string): Promise<void> {
  const ended = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['queued'],
    set: { status: 'ended', outcome: 'overflowed', endedAt: deps.clock.now() },
    remove: ['callerSealed'],
  });
  if (ended)
    await deps.events.publish([{ type: 'ContactEnded', contactId, channel: 'voice', outcome: 'overflowed' }]);
}

/** The text conversation a caller's text-back request becomes: one per call, so a replay finds it. */
export const textBackRequestId = (voiceContactId: string): string => `t-${voiceContactId}`;

/**
 * Turns a held caller into a waiting text-back request; false when that cannot be (a withheld number, or the
 * caller is no longer waiting). Each step is safe to replay: the call is claimed (queued -> ended, outcome
 * text-back, the sealed number still on it), the request is created once under an id taken from the call,
 * and only then does the number leave the ended call. A replay after that finds the call ended as text-back
 * with no number: the request already exists.
 */
async function requestTextBack(
  deps: VoiceDeps<'createContact' | 'getContact' | 'getLine' | 'linkTexter' | 'updateContact'>,
  contactId: string,
): Promise<boolean> {
  const contact = await deps.store.getContact(contactId);
  if (!contact || isWithheldKey(contact.callerKey)) return false;
  const now = deps.clock.now();
  let call: Contact | undefined = contact;
  if (contact.status === 'queued') {
    call = await deps.store.updateContact(contactId, {
      channel: 'voice',
      expectStatus: ['queued'],
      set: { status: 'ended', outcome: 'text-back', endedAt: now },
    });
    if (!call) return false;
    await deps.events.publish([{ type: 'ContactEnded', contactId, channel: 'voice', outcome: 'text-back' }]);
  } else if (contact.status !== 'ended' || contact.outcome !== 'text-back') return false;
  if (!call.callerSealed) return true;
  const { settings } = await deps.store.getLine();
  const requestId = textBackRequestId(contactId);
  const created = await deps.store.createContact({
    contactId: requestId,
    channel: 'sms',
    language: call.language,
    callerKey: call.callerKey,
    status: 'queued',
    startedAt: now,
    queuedAt: now,
    lastActivityAt: now,
    ...textWaitBounds(settings, now),
    offersOutstanding: 0,
    offerRound: 0,
    messageCount: 0,
    callerSealed: call.callerSealed,
    textBack: true,
    ...(call.concern ? { concern: call.concern } : {}),
  });
  if (created === 'created') {
    // The caller's own texts join the request while it waits, and the conversation once a peer accepts.
    await deps.store.linkTexter(call.callerKey, requestId, undefined);
    await deps.events.publish([
      { type: 'ContactQueued', contactId: requestId, channel: 'sms', language: call.language },
    ]);
  }
  await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['ended'],
    remove: ['callerSealed'],
  });
  return true;
}

export async function handleHoldInput(
  deps: VoiceDeps<'createContact' | 'getContact' | 'getLine' | 'linkTexter' | 'updateContact'>,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language | undefined,
  digits: string | undefined,
): Promise<VoiceReply> {
  if (digits === CRISIS_KEY) return escalateByKey(deps, call, contactId, crisisNumber, language);
  // Key 1 is not offered to a withheld number; pressed anyway, the caller simply keeps holding.
  if (digits === '1' && (await requestTextBack(deps, contactId))) {
    return { steps: [...spokenTo(language, (words) => words.textBackConfirmed), hangup()] };
  }
  return { steps: [{ kind: 'redirect', to: callerTarget('voiceHold', contactId, crisisNumber, language) }] };
}

function escalateByKey(
  deps: VoiceDeps<'updateContact'>,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language | undefined,
): Promise<VoiceReply> {
  return escalate(deps, call, contactId, crisisNumber, language, 'caller-key', 'keypress');
}

/**
 * The reply is decided first and returned whatever happens to the bookkeeping: a caller in crisis is
 * dialled to the crisis line even when the store and the bus are both down.
 */
async function escalate(
  deps: VoiceDeps<'updateContact'>,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language | undefined,
  trigger: 'caller-key' | 'caller-language',
  kind: string,
): Promise<VoiceReply> {
  const reply = crisisDialReply(crisisLinesFor(deps.defaults, crisisNumber), call.to, language);
  const settled = await within(recordEscalation(deps, contactId, trigger, kind), CRISIS_BOOKKEEPING_MS);
  if (settled === undefined)
    deps.log.warn('escalation bookkeeping was slow; the caller was dialled to the crisis line', {
      contactId,
    });
  return reply;
}

/** The record and the event are independent: either may fail without costing the other. */
async function recordEscalation(
  deps: VoiceDeps<'updateContact'>,
  contactId: string,
  trigger: 'caller-key' | 'caller-language',
  kind: string,
): Promise<true> {
  const now = deps.clock.now();
  const [ended, published] = await Promise.allSettled([
    deps.store.updateContact(contactId, {
      channel: 'voice',
      expectStatus: ['greeting', 'queued'],
      set: { status: 'ended', outcome: 'escalated', endedAt: now, escalation: { trigger, kind, at: now } },
      remove: ['callerSealed'],
    }),
    deps.events.publish([{ type: 'ContactEscalated', contactId, channel: 'voice', trigger, kind }]),
  ]);
  if (ended.status === 'fulfilled' && ended.value) {
    await deps.events
      .publish([{ type: 'ContactEnded', contactId, channel: 'voice', outcome: 'escalated' }])
      .catch(() => undefined);
  }
  for (const failed of [ended, published].filter((r) => r.status === 'rejected')) {
    deps.log.error('escalation bookkeeping failed; the caller was dialled to the crisis line', {
      contactId,
      error: failed.reason instanceof Error ? failed.reason.name : 'unknown',
    });
  }
  return true;
}

/** The caller joins their volunteer's room; the room ending with the caller still here is said goodbye to. */
export function callerBridge(contact: Pick<Contact, 'contactId' | 'language'>): VoiceReply {
  const { contactId, language } = contact;
  return {
    steps: [
      say(promptsFor(language).connecting, language),
      {
        kind: 'dial-conference',
        room: conferenceRoom(contactId),
        endConferenceOnExit: true,
        hangupOnStar: false,
        action: webhookTarget('voiceBridgeEnded', { contactId, language }),
      },
      say(promptsFor(language).callEndedByPeer, language),
      hangup(),
    ],
  };
}

/** Announced into the room while the volunteer is in the star menu: the caller never sits in silence. */
export function peerStillHere(language: Language): VoiceReply {
  return { steps: [say(promptsFor(language).peerStillHere, language)] };
}

export function callerBridgeEnded(language: Language): VoiceReply {
  return { steps: [say(promptsFor(language).callEndedByPeer, language), hangup()] };
}

/** The caller's leg has ended (status callback): abandon, or complete, exactly once. */
export async function handleCallerStatus(
  deps: VoiceDeps<'getLine' | 'updateContact' | 'updateVolunteer'>,
  callSid: string,
  callStatus: string,
): Promise<void> {
  if (!['completed', 'busy', 'no-answer', 'canceled', 'failed'].includes(callStatus)) return;
  const contactId = contactIdForCall(deps.vault, callSid);
  const now = deps.clock.now();
  // Most calls that end were answered: that ending is tried first, so it costs one write.
  const completed = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['connected'],
    set: { status: 'ended', outcome: 'completed', endedAt: now },
    remove: ['callerSealed'],
  });
  if (completed) {
    await finishConversation(deps, completed);
    return;
  }
  const abandoned = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['greeting', 'queued'],
    set: { status: 'ended', outcome: 'abandoned', endedAt: now },
    remove: ['callerSealed'],
  });
  if (abandoned) await deps.events.publish([{ type: 'ContactAbandoned', contactId, channel: 'voice' }]);
}

/** After a conversation: the volunteer wraps up, then is free again (derived from wrapUntil). */
export async function finishConversation(
  deps: VoiceDeps<'getLine' | 'updateVolunteer'>,
  contact: Contact,
): Promise<void> {
  if (contact.volunteerId) await releaseVolunteer(deps, contact.volunteerId, contact.contactId);
  await deps.events.publish([
    {
      type: 'ContactEnded',
      contactId: contact.contactId,
      channel: contact.channel,
      outcome: contact.outcome ?? 'completed',
    },
  ]);
}

/** A volunteer still busy on this contact starts wrap-up; undefined when they had already left it. */
export async function releaseVolunteer(
  deps: VoiceDeps<'getLine' | 'updateVolunteer'>,
  volunteerId: string,
  contactId: string,
): Promise<Volunteer | undefined> {
  const now = deps.clock.now();
  const line = await deps.store.getLine();
  return deps.store.updateVolunteer(volunteerId, {
    expectState: ['busy'],
    expectContactId: contactId,
    set: { state: 'wrapup', wrapUntil: now + line.settings.wrapUpSeconds * 1000, idleSince: now },
    remove: ['contactId'],
  });
}
