// The small interfaces flows need from the outside world; functions/ implements them.
import type { LineEvent } from './events.js';
import type { LineSettings } from './line-settings.js';
import type {
  Channel,
  Contact,
  ContactStatus,
  Offer,
  OfferStatus,
  Volunteer,
  VolunteerState,
} from './model.js';
import type { Language } from './replies.js';

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
}

/** A conditional change: applied only when every expectation holds, else the store returns undefined. */
export interface ContactChange {
  readonly channel: Channel;
  readonly expectStatus?: readonly ContactStatus[];
  readonly expectOffersOutstanding?: number;
  readonly expectVolunteerId?: string;
  readonly set?: Partial<Omit<Contact, 'contactId' | 'channel'>>;
  readonly remove?: readonly ('callerSealed' | 'volunteerId')[];
  readonly add?: Partial<Record<'offersOutstanding' | 'offerRound' | 'messageCount', number>>;
}

export interface VolunteerChange {
  readonly expectState?: readonly VolunteerState[];
  readonly expectContactId?: string;
  readonly set?: Partial<Omit<Volunteer, 'volunteerId'>>;
  readonly remove?: readonly ('contactId' | 'wrapUntil')[];
  readonly add?: Partial<Record<'missedOffers', number>>;
}

export interface ContactStore {
  getLine(): Promise<LineState>;
  createContact(contact: Contact): Promise<'created' | 'exists'>;
  getContact(contactId: string): Promise<Contact | undefined>;
  updateContact(contactId: string, change: ContactChange): Promise<Contact | undefined>;
  countQueuedAhead(channel: Channel, language: Language, queuedAt: number): Promise<number>;
  listQueued(channel: Channel, language: Language, limit: number): Promise<Contact[]>;
  listLive(): Promise<Contact[]>;
  countRecentContacts(callerKey: string, since: number): Promise<number>;
}

export interface VolunteerStore {
  getVolunteer(volunteerId: string): Promise<Volunteer | undefined>;
  listOnShift(): Promise<Volunteer[]>;
  updateVolunteer(volunteerId: string, change: VolunteerChange): Promise<Volunteer | undefined>;
}

export interface OfferStore {
  putOffer(offer: Offer): Promise<void>;
  listOffers(contactId: string): Promise<Offer[]>;
  updateOffer(
    contactId: string,
    volunteerId: string,
    change: { expectStatus: readonly OfferStatus[]; set: Partial<Pick<Offer, 'status' | 'callSid'>> },
  ): Promise<Offer | undefined>;
}

/** Remembers that something was done, so a replayed webhook or a duplicate event does it once. */
export interface Deduplicator {
  /** True the first time a key is seen within `ttlSeconds`; false on every repeat. */
  firstTime(key: string, ttlSeconds: number): Promise<boolean>;
}

export type Store = ContactStore & VolunteerStore & OfferStore & Deduplicator;

/** Outbound telephony (Twilio REST): used by the dispatcher and notifier, never on a webhook. */
export interface Telephony {
  placeCall(request: {
    to: string;
    from: string;
    url: string;
    statusCallback: string;
    timeoutSeconds: number;
  }): Promise<string>;
  redirectCall(callSid: string, url: string): Promise<'redirected' | 'not-in-progress'>;
  cancelCall(callSid: string): Promise<void>;
  sendText(request: { to: string; from: string; body: string }): Promise<void>;
  addConferenceParticipant(request: { room: string; to: string; from: string }): Promise<void>;
}

export interface Log {
  info(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  error(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
}
