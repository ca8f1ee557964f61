// The store port in memory, with the DynamoDB store's semantics: for flow unit tests and a table-free local line.
//
// Each method mirrors its DynamoDB twin (functions/store/dynamo-store.ts) and both pass the same contract suite
// (test/functions/store/store-contract.ts). Where DynamoDB's behaviour comes from the table layout (which
// queue partition a contact sits in, the string order of its sort key), this store keeps the same index
// entries with the same keys from table-schema.ts, so a queue's order and a capped count cannot drift apart.
import type { LineSettings, LineSettingsPatch } from '../../flows/line-settings.js';
import type {
  Channel,
  Contact,
  ContactStatus,
  EscalationRef,
  Offer,
  OfferStatus,
  PhoneRecord,
  Volunteer,
} from '../../flows/model.js';
import {
  type Clock,
  type ContactChange,
  type LineState,
  QUEUE_AHEAD_CAP,
  type Store,
  type VolunteerChange,
} from '../../flows/ports.js';
import type { Language } from '../../flows/replies.js';
import { applySettingsPatch } from '../../flows/standard-settings.js';
import { ENDED_DROPS, liveContact } from './contact-lifetime.js';
import {
  createdPlacement,
  LIVE,
  ONSHIFT,
  offerExpiry,
  placementAfter,
  queuePartition,
  queueSortKey,
  sortableTime,
} from './table-keys.js';

/** A record's place in the gsi1 index: a partition and a sort key, compared as strings as DynamoDB does. */
interface IndexEntry {
  readonly pk: string;
  readonly sk: string;
}

interface StoredContact {
  contact: Contact;
  index?: IndexEntry;
}

interface StoredVolunteer {
  volunteer: Volunteer;
  /** gsi1 needs both keys: a volunteer off shift may keep a sort key and still not be listed. */
  indexPk?: string;
  indexSk?: string;
}

interface Expiring<T> {
  readonly value: T;
  /** Epoch seconds, as DynamoDB's TTL attribute. */
  readonly expiresAt: number;
}

/** The DynamoDB store's page size for the live list and the on-shift list. */
const LIST_LIMIT = 500;

const byIndexKey = (a: { sk: string }, b: { sk: string }) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0);
const copy = <T>(value: T): T => structuredClone(value);

export interface MemoryStoreOptions {
  /** Expiry of live state, markers, offers and references is judged by this clock. */
  readonly clock: Clock;
  readonly defaults: LineSettings;
}

export class MemoryStore implements Store {
  private readonly contacts = new Map<string, StoredContact>();
  private readonly volunteers = new Map<string, StoredVolunteer>();
  /** Offers of a contact, by volunteer id. */
  private readonly offers = new Map<string, Map<string, Expiring<Offer>>>();
  private readonly phones = new Map<string, PhoneRecord>();
  private readonly references = new Map<string, Expiring<EscalationRef>>();
  private readonly markers = new Map<string, number>();
  private savedSettings: LineSettingsPatch | undefined;
  private readonly blockedKeys = new Set<string>();
  private readonly onShiftIds = new Set<string>();
  private readonly pausedIds = new Set<string>();
  private allPausedSince: number | undefined;

  constructor(private readonly options: MemoryStoreOptions) {}

  private now(): number {
    return this.options.clock.now();
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  private unexpired<T>(entry: Expiring<T> | undefined): T | undefined {
    return entry && entry.expiresAt * 1000 > this.now() ? copy(entry.value) : undefined;
  }

  async getLine(): Promise<LineState> {
    return {
      settings: applySettingsPatch(this.options.defaults, this.savedSettings),
      blockedKeys: new Set(this.blockedKeys),
      onShiftIds: new Set(this.onShiftIds),
      pausedIds: new Set(this.pausedIds),
      ...(this.allPausedSince === undefined ? {} : { allPausedSince: this.allPausedSince }),
    };
  }

  /** The coordinators' side (AdminStore / DynamoStore.saveSettings): merged field by field. */
  async saveSettings(patch: LineSettingsPatch): Promise<void> {
    const fields = Object.entries(patch).filter(([, value]) => value !== undefined);
    if (fields.length) this.savedSettings = { ...this.savedSettings, ...Object.fromEntries(fields) };
  }

  /** The coordinators' side (AdminStore.addBlock / removeBlock) of `LineState.blockedKeys`. */
  async setBlocked(callerKey: string, blocked: boolean): Promise<void> {
    if (blocked) this.blockedKeys.add(callerKey);
    else this.blockedKeys.delete(callerKey);
  }

  async createContact(contact: Contact): Promise<'created' | 'exists'> {
    if (this.contacts.has(contact.contactId)) return 'exists';
    const logged: Record<string, unknown> = copy({ ...contact });
    if (contact.status === 'ended') for (const field of ENDED_DROPS) delete logged[field];
    this.contacts.set(contact.contactId, {
      contact: logged as unknown as Contact,
      index: createdPlacement(contact),
    });
    return 'created';
  }

  async getContact(contactId: string): Promise<Contact | undefined> {
    const stored = this.contacts.get(contactId);
    return stored && liveContact(copy(stored.contact), this.now());
  }

  async updateContact(contactId: string, change: ContactChange): Promise<Contact | undefined> {
    const stored = this.contacts.get(contactId);
    if (!stored) return undefined;
    const current = stored.contact;
    if (change.expectStatus && !change.expectStatus.includes(current.status)) return undefined;
    if (
      change.expectOffersOutstanding !== undefined &&
      !(current.offersOutstanding <= change.expectOffersOutstanding)
    )
      return undefined;
    if (change.expectVolunteerId !== undefined && current.volunteerId !== change.expectVolunteerId)
      return undefined;
    // The index is worked out before anything changes, so a change that cannot be indexed changes nothing.
    const index = indexChange(change.channel, change.set, stored.index);
    const next: Record<string, unknown> = { ...current, ...definedFields(change.set) };
    const ending = change.set?.status === 'ended' ? ENDED_DROPS : [];
    for (const field of [...(change.remove ?? []), ...ending]) delete next[field];
    addCounts(next, change.add);
    stored.contact = next as unknown as Contact;
    stored.index = index;
    return liveContact(copy(stored.contact), this.now());
  }

  async countQueuedAhead(
    channel: Channel,
    language: Language,
    queuedAt: number,
    concern = false,
  ): Promise<number> {
    const before = queueSortKey(queuedAt, concern);
    const ahead = this.indexed(queuePartition(channel, language)).filter((entry) => entry.sk < before);
    return Math.min(ahead.length, QUEUE_AHEAD_CAP);
  }

  async placeInQueue(
    channel: Channel,
    language: Language,
    contactId: string,
    place: { readonly queuedAt: number; readonly concern: boolean },
  ): Promise<{ contact: Contact; ahead: number } | undefined> {
    const at = queueSortKey(place.queuedAt, place.concern);
    const entries = this.indexed(queuePartition(channel, language)).filter((entry) => entry.sk <= at);
    // As the index is read backwards from that place: the contact itself must come first.
    const own = entries.at(-1);
    if (own?.contact.contactId !== contactId) return undefined;
    return {
      contact: liveContact(copy(own.contact), this.now()),
      ahead: Math.min(entries.length - 1, QUEUE_AHEAD_CAP),
    };
  }

  async listQueued(channel: Channel, language: Language, limit: number): Promise<Contact[]> {
    return this.listIndexed(queuePartition(channel, language), limit);
  }

  async listLive(): Promise<Contact[]> {
    return this.listIndexed(LIVE, LIST_LIMIT);
  }

  async countRecentContacts(callerKey: string, since: number): Promise<number> {
    const from = sortableTime(since);
    return [...this.contacts.values()].filter(
      ({ contact }) => contact.callerKey === callerKey && sortableTime(contact.startedAt) >= from,
    ).length;
  }

  /** Contacts in one gsi1 partition, in sort-key order. */
  private indexed(partition: string): { sk: string; contact: Contact }[] {
    return [...this.contacts.values()]
      .flatMap(({ contact, index }) => (index?.pk === partition ? [{ sk: index.sk, contact }] : []))
      .sort(byIndexKey);
  }

  private listIndexed(partition: string, limit: number): Contact[] {
    return this.indexed(partition)
      .slice(0, limit)
      .map(({ contact }) => liveContact(copy(contact), this.now()));
  }

  async firstTime(key: string, ttlSeconds: number): Promise<boolean> {
    const now = this.nowSeconds();
    const expiresAt = this.markers.get(key);
    if (expiresAt !== undefined && !(expiresAt < now)) return false;
    this.markers.set(key, now + ttlSeconds);
    return true;
  }

  async forget(key: string): Promise<void> {
    this.markers.set(key, 0);
  }

  async getPhone(phoneKey: string): Promise<PhoneRecord | undefined> {
    const record = this.phones.get(phoneKey);
    return record && copy(record);
  }

  async linkTexter(
    phoneKey: string,
    contactId: string | undefined,
    expectContactId: string | undefined,
  ): Promise<boolean> {
    const current = this.phones.get(phoneKey);
    const linked = current?.contactId;
    if (expectContactId ? linked !== expectContactId : linked !== undefined) return false;
    const { contactId: _unlinked, ...rest } = current ?? { phoneKey };
    this.phones.set(phoneKey, { ...rest, phoneKey, ...(contactId ? { contactId } : {}) });
    return true;
  }

  async setOptedOut(phoneKey: string, optedOut: boolean): Promise<void> {
    const { optedOut: _previous, ...rest } = this.phones.get(phoneKey) ?? { phoneKey };
    this.phones.set(phoneKey, { ...rest, phoneKey, ...(optedOut ? { optedOut: true } : {}) });
  }

  async linkVolunteerPhone(phoneKey: string, volunteerId: string): Promise<void> {
    this.phones.set(phoneKey, { ...this.phones.get(phoneKey), phoneKey, volunteerId });
  }

  async saveEscalationRef(ref: EscalationRef): Promise<void> {
    this.references.set(ref.reference, { value: copy(ref), expiresAt: Math.ceil(ref.liveUntil / 1000) });
  }

  async getEscalationRef(reference: string): Promise<EscalationRef | undefined> {
    return this.unexpired(this.references.get(reference));
  }

  async recordMessage(
    contactId: string,
    messageSid: string,
    expectStatus: readonly ContactStatus[],
    at: number,
    keepSealed?: string,
  ): Promise<Contact | 'duplicate' | undefined> {
    const stored = this.contacts.get(contactId);
    const current = stored?.contact;
    const accepted =
      current &&
      expectStatus.includes(current.status) &&
      !current.relayedSids?.includes(messageSid) &&
      current.liveUntil > this.now();
    if (!stored || !current || !accepted) {
      // As in DynamoDB, a refusal is told from a replay by reading the contact as it may be used now.
      const seen = await this.getContact(contactId);
      return seen?.relayedSids?.includes(messageSid) ? 'duplicate' : undefined;
    }
    stored.contact = {
      ...current,
      relayedSids: [...(current.relayedSids ?? []), messageSid],
      lastActivityAt: at,
      ...(keepSealed ? { pendingSealed: [...(current.pendingSealed ?? []), keepSealed] } : {}),
      messageCount: (current.messageCount ?? 0) + 1,
    };
    return liveContact(copy(stored.contact), this.now());
  }

  async getVolunteer(volunteerId: string): Promise<Volunteer | undefined> {
    const stored = this.volunteers.get(volunteerId);
    return stored && copy(stored.volunteer);
  }

  async listOnShift(): Promise<Volunteer[]> {
    return [...this.volunteers.values()]
      .flatMap((stored) =>
        stored.indexPk === ONSHIFT && stored.indexSk !== undefined
          ? [{ sk: stored.indexSk, volunteer: stored.volunteer }]
          : [],
      )
      .sort(byIndexKey)
      .slice(0, LIST_LIMIT)
      .map(({ volunteer }) => copy(volunteer));
  }

  /** The coordinators' side (DynamoStore.putVolunteer): replaces the record, placing it on the shift list. */
  async putVolunteer(volunteer: Volunteer): Promise<void> {
    this.volunteers.set(volunteer.volunteerId, {
      volunteer: copy(volunteer),
      ...(volunteer.onShift ? { indexPk: ONSHIFT, indexSk: sortableTime(volunteer.idleSince) } : {}),
    });
  }

  async updateVolunteer(volunteerId: string, change: VolunteerChange): Promise<Volunteer | undefined> {
    const stored = this.volunteers.get(volunteerId);
    if (!stored) return undefined;
    const current = stored.volunteer;
    if (change.expectState && !change.expectState.includes(current.state)) return undefined;
    if (change.expectContactId !== undefined && current.contactId !== change.expectContactId)
      return undefined;
    if (change.expectVersion !== undefined && current.version !== change.expectVersion) return undefined;
    if (change.expectTextOffer === null && current.textOffer !== undefined) return undefined;
    if (typeof change.expectTextOffer === 'string' && current.textOffer !== change.expectTextOffer)
      return undefined;
    const next: Record<string, unknown> = { ...current, ...definedFields(change.set) };
    for (const field of change.remove ?? []) delete next[field];
    addCounts(next, { ...change.add, version: 1 });
    stored.volunteer = next as unknown as Volunteer;
    const set = change.set;
    if (set?.onShift === true) {
      stored.indexPk = ONSHIFT;
      stored.indexSk = sortableTime(set.idleSince ?? 0);
    } else if (set?.onShift === false) {
      delete stored.indexPk;
      delete stored.indexSk;
    } else if (set?.idleSince !== undefined) {
      stored.indexSk = sortableTime(set.idleSince);
    }
    return copy(stored.volunteer);
  }

  async setOnShift(volunteerId: string, onShift: boolean): Promise<void> {
    if (onShift) this.onShiftIds.add(volunteerId);
    else this.onShiftIds.delete(volunteerId);
  }

  async setPaused(volunteerId: string, paused: boolean): Promise<void> {
    if (paused) this.pausedIds.add(volunteerId);
    else this.pausedIds.delete(volunteerId);
  }

  async markAllPaused(since: number): Promise<boolean> {
    if (this.allPausedSince !== undefined) return false;
    this.allPausedSince = since;
    return true;
  }

  async clearAllPaused(since: number): Promise<void> {
    if (this.allPausedSince === since) this.allPausedSince = undefined;
  }

  async putOffers(offers: readonly Offer[]): Promise<void> {
    for (const offer of offers) {
      const ofContact = this.offers.get(offer.contactId) ?? new Map<string, Expiring<Offer>>();
      ofContact.set(offer.volunteerId, {
        value: copy(offer),
        expiresAt: offerExpiry(offer.offeredAt),
      });
      this.offers.set(offer.contactId, ofContact);
    }
  }

  async listOffers(contactId: string): Promise<Offer[]> {
    const offers = this.offers.get(contactId) ?? new Map<string, Expiring<Offer>>();
    return [...offers.keys()].sort().flatMap((volunteerId) => this.unexpired(offers.get(volunteerId)) ?? []);
  }

  async getContactWithOffers(contactId: string): Promise<{ contact?: Contact; offers: Offer[] }> {
    const [contact, offers] = await Promise.all([this.getContact(contactId), this.listOffers(contactId)]);
    return { ...(contact ? { contact } : {}), offers };
  }

  /** Like DynamoDB's conditional update, this reaches an offer past its expiry too: only reads drop it. */
  async updateOffer(
    contactId: string,
    volunteerId: string,
    change: {
      expectStatus: readonly OfferStatus[];
      set: Partial<Pick<Offer, 'status' | 'callSid'>>;
    },
  ): Promise<Offer | undefined> {
    const offers = this.offers.get(contactId);
    const entry = offers?.get(volunteerId);
    if (!offers || !entry || !change.expectStatus.includes(entry.value.status)) return undefined;
    const value = { ...entry.value, ...definedFields(change.set) };
    offers.set(volunteerId, { value, expiresAt: entry.expiresAt });
    return copy(value);
  }
}

/** DynamoDB's SET skips undefined values (the DynamoDB store's UpdateBuilder does): so does this store. */
function definedFields<T extends object>(fields: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** DynamoDB's ADD: a missing number counts as zero. */
function addCounts(record: Record<string, unknown>, add: Record<string, number | undefined> | undefined) {
  for (const [field, amount] of Object.entries(add ?? {})) {
    if (amount !== undefined) record[field] = ((record[field] as number | undefined) ?? 0) + amount;
  }
}

/** Where a contact sits in gsi1 after a change (table-keys.ts); a change naming no sort key keeps the old one. */
function indexChange(
  channel: Channel,
  set: ContactChange['set'],
  current: IndexEntry | undefined,
): IndexEntry | undefined {
  const placement = placementAfter(channel, set);
  if (!placement) return current;
  return { pk: placement.pk, sk: placement.sk ?? current?.sk ?? '' };
}
