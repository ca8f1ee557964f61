// The caller's side of a voice call: greeting, language, optional intake, hold loop, bridge, hang-up.
//
// Main course: incoming -> greeting (2 = Spanish, 9 = crisis) -> queued with ContactQueued -> hold loop
// (position, reassurance, 1 = text me back, 9 = crisis) -> redirected by the dispatcher to the bridge ->
// conference with the volunteer -> the caller's own status callback ends the contact (a volunteer leaving
// sends the caller a goodbye, unless the volunteer warm-transferred them to the crisis line).
// The welcome is the coordinators' own when set; the peer-not-crisis wording and the crisis key always follow.
// Alternate courses: blocked caller, line closed, nobody on shift or everyone on shift paused (the unstaffed
// path at once; the line's all-paused mark is kept beside it, once per stretch), maximum wait (overflow), hang-up while
// held (abandoned), replayed webhooks and callbacks (every transition is conditional, so a replay is a no-op).
import { callerKeyFor } from '../caller-identity.js';
import { detectCrisis } from '../crisis/detect-crisis.js';
import { isUnstaffed, noteAllPaused } from '../dispatch/all-paused.js';
import type { LineSettings } from '../line-settings.js';
import type { Concern, Contact, Volunteer } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import type { ActionTarget, Language, SpokenStep, VoiceReply, VoiceStep } from '../replies.js';
import { hangup, pause, say } from '../replies.js';
import { isLineOpen, nextOpening } from '../roster/line-hours.js';
import { CRISIS_BOOKKEEPING_MS, within } from '../within.js';
import { CRISIS_KEY, crisisDialReply, crisisLinesFor, partnerDialReply } from './crisis-dial.js';
import { describeOpening } from './describe-opening.js';
import { type CallFields, conferenceRoom, contactIdForCall, type VoiceDeps } from './voice-deps.js';

const GREETING_TIMEOUT_SECONDS = 4;

function callerTarget(
  route: ActionTarget['route'],
  contactId: string,
  crisisNumber: string,
  language?: Language,
) {
  return { route, query: { c: contactId, cn: crisisNumber, ...(language ? { l: language } : {}) } };
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

function crisisGate(
  contactId: string,
  crisisNumber: string,
  language: Language,
  lines: string[],
): VoiceStep[] {
  return [
    {
      kind: 'gather',
      action: callerTarget('voiceHoldInput', contactId, crisisNumber, language),
      numDigits: 1,
      timeoutSeconds: 5,
      prompts: lines.map((line) => say(line, language)),
    },
    hangup(),
  ];
}

export async function handleIncomingCall(deps: VoiceDeps, call: CallFields): Promise<VoiceReply> {
  const now = deps.clock.now();
  const line = await deps.store.getLine();
  const { settings } = line;
  const contactId = contactIdForCall(deps.vault, call.callSid);
  const callerKey = callerKeyFor(deps.vault, call.from, contactId);
  const en = promptsFor('en');
  const base = {
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
    return { steps: [say(en.blocked, 'en'), hangup()] };
  }
  if (!isLineOpen(settings.hours, now, settings.timeZone)) {
    await endWith('after-hours');
    const opensAt = describeOpening(
      nextOpening(settings.hours, now, settings.timeZone),
      now,
      settings.timeZone,
    );
    return {
      steps: crisisGate(contactId, settings.crisisNumber, 'en', [
        en.closedNow(opensAt, settings.crisisNumber),
        en.textWhenOpen,
      ]),
    };
  }
  // Both reads come with the line record: no extra round trip, and the mark is written only when it changes.
  const noted = noteAllPaused(deps, line);
  if (isUnstaffed(line)) {
    await Promise.all([endWith('unstaffed'), noted]);
    return {
      steps: crisisGate(contactId, settings.crisisNumber, 'en', [
        en.unstaffedNow(settings.crisisNumber),
        en.textWhenOpen,
      ]),
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
        prompts: [
          say(greetingFor('en', settings), 'en'),
          say(en.chooseSpanish, 'es'),
          say(en.crisisOption(settings.crisisNumber), 'en'),
        ],
      },
      // No key: English.
      { kind: 'redirect', to: callerTarget('voiceLanguage', contactId, settings.crisisNumber) },
    ],
  };
}

export async function chooseLanguage(
  deps: VoiceDeps,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  digits: string | undefined,
): Promise<VoiceReply> {
  const language: Language = digits === '2' ? 'es' : 'en';
  if (digits === CRISIS_KEY) return escalateByKey(deps, call, contactId, crisisNumber, language);
  const line = await deps.store.getLine();
  // The greeting was in English; a Spanish caller hears the line's own Spanish greeting when coordinators
  // wrote one, with the crisis key again (with none set the call goes on exactly as it always has).
  const intro =
    language === 'es' && line.settings.greeting?.es
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
  deps: VoiceDeps,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language,
  input: { digits?: string; speech?: string },
): Promise<VoiceReply> {
  if (input.digits === CRISIS_KEY) return escalateByKey(deps, call, contactId, crisisNumber, language);
  const assessment = input.speech ? detectCrisis(input.speech, language) : undefined;
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
  deps: VoiceDeps,
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
    },
  });
  // A replayed language webhook finds the contact already queued: no second event.
  if (queued) await deps.events.publish([{ type: 'ContactQueued', contactId, channel: 'voice', language }]);
  return {
    steps: [
      say(promptsFor(language).holdReassurance, language),
      { kind: 'redirect', to: callerTarget('voiceHold', contactId, crisisNumber, language) },
    ],
  };
}

export async function holdCaller(
  deps: VoiceDeps,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language,
): Promise<VoiceReply> {
  const now = deps.clock.now();
  const prompts = promptsFor(language);
  const contact = await deps.store.getContact(contactId);
  if (contact && (contact.status === 'connecting' || contact.status === 'connected')) {
    return { steps: [{ kind: 'redirect', to: { route: 'voiceBridge', query: { c: contactId } } }] };
  }
  if (contact?.status !== 'queued' || contact.liveUntil <= now) {
    return { steps: [say(prompts.thanksForCalling, language), hangup()] };
  }
  if (contact.overflowAt !== undefined && now >= contact.overflowAt) {
    return overflowCaller(deps, call, contact, crisisNumber);
  }
  const ahead = await deps.store.countQueuedAhead(
    'voice',
    language,
    contact.queuedAt ?? now,
    contact.concern !== undefined,
  );
  return {
    steps: [
      holdKeys(contactId, crisisNumber, language, [
        say(prompts.holdPosition(ahead + 1), language),
        say(prompts.holdOptions, language),
        pause(contact.holdLoopSeconds ?? 20),
        say(prompts.holdReassurance, language),
      ]),
      { kind: 'redirect', to: callerTarget('voiceHold', contactId, crisisNumber, language) },
    ],
  };
}

async function overflowCaller(
  deps: VoiceDeps,
  call: CallFields,
  contact: Contact,
  crisisNumber: string,
): Promise<VoiceReply> {
  const { language } = contact;
  const prompts = promptsFor(language);
  const overflow = contact.overflow ?? { kind: 'resources' };
  const outcome = overflow.kind === 'text-back' ? 'text-back' : 'overflowed';
  await endQueuedContact(deps, contact.contactId, outcome, overflow.kind === 'text-back');
  switch (overflow.kind) {
    case 'partner-line':
      return partnerDialReply(
        crisisLinesFor(deps.defaults, crisisNumber),
        overflow.number,
        call.to,
        language,
      );
    case 'text-back':
      return { steps: [say(prompts.overflowTextBack, language), hangup()] };
    case 'resources':
      return { steps: [say(prompts.overflowResources(crisisNumber), language), hangup()] };
  }
}

/** Ends a waiting contact; a text-back keeps the sealed number until the SMS side has used it. */
async function endQueuedContact(
  deps: VoiceDeps,
  contactId: string,
  outcome: 'overflowed' | 'text-back',
  keepNumber: boolean,
): Promise<void> {
  const ended = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['queued'],
    set: { status: 'ended', outcome, endedAt: deps.clock.now() },
    ...(keepNumber ? {} : { remove: ['callerSealed'] }),
  });
  if (ended) await deps.events.publish([{ type: 'ContactEnded', contactId, channel: 'voice', outcome }]);
}

export async function handleHoldInput(
  deps: VoiceDeps,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language,
  digits: string | undefined,
): Promise<VoiceReply> {
  if (digits === CRISIS_KEY) return escalateByKey(deps, call, contactId, crisisNumber, language);
  if (digits === '1') {
    await endQueuedContact(deps, contactId, 'text-back', true);
    return { steps: [say(promptsFor(language).textBackConfirmed, language), hangup()] };
  }
  return { steps: [{ kind: 'redirect', to: callerTarget('voiceHold', contactId, crisisNumber, language) }] };
}

function escalateByKey(
  deps: VoiceDeps,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language,
): Promise<VoiceReply> {
  return escalate(deps, call, contactId, crisisNumber, language, 'caller-key', 'keypress');
}

/**
 * The reply is decided first and returned whatever happens to the bookkeeping: a caller in crisis is
 * dialled to the crisis line even when the store and the bus are both down.
 */
async function escalate(
  deps: VoiceDeps,
  call: CallFields,
  contactId: string,
  crisisNumber: string,
  language: Language,
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
  deps: VoiceDeps,
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

/** The dispatcher redirects the caller here once a volunteer has accepted. */
export async function bridgeCaller(deps: VoiceDeps, contactId: string): Promise<VoiceReply> {
  const contact = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['connecting'],
    set: { status: 'connected' },
  });
  const current = contact ?? (await deps.store.getContact(contactId));
  const language = current?.language ?? 'en';
  if (current?.status !== 'connected') {
    return { steps: [say(promptsFor(language).thanksForCalling, language), hangup()] };
  }
  return {
    steps: [
      say(promptsFor(language).connecting, language),
      {
        kind: 'dial-conference',
        room: conferenceRoom(contactId),
        endConferenceOnExit: true,
        hangupOnStar: false,
        action: { route: 'voiceBridgeEnded', query: { c: contactId, l: language } },
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
  deps: VoiceDeps,
  callSid: string,
  callStatus: string,
): Promise<void> {
  if (!['completed', 'busy', 'no-answer', 'canceled', 'failed'].includes(callStatus)) return;
  const contactId = contactIdForCall(deps.vault, callSid);
  const now = deps.clock.now();
  const abandoned = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['greeting', 'queued'],
    set: { status: 'ended', outcome: 'abandoned', endedAt: now },
    remove: ['callerSealed'],
  });
  if (abandoned) {
    await deps.events.publish([{ type: 'ContactAbandoned', contactId, channel: 'voice' }]);
    return;
  }
  const completed = await deps.store.updateContact(contactId, {
    channel: 'voice',
    expectStatus: ['connecting', 'connected'],
    set: { status: 'ended', outcome: 'completed', endedAt: now },
    remove: ['callerSealed'],
  });
  if (completed) await finishConversation(deps, completed);
}

/** After a conversation: the volunteer wraps up, then is free again (derived from wrapUntil). */
export async function finishConversation(deps: VoiceDeps, contact: Contact): Promise<void> {
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
  deps: VoiceDeps,
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
