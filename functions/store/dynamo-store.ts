// The store port over one DynamoDB table: single-item conditional writes, GetItem and Query, and one
// BatchWrite (a ring group's new offers, which need no condition).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type BatchWriteCommandOutput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { LineSettings, LineSettingsPatch } from '../../flows/line-settings.js';
import type {
  Channel,
  Contact,
  ContactStatus,
  EscalationRef,
  Offer,
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
import type { OutboxItem, OutboxStore } from '../events/outbox.js';
import { ENDED_DROPS, liveContact } from './contact-lifetime.js';
import {
  contactKey,
  createdPlacement,
  type IndexPlacement,
  LINE_KEY,
  LIVE,
  ONSHIFT,
  offerExpiry,
  offerKey,
  phoneRecordKey,
  placementAfter,
  queuePartition,
  queueSortKey,
  sortableTime,
  VOLUNTEER_DIRECTORY,
  volunteerKey,
} from './table-keys.js';
import { tableSchema } from './table-schema.js';

const OUTBOX = 'OUTBOX';
/** Events the bus refused are kept this long for the tick to resend (it runs every minute). */
const OUTBOX_KEEP_MS = 2 * 86_400_000;
const DAY_MS = 86_400_000;
/** DynamoDB's most puts in one BatchWrite. */
const BATCH_WRITE_LIMIT = 25;
/** Unprocessed puts (throttling) are sent again this many times in all before the write fails. */
const BATCH_WRITE_ATTEMPTS = 4;

/** Keys and index attributes are storage details; flows never see them. */
const STORAGE_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expiresAt'];

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const name of STORAGE_ATTRIBUTES) delete copy[name];
  return copy as T;
}

/** Settings change seldom and every step reads them: a few seconds' reuse keeps them off each request. */
export const LINE_CACHE_MS = 10_000;

export interface DynamoStoreOptions {
  /** Expiry is checked against this clock (the line's), not TTL. */
  readonly clock?: Clock;
  readonly tableName: string;
  readonly defaults: LineSettings;
  /** How long the anonymized contact log is kept. */
  readonly retentionDays: number;
  /**
   * How long this container reuses the line record (settings, on-shift and paused sets, blocks). Its own writes
   * drop it at once; a coordinator's save or another function's write reaches it within this time.
   */
  readonly lineCacheMs?: number;
}

/** Builds UpdateExpression pieces with placeholder names, so any attribute name is safe. */
class UpdateBuilder {
  private readonly sets: string[] = [];
  private readonly removes: string[] = [];
  private readonly adds: string[] = [];
  private readonly conditions: string[] = ['attribute_exists(pk)'];
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private counter = 0;

  private name(attribute: string): string {
    const placeholder = `#${attribute}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }
  private value(value: unknown): string {
    const placeholder = `:v${this.counter++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
  set(fields: Record<string, unknown>): this {
    for (const [attribute, value] of Object.entries(fields)) {
      if (value !== undefined) this.sets.push(`${this.name(attribute)} = ${this.value(value)}`);
    }
    return this;
  }
  remove(attributes: readonly string[]): this {
    for (const attribute of attributes) this.removes.push(this.name(attribute));
    return this;
  }
  add(fields: Record<string, number | undefined>): this {
    for (const [attribute, value] of Object.entries(fields)) {
      if (value !== undefined) this.adds.push(`${this.name(attribute)} ${this.value(value)}`);
    }
    return this;
  }
  expectOneOf(attribute: string, allowed: readonly unknown[] | undefined): this {
    if (allowed)
      this.conditions.push(`${this.name(attribute)} IN (${allowed.map((v) => this.value(v)).join(', ')})`);
    return this;
  }
  expectEqual(attribute: string, expected: unknown): this {
    if (expected !== undefined) this.conditions.push(`${this.name(attribute)} = ${this.value(expected)}`);
    return this;
  }
  expectAbsent(attribute: string, absent: boolean): this {
    if (absent) this.conditions.push(`attribute_not_exists(${this.name(attribute)})`);
    return this;
  }
  expectAtMost(attribute: string, limit: number | undefined): this {
    if (limit !== undefined) this.conditions.push(`${this.name(attribute)} <= ${this.value(limit)}`);
    return this;
  }
  command(tableName: string, key: Record<string, string>) {
    const clauses = [
      this.sets.length ? `SET ${this.sets.join(', ')}` : '',
      this.removes.length ? `REMOVE ${this.removes.join(', ')}` : '',
      this.adds.length ? `ADD ${this.adds.join(', ')}` : '',
    ].filter(Boolean);
    return new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: clauses.join(' '),
      ConditionExpression: this.conditions.join(' AND '),
      ExpressionAttributeNames: this.names,
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
      ReturnValues: 'ALL_NEW',
    });
  }
}

/** gsi1's attributes for a placement (table-keys.ts). */
function gsi1(placement: IndexPlacement | undefined): Record<string, string> {
  if (!placement) return {};
  return { gsi1pk: placement.pk, ...(placement.sk === undefined ? {} : { gsi1sk: placement.sk }) };
}

export class DynamoStore implements Store, OutboxStore {
  private cachedLine?: { readonly state: Promise<LineState>; readonly until: number };

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly options: DynamoStoreOptions,
  ) {}

  private get table(): string {
    return this.options.tableName;
  }

  private now(): number {
    return this.options.clock?.now() ?? Date.now();
  }

  private contactFrom(item: Record<string, unknown> | undefined): Contact | undefined {
    const contact = strip<Contact>(item);
    return contact && liveContact(contact, this.now());
  }

  /** Items with their own TTL (offers, references, markers) are absent once it has passed. */
  private unexpired(item: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    const expiresAt = item?.expiresAt;
    return typeof expiresAt === 'number' && expiresAt * 1000 <= this.now() ? undefined : item;
  }

  private async update<T>(key: Record<string, string>, builder: UpdateBuilder): Promise<T | undefined> {
    try {
      const result = await this.client.send(builder.command(this.table, key));
      return strip<T>(result.Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  /** Concurrent requests in one container share one read; a failed read is not kept. */
  getLine(): Promise<LineState> {
    const now = this.now();
    if (this.cachedLine && this.cachedLine.until > now) return this.cachedLine.state;
    const state = this.readLine();
    const entry = { state, until: now + (this.options.lineCacheMs ?? LINE_CACHE_MS) };
    this.cachedLine = entry;
    state.catch(() => {
      if (this.cachedLine === entry) this.cachedLine = undefined;
    });
    return state;
  }

  /** The next getLine reads the table: after a write to the line record. */
  forgetLine(): void {
    this.cachedLine = undefined;
  }

  /** A read that began before the write must not be what the next getLine returns. */
  private async writeLine(command: UpdateCommand): Promise<void> {
    try {
      await this.client.send(command);
    } finally {
      this.forgetLine();
    }
  }

  private async readLine(): Promise<LineState> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.table, Key: LINE_KEY }));
    return {
      settings: applySettingsPatch(this.options.defaults, Item?.settings as LineSettingsPatch | undefined),
      blockedKeys: new Set((Item?.blockedKeys as Set<string> | undefined) ?? []),
      onShiftIds: new Set((Item?.onShift as Set<string> | undefined) ?? []),
      pausedIds: new Set((Item?.paused as Set<string> | undefined) ?? []),
      ...(typeof Item?.allPausedSince === 'number' ? { allPausedSince: Item.allPausedSince } : {}),
      outbox: { kept: Number(Item?.outboxKept ?? 0), emptiedAt: Number(Item?.outboxEmptiedAt ?? 0) },
    };
  }

  async createContact(contact: Contact): Promise<'created' | 'exists'> {
    const logged: Record<string, unknown> = { ...contact };
    if (contact.status === 'ended') for (const field of ENDED_DROPS) delete logged[field];
    const item = {
      ...logged,
      ...contactKey(contact.contactId),
      ...gsi1(createdPlacement(contact)),
      gsi2pk: `CALLER#${contact.callerKey}`,
      gsi2sk: sortableTime(contact.startedAt),
      expiresAt: Math.floor((contact.startedAt + this.options.retentionDays * DAY_MS) / 1000),
    };
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return 'exists';
      throw error;
    }
  }

  async getContact(contactId: string): Promise<Contact | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: contactKey(contactId) }),
    );
    return this.contactFrom(Item);
  }

  async updateContact(contactId: string, change: ContactChange): Promise<Contact | undefined> {
    // An ended contact is the log: the Twilio SIDs (which the Twilio console resolves to a number and a body)
    // leave it at once rather than at the live state's expiry.
    const ending = change.set?.status === 'ended' ? ENDED_DROPS : [];
    const builder = new UpdateBuilder()
      .set({ ...change.set, ...gsi1(placementAfter(change.channel, change.set)) })
      .remove([...new Set([...(change.remove ?? []), ...ending])])
      .add(change.add ?? {})
      .expectOneOf('status', change.expectStatus)
      .expectAtMost('offersOutstanding', change.expectOffersOutstanding)
      .expectEqual('volunteerId', change.expectVolunteerId);
    for (const field of change.expectAbsent ?? []) builder.expectAbsent(field, true);
    const updated = await this.update<Contact>(contactKey(contactId), builder);
    return updated && liveContact(updated, this.now());
  }

  async countQueuedAhead(
    channel: Channel,
    language: Language,
    queuedAt: number,
    concern = false,
  ): Promise<number> {
    const { Count } = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :t',
        ExpressionAttributeValues: {
          ':p': queuePartition(channel, language),
          ':t': queueSortKey(queuedAt, concern),
        },
        Select: 'COUNT',
        // Counting stops at the cap: the read costs the same at 20 waiting callers as at 500.
        Limit: QUEUE_AHEAD_CAP,
      }),
    );
    return Math.min(Count ?? 0, QUEUE_AHEAD_CAP);
  }

  async placeInQueue(
    channel: Channel,
    language: Language,
    contactId: string,
    place: { readonly queuedAt: number; readonly concern: boolean },
  ): Promise<{ contact: Contact; ahead: number } | undefined> {
    // Backwards from the contact's own sort key: itself first, then up to the cap of those ahead of it.
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk <= :t',
        ExpressionAttributeValues: {
          ':p': queuePartition(channel, language),
          ':t': queueSortKey(place.queuedAt, place.concern),
        },
        ScanIndexForward: false,
        Limit: QUEUE_AHEAD_CAP + 1,
      }),
    );
    const own = Items?.[0];
    if (own?.contactId !== contactId) return undefined;
    const contact = this.contactFrom(own);
    return contact && { contact, ahead: Math.min((Items?.length ?? 1) - 1, QUEUE_AHEAD_CAP) };
  }

  async listQueued(channel: Channel, language: Language, limit: number): Promise<Contact[]> {
    const contacts = await this.queryIndex<Contact>('gsi1', queuePartition(channel, language), limit);
    return contacts.map((contact) => liveContact(contact, this.now()));
  }

  async listLive(): Promise<Contact[]> {
    const contacts = await this.queryIndex<Contact>('gsi1', LIVE, 500);
    return contacts.map((contact) => liveContact(contact, this.now()));
  }

  async countRecentContacts(callerKey: string, since: number): Promise<number> {
    const { Count } = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p AND gsi2sk >= :t',
        ExpressionAttributeValues: { ':p': `CALLER#${callerKey}`, ':t': sortableTime(since) },
        Select: 'COUNT',
      }),
    );
    return Count ?? 0;
  }

  private async queryIndex<T>(indexName: 'gsi1' | 'gsi2', partition: string, limit: number): Promise<T[]> {
    const key = tableSchema.globalIndexes.find((index) => index.indexName === indexName)!.partitionKey;
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: indexName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': key },
        ExpressionAttributeValues: { ':p': partition },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => strip<T>(item)!);
  }

  /** A conditional put of a marker with a TTL; an expired marker counts as unseen, since TTL deletes late. */
  async firstTime(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Math.floor(this.now() / 1000);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: `SEEN#${key}`, sk: 'SEEN', expiresAt: now + ttlSeconds },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async forget(key: string): Promise<void> {
    // An expired marker, written with PutItem: the one write the notifier is allowed besides marking.
    await this.client.send(
      new PutCommand({ TableName: this.table, Item: { pk: `SEEN#${key}`, sk: 'SEEN', expiresAt: 0 } }),
    );
  }

  async getPhone(key: string): Promise<PhoneRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: phoneRecordKey(key) }),
    );
    return strip<PhoneRecord>(Item);
  }

  async linkTexter(
    key: string,
    contactId: string | undefined,
    expectContactId: string | undefined,
  ): Promise<boolean> {
    const names = { '#c': 'contactId' };
    const values: Record<string, unknown> = { ':k': key };
    if (contactId) values[':c'] = contactId;
    if (expectContactId) values[':e'] = expectContactId;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: phoneRecordKey(key),
          UpdateExpression: contactId ? 'SET phoneKey = :k, #c = :c' : 'SET phoneKey = :k REMOVE #c',
          ConditionExpression: expectContactId ? '#c = :e' : 'attribute_not_exists(#c)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async setOptedOut(key: string, optedOut: boolean): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: phoneRecordKey(key),
        UpdateExpression: optedOut ? 'SET phoneKey = :k, optedOut = :t' : 'SET phoneKey = :k REMOVE optedOut',
        ExpressionAttributeValues: optedOut ? { ':k': key, ':t': true } : { ':k': key },
      }),
    );
  }

  async linkVolunteerPhone(key: string, volunteerId: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: phoneRecordKey(key),
        UpdateExpression: 'SET phoneKey = :k, volunteerId = :v',
        ExpressionAttributeValues: { ':k': key, ':v': volunteerId },
      }),
    );
  }

  /** One conditional update: counts the message, remembers its sid, and refuses a replay of it. */
  async recordMessage(
    contactId: string,
    messageSid: string,
    expectStatus: readonly ContactStatus[],
    at: number,
    keepSealed?: string,
  ): Promise<Contact | 'duplicate' | undefined> {
    const statuses = expectStatus.map((_, i) => `:s${i}`);
    const values: Record<string, unknown> = {
      ':sid': messageSid,
      ':one': [messageSid],
      ':none': [],
      ':at': at,
      ':n': 1,
      ':now': this.now(),
    };
    if (keepSealed) values[':body'] = [keepSealed];
    const pending = keepSealed
      ? ', pendingSealed = list_append(if_not_exists(pendingSealed, :none), :body)'
      : '';
    expectStatus.forEach((status, i) => {
      values[`:s${i}`] = status;
    });
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: contactKey(contactId),
          UpdateExpression: `SET relayedSids = list_append(if_not_exists(relayedSids, :none), :one), lastActivityAt = :at${pending} ADD messageCount :n`,
          // Expired live state takes no more messages: nothing is relayed or kept past liveUntil.
          ConditionExpression: `attribute_exists(pk) AND #status IN (${statuses.join(', ')}) AND NOT contains(relayedSids, :sid) AND liveUntil > :now`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return this.contactFrom(result.Attributes);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      const current = await this.getContact(contactId);
      return current?.relayedSids?.includes(messageSid) ? 'duplicate' : undefined;
    }
  }

  /**
   * The item, and the line's count of kept events, side by side: a count without its item costs the tick one
   * empty look, an item whose count was lost waits for the tick's periodic sweep.
   */
  async putOutbox(item: OutboxItem): Promise<void> {
    const [put] = await Promise.allSettled([
      this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: OUTBOX,
            sk: `${sortableTime(item.at)}#${item.id}`,
            id: item.id,
            at: item.at,
            events: JSON.stringify(item.events),
            expiresAt: Math.ceil((item.at + OUTBOX_KEEP_MS) / 1000),
          },
        }),
      ),
      this.writeLine(
        new UpdateCommand({
          TableName: this.table,
          Key: LINE_KEY,
          UpdateExpression: 'ADD outboxKept :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      ),
    ]);
    if (put.status === 'rejected') throw put.reason;
  }

  async noteOutboxEmptied(kept: number): Promise<void> {
    try {
      await this.writeLine(
        new UpdateCommand({
          TableName: this.table,
          Key: LINE_KEY,
          UpdateExpression: 'SET outboxEmptiedAt = :k',
          // Never back: two ticks that emptied it leave the larger count.
          ConditionExpression: 'attribute_not_exists(outboxEmptiedAt) OR outboxEmptiedAt < :k',
          ExpressionAttributeValues: { ':k': kept },
        }),
      );
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }

  async listOutbox(limit: number): Promise<OutboxItem[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': OUTBOX },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({
      id: String(item.id),
      at: Number(item.at),
      events: JSON.parse(String(item.events)),
    }));
  }

  async takeOutbox(item: OutboxItem): Promise<boolean> {
    try {
      await this.client.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk: OUTBOX, sk: `${sortableTime(item.at)}#${item.id}` },
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async saveEscalationRef(ref: EscalationRef): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...ref, pk: `REF#${ref.reference}`, sk: 'REF', expiresAt: Math.ceil(ref.liveUntil / 1000) },
      }),
    );
  }

  async getEscalationRef(reference: string): Promise<EscalationRef | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: { pk: `REF#${reference}`, sk: 'REF' } }),
    );
    return strip<EscalationRef>(this.unexpired(Item));
  }

  async getVolunteer(volunteerId: string): Promise<Volunteer | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: volunteerKey(volunteerId) }),
    );
    return strip<Volunteer>(Item);
  }

  listOnShift(): Promise<Volunteer[]> {
    return this.queryIndex<Volunteer>('gsi1', ONSHIFT, 500);
  }

  async putVolunteer(volunteer: Volunteer): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...volunteer,
          ...volunteerKey(volunteer.volunteerId),
          ...volunteerIndex(volunteer),
          gsi2pk: VOLUNTEER_DIRECTORY,
          gsi2sk: volunteer.volunteerId,
        },
      }),
    );
  }

  updateVolunteer(volunteerId: string, change: VolunteerChange): Promise<Volunteer | undefined> {
    const builder = new UpdateBuilder()
      .set({ ...change.set, ...volunteerIndexChange(change) })
      .remove([...(change.remove ?? []), ...(change.set?.onShift === false ? ['gsi1pk', 'gsi1sk'] : [])])
      .add({ ...change.add, version: 1 })
      .expectOneOf('state', change.expectState)
      .expectEqual('contactId', change.expectContactId)
      .expectEqual('version', change.expectVersion)
      .expectEqual('textOffer', change.expectTextOffer ?? undefined)
      .expectAbsent('textOffer', change.expectTextOffer === null);
    return this.update<Volunteer>(volunteerKey(volunteerId), builder);
  }

  /** A ring group's offers in one BatchWrite, asking again for any DynamoDB left unprocessed. */
  async putOffers(offers: readonly Offer[]): Promise<void> {
    if (offers.length > BATCH_WRITE_LIMIT) throw new Error(`at most ${BATCH_WRITE_LIMIT} offers at once`);
    let pending: BatchWriteCommandInput['RequestItems'] | undefined = {
      [this.table]: offers.map((offer) => ({
        PutRequest: {
          Item: {
            ...offer,
            ...offerKey(offer.contactId, offer.volunteerId),
            expiresAt: offerExpiry(offer.offeredAt),
          },
        },
      })),
    };
    for (let attempt = 0; pending?.[this.table]?.length && attempt < BATCH_WRITE_ATTEMPTS; attempt++) {
      const result: BatchWriteCommandOutput = await this.client.send(
        new BatchWriteCommand({ RequestItems: pending }),
      );
      pending = result.UnprocessedItems;
    }
    if (pending?.[this.table]?.length) throw new Error('offers could not all be stored; try again');
  }

  async listOffers(contactId: string): Promise<Offer[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :o)',
        ExpressionAttributeValues: { ':p': `CONTACT#${contactId}`, ':o': 'OFFER#' },
      }),
    );
    return (Items ?? []).flatMap((item) => strip<Offer>(this.unexpired(item)) ?? []);
  }

  async getContactWithOffers(contactId: string): Promise<{ contact?: Contact; offers: Offer[] }> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `CONTACT#${contactId}` },
      }),
    );
    const items = Items ?? [];
    const contact = this.contactFrom(items.find((item) => item.sk === 'CONTACT'));
    const offers = items
      .filter((item) => String(item.sk).startsWith('OFFER#'))
      .flatMap((item) => strip<Offer>(this.unexpired(item)) ?? []);
    return { ...(contact ? { contact } : {}), offers };
  }

  updateOffer(
    contactId: string,
    volunteerId: string,
    change: {
      expectStatus: readonly Offer['status'][];
      set: Partial<Pick<Offer, 'status' | 'callSid'>>;
    },
  ): Promise<Offer | undefined> {
    const builder = new UpdateBuilder().set(change.set).expectOneOf('status', change.expectStatus);
    return this.update<Offer>(offerKey(contactId, volunteerId), builder);
  }

  setOnShift(volunteerId: string, onShift: boolean): Promise<void> {
    return this.updateLineSet('onShift', volunteerId, onShift);
  }

  setPaused(volunteerId: string, paused: boolean): Promise<void> {
    return this.updateLineSet('paused', volunteerId, paused);
  }

  /** Line-level sets are idempotent under replays: adding an id twice is adding it once. */
  private async updateLineSet(attribute: 'onShift' | 'paused', volunteerId: string, add: boolean) {
    await this.writeLine(
      new UpdateCommand({
        TableName: this.table,
        Key: LINE_KEY,
        UpdateExpression: `${add ? 'ADD' : 'DELETE'} #set :ids`,
        ExpressionAttributeNames: { '#set': attribute },
        ExpressionAttributeValues: { ':ids': new Set([volunteerId]) },
      }),
    );
  }

  async markAllPaused(since: number): Promise<boolean> {
    return this.conditionalLineUpdate({
      UpdateExpression: 'SET allPausedSince = :s',
      ConditionExpression: 'attribute_not_exists(allPausedSince)',
      ExpressionAttributeValues: { ':s': since },
    });
  }

  async clearAllPaused(since: number): Promise<void> {
    await this.conditionalLineUpdate({
      UpdateExpression: 'REMOVE allPausedSince',
      ConditionExpression: 'allPausedSince = :s',
      ExpressionAttributeValues: { ':s': since },
    });
  }

  private async conditionalLineUpdate(update: {
    UpdateExpression: string;
    ConditionExpression: string;
    ExpressionAttributeValues: Record<string, unknown>;
  }): Promise<boolean> {
    try {
      await this.writeLine(new UpdateCommand({ TableName: this.table, Key: LINE_KEY, ...update }));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /**
   * Merges a coordinator's edit into the saved settings field by field, so saving one setting never
   * reverts another. The first edit creates the map; two first edits racing fall back to the merge.
   */
  async saveSettings(patch: LineSettingsPatch): Promise<void> {
    try {
      await this.writeSettings(patch);
    } finally {
      this.forgetLine();
    }
  }

  private async writeSettings(patch: LineSettingsPatch): Promise<void> {
    const fields = Object.entries(patch).filter(([, value]) => value !== undefined);
    if (!fields.length) return;
    const names: Record<string, string> = { '#settings': 'settings' };
    const values: Record<string, unknown> = {};
    const sets = fields.map(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      return `#settings.#f${i} = :f${i}`;
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: LINE_KEY,
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(#settings)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return;
      } catch (error) {
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      }
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.table,
            Key: LINE_KEY,
            UpdateExpression: 'SET #settings = :s',
            ConditionExpression: 'attribute_not_exists(#settings)',
            ExpressionAttributeNames: { '#settings': 'settings' },
            ExpressionAttributeValues: { ':s': Object.fromEntries(fields) },
          }),
        );
        return;
      } catch (error) {
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      }
    }
    throw new Error('line settings changed under two concurrent edits; try again');
  }
}

function volunteerIndex(volunteer: Volunteer): Record<string, string> {
  return volunteer.onShift ? { gsi1pk: ONSHIFT, gsi1sk: sortableTime(volunteer.idleSince) } : {};
}

function volunteerIndexChange(change: VolunteerChange): Record<string, string> {
  if (change.set?.onShift === true)
    return { gsi1pk: ONSHIFT, gsi1sk: sortableTime(change.set.idleSince ?? 0) };
  if (change.set?.idleSince !== undefined && change.set.onShift !== false)
    return { gsi1sk: sortableTime(change.set.idleSince) };
  return {};
}
