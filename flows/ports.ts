// The small interfaces flows need from the outside world; functions/ implements them.
import type { AuditEntry } from './admin/admin-api-types.js';
import type { LineEvent } from './events.js';
import type { LineSettings } from './line-settings.js';
import type {
  Channel,
  Contact,
  ContactStatus,
  EscalationRef,
  Offer,
  OfferStatus,
  PhoneRecord,
  Volunteer,
  VolunteerState,
} from './model.js';
import type { Language, VoiceReply } from './replies.js';
import type { PendingSurvey, SurveyAnswer } from './survey/survey-types.js';

/** The most contacts a hold turn counts ahead of a caller; beyond it they hear "20 or more". */
export const QUEUE_AHEAD_CAP = 20;

export interface Clock {
  now(): number;
}

export interface IdSource {
  newId(): string;
}

/** Keyed hashing and sealing of phone numbers; the keys never reach flows. */
export interface PhoneVault {
  keyOf(phone: string): string;
  seal(phone: string): string;
  open(sealed: string): string;
}

export interface EventPublisher {
  publish(events: readonly LineEvent[]): Promise<void>;
}

export interface LineState {
  readonly settings: LineSettings;
  readonly blockedKeys: ReadonlySet<string>;
  readonly onShiftIds: ReadonlySet<string>;
  /** On-shift volunteers paused after missed offers: when every one on shift is, the line is unstaffed. */
  readonly pausedIds: ReadonlySet<string>;
  /** Set once when the line became all-paused, cleared when it recovered: the coordinators' alert is sent once. */
  readonly allPausedSince?: number;
  /** Where the outbox of refused events stands, where the store keeps one. */
  readonly outbox?: OutboxMark;
}

/**
 * How many times events were kept for resending, and the count the tick had seen when it last emptied the
 * outbox: while they are equal the tick need not look in it.
 */
export interface OutboxMark {
  readonly kept: number;
  readonly emptiedAt: number;
}

/** A conditional change: applied only when every expectation holds, else the store returns undefined. */
export interface ContactChange {
  readonly channel: Channel;
  readonly expectStatus?: readonly ContactStatus[];
  readonly expectOffersOutstanding?: number;
  readonly expectVolunteerId?: string;
  /** Fields that must not be set yet: a first write only, so a replay changes nothing. */
  readonly expectAbsent?: readonly 'wrapUpAt'[];
  readonly set?: Partial<Omit<Contact, 'contactId' | 'channel'>>;
  readonly remove?: readonly (
    | 'callerSealed'
    | 'volunteerId'
    | 'pendingSealed'
    | 'passSummarySealed'
    | 'tag'
    | 'volunteerPhoneSealed'
    | 'crisisLegEnded'
  )[];
  readonly add?: Partial<Record<'offersOutstanding' | 'offerRound' | 'messageCount', number>>;
}

export interface VolunteerChange {
  readonly expectState?: readonly VolunteerState[];
  readonly expectContactId?: string;
  /** Optimistic concurrency for the text-session map: every volunteer update bumps the version. */
  readonly expectVersion?: number;
  /** The offer the volunteer must hold; null: they must hold none. */
  readonly expectTextOffer?: string | null;
  readonly set?: Partial<Omit<Volunteer, 'volunteerId' | 'version'>>;
  readonly remove?: readonly ('contactId' | 'wrapUntil' | 'textOffer' | 'latestTag')[];
  readonly add?: Partial<Record<'missedOffers', number>>;
}

export interface ContactStore {
  getLine(): Promise<LineState>;
  createContact(contact: Contact): Promise<'created' | 'exists'>;
  getContact(contactId: string): Promise<Contact | undefined>;
  updateContact(contactId: string, change: ContactChange): Promise<Contact | undefined>;
  /**
   * Contacts ahead in the queue, counted up to QUEUE_AHEAD_CAP so the read stays small however long the queue:
   * every concern-flagged one is ahead of every unflagged one, then by time.
   */
  countQueuedAhead(
    channel: Channel,
    language: Language,
    queuedAt: number,
    concern?: boolean,
  ): Promise<number>;
  /**
   * A waiting contact's own queue entry and how many are ahead of it (capped as above), in one bounded read;
   * undefined when it is not waiting there at that place (taken, ended, or requeued).
   */
  placeInQueue(
    channel: Channel,
    language: Language,
    contactId: string,
    place: { readonly queuedAt: number; readonly concern: boolean },
  ): Promise<{ readonly contact: Contact; readonly ahead: number } | undefined>;
  listQueued(channel: Channel, language: Language, limit: number): Promise<Contact[]>;
  listLive(): Promise<Contact[]>;
  countRecentContacts(callerKey: string, since: number): Promise<number>;
}

export interface VolunteerStore {
  getVolunteer(volunteerId: string): Promise<Volunteer | undefined>;
  listOnShift(): Promise<Volunteer[]>;
  updateVolunteer(volunteerId: string, change: VolunteerChange): Promise<Volunteer | undefined>;
  /** The line-level on-shift set that incoming calls read in the same GetItem as the settings. */
  setOnShift(volunteerId: string, onShift: boolean): Promise<void>;
  /** The line-level paused set, read with the on-shift set; idempotent like it. */
  setPaused(volunteerId: string, paused: boolean): Promise<void>;
  /** Records that the line became all-paused at `since`; true only for the write that started the stretch. */
  markAllPaused(since: number): Promise<boolean>;
  /** Ends the all-paused stretch that began at `since` (a newer one is left alone). */
  clearAllPaused(since: number): Promise<void>;
}

export interface OfferStore {
  /** New offers, ringing: a ring group's in one write. */
  putOffers(offers: readonly Offer[]): Promise<void>;
  listOffers(contactId: string): Promise<Offer[]>;
  /** The contact and its offers, which share its partition: one read where a step needs both. */
  getContactWithOffers(contactId: string): Promise<{ readonly contact?: Contact; readonly offers: Offer[] }>;
  updateOffer(
    contactId: string,
    volunteerId: string,
    change: {
      expectStatus: readonly OfferStatus[];
      set: Partial<Pick<Offer, 'status' | 'callSid'>>;
    },
  ): Promise<Offer | undefined>;
}

/** Text conversations: who a number is, and messages counted once each. */
export interface TextStore {
  getPhone(phoneKey: string): Promise<PhoneRecord | undefined>;
  /** Points a texter's number at a conversation (or at none); only if it still points where expected. */
  linkTexter(
    phoneKey: string,
    contactId: string | undefined,
    expectContactId: string | undefined,
  ): Promise<boolean>;
  setOptedOut(phoneKey: string, optedOut: boolean): Promise<void>;
  linkVolunteerPhone(phoneKey: string, volunteerId: string): Promise<void>;
  saveEscalationRef(ref: EscalationRef): Promise<void>;
  getEscalationRef(reference: string): Promise<EscalationRef | undefined>;
  /**
   * Counts a message on a live conversation once per MessageSid and refreshes its activity time.
   * 'duplicate' for a replay; undefined when the conversation is not in an expected status.
   */
  recordMessage(
    contactId: string,
    messageSid: string,
    expectStatus: readonly ContactStatus[],
    at: number,
    /** While nobody has accepted yet, the message itself, sealed, to hand over on ACCEPT. */
    keepSealed?: string,
  ): Promise<Contact | 'duplicate' | undefined>;
}

/** Remembers that something was done, so a replayed webhook or a duplicate event does it once. */
export interface Deduplicator {
  /** True the first time a key is seen within `ttlSeconds`; false on every repeat. */
  firstTime(key: string, ttlSeconds: number): Promise<boolean>;
  /** Undoes a `firstTime` whose work failed, so the retry does it rather than skipping it. */
  forget(key: string): Promise<void>;
}

/**
 * The post-contact survey: a short-lived pointer from a texter's number (by its key) to the survey they are
 * answering, and the answers, kept by contact id alone.
 */
export interface SurveyStore {
  /** Opens (or replaces) the number's pending survey. */
  openSurvey(survey: PendingSurvey): Promise<void>;
  /** The number's pending survey, if one is open and not past `liveUntil`. */
  getSurvey(phoneKey: string, now: number): Promise<PendingSurvey | undefined>;
  /** Moves the survey on, only from the step and re-ask it was read at: false when a concurrent text moved it. */
  advanceSurvey(survey: PendingSurvey, next: Pick<PendingSurvey, 'step' | 'reasked'>): Promise<boolean>;
  closeSurvey(phoneKey: string): Promise<void>;
  /** Keeps one answer per contact and question: a repeat is ignored. */
  saveAnswer(answer: SurveyAnswer): Promise<void>;
  listAnswers(fromMs: number, toMs: number): Promise<SurveyAnswer[]>;
}

export type Store = ContactStore & VolunteerStore & OfferStore & TextStore & Deduplicator;

/**
 * What a call does next: a webhook URL Twilio fetches TwiML from, or a reply sent along as inline TwiML, which
 * saves the leg a webhook round trip (its action URLs are absolute, as inline TwiML needs).
 */
export type CallScript = string | VoiceReply;

/** Outbound telephony (Twilio REST): used by the dispatcher and notifier, never on a webhook. */
export interface Telephony {
  placeCall(request: {
    to: string;
    from: string;
    script: CallScript;
    statusCallback: string;
    timeoutSeconds: number;
  }): Promise<string>;
  redirectCall(callSid: string, script: CallScript): Promise<'redirected' | 'not-in-progress'>;
  /**
   * Hangs up a leg that is still ringing. 'not-ringing' when it was answered first (Twilio then leaves it up)
   * or has already ended: the caller of this decides what an answered leg hears.
   */
  cancelCall(callSid: string): Promise<'canceled' | 'not-ringing'>;
  sendText(request: { to: string; from: string; body: string }): Promise<void>;
  /** Dials `to` into the room; `statusCallback` hears how that leg ended (busy, no answer, failed, hung up). */
  addConferenceParticipant(request: {
    room: string;
    to: string;
    from: string;
    statusCallback: string;
    timeoutSeconds: number;
    /**
     * A supervisor: joins without a beep, never starts or ends the room, and is muted (listen) or heard by the
     * volunteer's leg only (coach). Absent: an ordinary participant (the crisis line).
     */
    supervisor?: SupervisorJoin;
  }): Promise<void>;
  /**
   * Plays a TwiML document (Say, Pause) to everyone in the room. 'no-room' when the room has already ended
   * (everyone left): there is nobody to tell.
   */
  announceToConference(request: { room: string; url: string }): Promise<'announced' | 'no-room'>;
}

export type SupervisorJoin =
  | { readonly mode: 'listen' }
  | { readonly mode: 'coach'; readonly callSidToCoach: string };

/** The coordinators' audit log, written beside the admin API's entries; `id` makes a repeated write land once. */
export interface AuditTrail {
  writeAudit(entry: AuditEntry, id: string): Promise<void>;
}

export interface Log {
  info(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  error(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
}
