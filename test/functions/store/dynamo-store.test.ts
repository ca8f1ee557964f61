// The DynamoDB store against real dynalite: conditional writes, index queries, and what faults look like.

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Offer, Volunteer } from '../../../flows/model.js';
import { QUEUE_AHEAD_CAP } from '../../../flows/ports.js';
import { createDocumentClient } from '../../../functions/store/dynamo-client.js';
import { DynamoStore } from '../../../functions/store/dynamo-store.js';
import { type StoreForTest, startStoreForTest, testLineDefaults } from '../../support/dynalite-table.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
const defaults = testLineDefaults;
/** The store's clock: live state is judged at this instant, which a test may move. */
let clockAt = NOW;
const clock = { now: () => clockAt };

let ids = 0;
function contact(overrides: Partial<Contact> = {}): Contact {
  ids++;
  return {
    contactId: `c-${ids}`,
    channel: 'voice',
    language: 'en',
    status: 'greeting',
    callerKey: `key-${ids}`,
    callerSealed: 'v1.iv.body.tag',
    callSid: `CA${ids}`,
    startedAt: NOW,
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: NOW + 6 * 3_600_000,
    ...overrides,
  };
}

function volunteer(overrides: Partial<Volunteer> = {}): Volunteer {
  ids++;
  return {
    volunteerId: `v-${ids}`,
    name: `Volunteer ${ids}`,
    phoneSealed: 'v1.iv.body.tag',
    phoneKey: `pk-${ids}`,
    languages: ['en'],
    active: true,
    maxTextSessions: 2,
    onShift: false,
    state: 'available',
    idleSince: NOW,
    missedOffers: 0,
    version: 0,
    ...overrides,
  };
}

describe('DynamoStore on dynalite', () => {
  // One table for the file: every test uses its own ids, and the tests of line-level state reset it themselves.
  let local: StoreForTest;
  let store: DynamoStore;

  beforeAll(async () => {
    local = await startStoreForTest({ clock });
    store = local.store;
  });
  afterAll(async () => {
    await local.close();
  });
  const rawItem = async (pk: string, sk: string) =>
    (await local.documentClient.send(new GetCommand({ TableName: local.tableName, Key: { pk, sk } }))).Item;

  describe('contacts', () => {
    it('creates a contact once and answers exists on a replay', async () => {
      const first = contact();

      expect(await store.createContact(first)).toBe('created');
      expect(await store.createContact({ ...first, status: 'queued' })).toBe('exists');
      expect(await store.getContact(first.contactId)).toEqual(first);
    });

    it('changes nothing and returns undefined when the status is not the expected one', async () => {
      const greeting = contact();
      await store.createContact(greeting);

      const result = await store.updateContact(greeting.contactId, {
        channel: 'voice',
        expectStatus: ['queued'],
        set: { status: 'connecting', volunteerId: 'v-x', answeredAt: NOW },
      });

      expect(result).toBeUndefined();
      expect(await store.getContact(greeting.contactId)).toEqual(greeting);
    });

    it('returns undefined for a contact that does not exist rather than creating it', async () => {
      const result = await store.updateContact('c-missing', {
        channel: 'voice',
        set: { status: 'ended', endedAt: NOW },
      });

      expect(result).toBeUndefined();
      expect(await store.getContact('c-missing')).toBeUndefined();
    });

    it('applies set, add and remove together and returns the new contact', async () => {
      const live = contact({ status: 'queued', queuedAt: NOW });
      await store.createContact(live);

      const ended = await store.updateContact(live.contactId, {
        channel: 'voice',
        expectStatus: ['queued', 'connecting'],
        expectOffersOutstanding: 0,
        set: { status: 'ended', outcome: 'abandoned', endedAt: NOW + 5_000 },
        add: { offerRound: 1 },
        remove: ['callerSealed'],
      });

      expect(ended).toMatchObject({ status: 'ended', outcome: 'abandoned', offerRound: 1 });
      expect(ended).not.toHaveProperty('callerSealed');
      expect(ended).not.toHaveProperty('gsi1pk');
      const stored = await rawItem(`CONTACT#${live.contactId}`, 'CONTACT');
      expect(stored).toBeDefined();
      expect(stored?.callerSealed).toBeUndefined();
      expect(stored?.gsi1pk).toBe('LOG#2026-11');
    });

    it('refuses a claim by the wrong volunteer or with offers still ringing', async () => {
      const connecting = contact({ status: 'connecting', volunteerId: 'v-winner', offersOutstanding: 2 });
      await store.createContact(connecting);

      const wrongVolunteer = await store.updateContact(connecting.contactId, {
        channel: 'voice',
        expectVolunteerId: 'v-other',
        set: { status: 'connected' },
      });
      const stillRinging = await store.updateContact(connecting.contactId, {
        channel: 'voice',
        expectOffersOutstanding: 1,
        set: { status: 'connected' },
      });

      expect(wrongVolunteer).toBeUndefined();
      expect(stillRinging).toBeUndefined();
      expect((await store.getContact(connecting.contactId))?.status).toBe('connecting');
    });
  });

  describe('queues and indexes', () => {
    async function queue(language: 'en' | 'es', queuedAt: number, channel: 'voice' | 'sms' = 'voice') {
      const waiting = contact({ channel, language });
      await store.createContact(waiting);
      await store.updateContact(waiting.contactId, {
        channel,
        expectStatus: ['greeting'],
        set: { status: 'queued', language, queuedAt },
      });
      return waiting;
    }

    it('stops counting at the cap, so a hold turn reads the same few items however long the queue', async () => {
      const base = NOW + 300 * DAY;
      for (let i = 0; i < QUEUE_AHEAD_CAP + 5; i++) await queue('en', base + i, 'sms');

      expect(await store.countQueuedAhead('sms', 'en', base + QUEUE_AHEAD_CAP + 5)).toBe(QUEUE_AHEAD_CAP);
      expect(await store.countQueuedAhead('sms', 'en', base + 3)).toBe(3);
    });

    it('counts only the callers of the same channel and language who queued earlier', async () => {
      const base = NOW + 100 * DAY;
      await queue('es', base + 1_000);
      await queue('es', base + 2_000);
      const third = await queue('es', base + 3_000);
      await queue('en', base + 500);
      await queue('es', base + 100, 'sms');

      expect(await store.countQueuedAhead('voice', 'es', base + 3_000)).toBe(2);
      expect(await store.countQueuedAhead('voice', 'es', base + 1_000)).toBe(0);
      expect((await store.getContact(third.contactId))?.status).toBe('queued');
    });

    it('lists the queue oldest first, up to the limit', async () => {
      const late = await queue('en', NOW + 300);
      const early = await queue('en', NOW + 100);
      const middle = await queue('en', NOW + 200);

      const firstTwo = await store.listQueued('voice', 'en', 2);
      const all = await store.listQueued('voice', 'en', 50);

      expect(firstTwo.map((c) => c.contactId)).toEqual([early.contactId, middle.contactId]);
      const ours = all
        .map((c) => c.contactId)
        .filter((id) => [late, early, middle].some((c) => c.contactId === id));
      expect(ours).toEqual([early.contactId, middle.contactId, late.contactId]);
    });

    it('takes a text conversation out of its queue when a volunteer accepts it', async () => {
      const base = NOW + 200 * DAY;
      const accepted = await queue('en', base + 1, 'sms');
      const later = await queue('en', base + 2, 'sms');

      await store.updateContact(accepted.contactId, {
        channel: 'sms',
        expectStatus: ['queued'],
        set: { status: 'connected', volunteerId: 'v-1', answeredAt: base + 10 },
      });

      expect(await store.countQueuedAhead('sms', 'en', base + 2)).toBe(0);
      expect((await store.listQueued('sms', 'en', 50)).map((c) => c.contactId)).not.toContain(
        accepted.contactId,
      );
      expect((await store.listLive()).map((c) => c.contactId)).toContain(accepted.contactId);
      expect((await store.listQueued('sms', 'en', 50)).map((c) => c.contactId)).toContain(later.contactId);
    });

    it('puts a text created as queued straight into its queue, keyed by its queue time', async () => {
      const base = NOW + 250 * DAY;
      const earlier = contact({ channel: 'sms', language: 'es', status: 'queued', queuedAt: base + 1 });
      const later = contact({ channel: 'sms', language: 'es', status: 'queued', queuedAt: base + 2 });
      for (const c of [later, earlier]) await store.createContact(c);

      const listed = (await store.listQueued('sms', 'es', 50)).map((c) => c.contactId);

      expect(listed.indexOf(earlier.contactId)).toBeGreaterThanOrEqual(0);
      expect(listed.indexOf(earlier.contactId)).toBeLessThan(listed.indexOf(later.contactId));
      // Other tests queue Spanish texts earlier in the same table: count the difference this one makes.
      const aheadOfEarlier = await store.countQueuedAhead('sms', 'es', base + 1);
      expect(await store.countQueuedAhead('sms', 'es', base + 2)).toBe(aheadOfEarlier + 1);
      expect((await store.listQueued('voice', 'es', 50)).map((c) => c.contactId)).not.toContain(
        earlier.contactId,
      );
      expect((await store.listLive()).map((c) => c.contactId)).not.toContain(earlier.contactId);
    });

    it('lists live contacts greeting or bridging, and not ended ones', async () => {
      const greeting = contact();
      const connecting = contact();
      const ended = contact();
      for (const c of [greeting, connecting, ended]) await store.createContact(c);
      await store.updateContact(connecting.contactId, {
        channel: 'voice',
        set: { status: 'connecting', volunteerId: 'v-1', answeredAt: NOW + 1 },
      });
      await store.updateContact(ended.contactId, {
        channel: 'voice',
        set: { status: 'ended', endedAt: NOW + 2 },
      });

      const live = (await store.listLive()).map((c) => c.contactId);

      expect(live).toEqual(expect.arrayContaining([greeting.contactId, connecting.contactId]));
      expect(live).not.toContain(ended.contactId);
    });

    it("counts a caller's contacts since a given time through the caller index", async () => {
      const callerKey = 'repeat-caller';
      for (const startedAt of [NOW - 40 * DAY, NOW - 10 * DAY, NOW - DAY, NOW]) {
        await store.createContact(contact({ callerKey, startedAt }));
      }
      await store.createContact(contact({ callerKey: 'someone-else', startedAt: NOW }));

      expect(await store.countRecentContacts(callerKey, NOW - 30 * DAY)).toBe(3);
      expect(await store.countRecentContacts(callerKey, NOW - 50 * DAY)).toBe(4);
      expect(await store.countRecentContacts('never-called', NOW - 30 * DAY)).toBe(0);
    });
  });

  describe('offers', () => {
    it('puts, lists and conditionally updates the offers of a contact', async () => {
      const offered = contact();
      await store.createContact(offered);
      const offers: Offer[] = ['v-a', 'v-b'].map((volunteerId) => ({
        contactId: offered.contactId,
        volunteerId,
        channel: 'voice',
        status: 'ringing',
        offeredAt: NOW,
      }));
      for (const offer of offers) await store.putOffer(offer);

      const accepted = await store.updateOffer(offered.contactId, 'v-a', {
        expectStatus: ['ringing'],
        set: { status: 'accepted', callSid: 'CA-a' },
      });
      const acceptedTwice = await store.updateOffer(offered.contactId, 'v-a', {
        expectStatus: ['ringing'],
        set: { status: 'accepted' },
      });
      const missing = await store.updateOffer(offered.contactId, 'v-nobody', {
        expectStatus: ['ringing'],
        set: { status: 'released' },
      });

      expect(accepted).toMatchObject({ volunteerId: 'v-a', status: 'accepted', callSid: 'CA-a' });
      expect(acceptedTwice).toBeUndefined();
      expect(missing).toBeUndefined();
      const listed = await store.listOffers(offered.contactId);
      expect(listed.map((o) => [o.volunteerId, o.status])).toEqual([
        ['v-a', 'accepted'],
        ['v-b', 'ringing'],
      ]);
      expect(listed[0]).not.toHaveProperty('sk');
      expect(await store.getContact(offered.contactId)).toEqual(offered);
    });
  });

  describe('line, shifts and volunteers', () => {
    it('reads the defaults for a new line and merges saved edits field by field', async () => {
      const fresh = store;
      await local.documentClient.send(
        new UpdateCommand({
          TableName: local.tableName,
          Key: { pk: 'LINE', sk: 'LINE' },
          UpdateExpression: 'REMOVE settings',
        }),
      );

      const before = await fresh.getLine();
      await fresh.saveSettings({ ringGroupSize: 1 });
      await fresh.saveSettings({ maxWaitSeconds: 120, overflow: { kind: 'text-back' } });
      const after = await fresh.getLine();

      expect(before.settings).toEqual(defaults);
      expect(after.settings).toEqual({
        ...defaults,
        ringGroupSize: 1,
        maxWaitSeconds: 120,
        overflow: { kind: 'text-back' },
      });
    });

    it('reads the blocked caller keys kept in the line item', async () => {
      await local.documentClient.send(
        new UpdateCommand({
          TableName: local.tableName,
          Key: { pk: 'LINE', sk: 'LINE' },
          UpdateExpression: 'SET blockedKeys = :keys',
          ExpressionAttributeValues: { ':keys': new Set(['blocked-1', 'blocked-2']) },
        }),
      );

      const line = await store.getLine();

      expect([...line.blockedKeys].sort()).toEqual(['blocked-1', 'blocked-2']);
      expect(line.blockedKeys.has('key-1')).toBe(false);
    });

    it('keeps the on-shift set in the line item, idempotent under replays', async () => {
      await store.setOnShift('v-shift-1', true);
      await store.setOnShift('v-shift-1', true);
      await store.setOnShift('v-shift-2', true);
      const both = await store.getLine();
      await store.setOnShift('v-shift-1', false);
      await store.setOnShift('v-shift-1', false);
      const one = await store.getLine();

      expect([...both.onShiftIds]).toEqual(expect.arrayContaining(['v-shift-1', 'v-shift-2']));
      expect(one.onShiftIds.has('v-shift-1')).toBe(false);
      expect(one.onShiftIds.has('v-shift-2')).toBe(true);
    });

    it('keeps the paused set beside it, and marks an all-paused stretch once until it is cleared', async () => {
      await store.setPaused('v-pause-1', true);
      await store.setPaused('v-pause-1', true);
      const paused = await store.getLine();
      const first = await store.markAllPaused(NOW);
      const again = await store.markAllPaused(NOW + 1);
      const marked = await store.getLine();
      await store.clearAllPaused(NOW + 1); // not this stretch's mark: left alone
      const kept = await store.getLine();
      await store.clearAllPaused(NOW);
      await store.setPaused('v-pause-1', false);
      const cleared = await store.getLine();

      expect(paused.pausedIds.has('v-pause-1')).toBe(true);
      expect([first, again]).toEqual([true, false]);
      expect(marked.allPausedSince).toBe(NOW);
      expect(kept.allPausedSince).toBe(NOW);
      expect(cleared.allPausedSince).toBeUndefined();
      expect(cleared.pausedIds.has('v-pause-1')).toBe(false);
      expect(await store.markAllPaused(NOW + 2)).toBe(true);
      await store.clearAllPaused(NOW + 2);
    });

    it('lists the volunteers on shift longest idle first, and drops them when they go off', async () => {
      const base = NOW + 300 * DAY;
      const recent = volunteer({ onShift: true, idleSince: base + 50 });
      const idleLongest = volunteer();
      const off = volunteer({ onShift: false });
      for (const v of [recent, idleLongest, off]) await store.putVolunteer(v);

      await store.updateVolunteer(idleLongest.volunteerId, { set: { onShift: true, idleSince: base + 10 } });
      const onShift = (await store.listOnShift()).map((v) => v.volunteerId);
      await store.updateVolunteer(recent.volunteerId, { set: { onShift: false } });
      const afterOff = (await store.listOnShift()).map((v) => v.volunteerId);

      expect(onShift.indexOf(idleLongest.volunteerId)).toBeLessThan(onShift.indexOf(recent.volunteerId));
      expect(onShift).not.toContain(off.volunteerId);
      expect(afterOff).not.toContain(recent.volunteerId);
      expect(afterOff).toContain(idleLongest.volunteerId);
    });

    it('updates a volunteer only from the expected state and version, bumping the version', async () => {
      const v = volunteer({ onShift: true });
      await store.putVolunteer(v);

      const offered = await store.updateVolunteer(v.volunteerId, {
        expectState: ['available'],
        expectVersion: 0,
        set: { state: 'offered', contactId: 'c-1' },
      });
      const staleVersion = await store.updateVolunteer(v.volunteerId, {
        expectVersion: 0,
        set: { state: 'busy' },
      });
      const wrongState = await store.updateVolunteer(v.volunteerId, {
        expectState: ['available'],
        set: { state: 'busy' },
      });
      const wrongContact = await store.updateVolunteer(v.volunteerId, {
        expectContactId: 'c-2',
        set: { state: 'busy' },
      });
      const missed = await store.updateVolunteer(v.volunteerId, {
        expectContactId: 'c-1',
        set: { state: 'available' },
        remove: ['contactId'],
        add: { missedOffers: 1 },
      });

      expect(offered).toMatchObject({ state: 'offered', contactId: 'c-1', version: 1 });
      expect(staleVersion).toBeUndefined();
      expect(wrongState).toBeUndefined();
      expect(wrongContact).toBeUndefined();
      expect(missed).toMatchObject({ state: 'available', missedOffers: 1, version: 2 });
      expect(missed).not.toHaveProperty('contactId');
      expect(await store.getVolunteer('v-nobody')).toBeUndefined();
    });

    it('gives a text offer only to a volunteer holding none', async () => {
      const v = volunteer({ onShift: true });
      await store.putVolunteer(v);

      const first = await store.updateVolunteer(v.volunteerId, {
        expectTextOffer: null,
        set: { textOffer: 'c-t1' },
      });
      const second = await store.updateVolunteer(v.volunteerId, {
        expectTextOffer: null,
        set: { textOffer: 'c-t2' },
      });
      const cleared = await store.updateVolunteer(v.volunteerId, {
        expectTextOffer: 'c-t1',
        remove: ['textOffer'],
      });

      expect(first?.textOffer).toBe('c-t1');
      expect(second).toBeUndefined();
      expect(cleared).not.toHaveProperty('textOffer');
    });
  });

  describe('texts and replays', () => {
    it('remembers a key the first time only', async () => {
      expect(await store.firstTime('CA1#answered', 3600)).toBe(true);
      expect(await store.firstTime('CA1#answered', 3600)).toBe(false);
      expect(await store.firstTime('CA1#completed', 3600)).toBe(true);
    });

    it('counts each message once and keeps it sealed while nobody has accepted', async () => {
      const texter = contact({ channel: 'sms', status: 'queued', queuedAt: NOW });
      await store.createContact(texter);

      const first = await store.recordMessage(
        texter.contactId,
        'SM1',
        ['queued'],
        NOW + 1,
        'v1.sealed.one.x',
      );
      const replay = await store.recordMessage(
        texter.contactId,
        'SM1',
        ['queued'],
        NOW + 2,
        'v1.sealed.one.x',
      );
      const second = await store.recordMessage(texter.contactId, 'SM2', ['queued'], NOW + 3);
      const wrongStatus = await store.recordMessage(texter.contactId, 'SM3', ['connected'], NOW + 4);

      expect(first).toMatchObject({
        messageCount: 1,
        relayedSids: ['SM1'],
        pendingSealed: ['v1.sealed.one.x'],
      });
      expect(replay).toBe('duplicate');
      expect(second).toMatchObject({ messageCount: 2, lastActivityAt: NOW + 3 });
      expect(wrongStatus).toBeUndefined();
    });

    it('treats a marker past its expiry as unseen, since TTL deletes late', async () => {
      await local.documentClient.send(
        new PutCommand({
          TableName: local.tableName,
          Item: { pk: 'SEEN#SM-old', sk: 'SEEN', expiresAt: Math.floor(NOW / 1000) - 60 },
        }),
      );

      expect(await store.firstTime('SM-old', 3600)).toBe(true);
      expect(await store.firstTime('SM-old', 3600)).toBe(false);
      expect((await rawItem('SEEN#SM-old', 'SEEN'))?.expiresAt).toBeGreaterThan(NOW / 1000);
    });

    it('appends each waiting message once to the sealed list, and a replay changes nothing', async () => {
      const texter = contact({ channel: 'sms', status: 'queued', queuedAt: NOW });
      await store.createContact(texter);

      await store.recordMessage(texter.contactId, 'SM-a', ['queued'], NOW + 1, 'v1.sealed.a.x');
      await store.recordMessage(texter.contactId, 'SM-b', ['queued'], NOW + 2, 'v1.sealed.b.x');
      const replay = await store.recordMessage(
        texter.contactId,
        'SM-a',
        ['queued'],
        NOW + 9,
        'v1.sealed.a.x',
      );
      const stored = await store.getContact(texter.contactId);

      expect(replay).toBe('duplicate');
      expect(stored).toMatchObject({
        messageCount: 2,
        relayedSids: ['SM-a', 'SM-b'],
        pendingSealed: ['v1.sealed.a.x', 'v1.sealed.b.x'],
        lastActivityAt: NOW + 2,
      });
    });

    it('counts no message on a conversation that does not exist, and does not create it', async () => {
      const result = await store.recordMessage('c-nowhere', 'SM-x', ['queued', 'connected'], NOW);

      expect(result).toBeUndefined();
      expect(await store.getContact('c-nowhere')).toBeUndefined();
    });

    it('forgets the sealed number and the waiting messages when they are removed', async () => {
      const texter = contact({ channel: 'sms', status: 'queued', queuedAt: NOW });
      await store.createContact(texter);
      await store.recordMessage(texter.contactId, 'SM-r', ['queued'], NOW + 1, 'v1.sealed.r.x');

      const ended = await store.updateContact(texter.contactId, {
        channel: 'sms',
        expectStatus: ['queued'],
        set: { status: 'ended', outcome: 'abandoned', endedAt: NOW + 10 },
        remove: ['callerSealed', 'pendingSealed'],
      });
      const stored = await rawItem(`CONTACT#${texter.contactId}`, 'CONTACT');

      expect(ended).toMatchObject({ status: 'ended', messageCount: 1 });
      expect(stored).toBeDefined();
      expect(stored).not.toHaveProperty('callerSealed');
      expect(stored).not.toHaveProperty('pendingSealed');
    });

    it('links a texter to one conversation at a time', async () => {
      expect(await store.linkTexter('texter-1', 'c-a', undefined)).toBe(true);
      expect(await store.linkTexter('texter-1', 'c-b', undefined)).toBe(false);
      expect(await store.linkTexter('texter-1', undefined, 'c-a')).toBe(true);
      expect(await store.getPhone('texter-1')).toEqual({ phoneKey: 'texter-1' });
    });

    it('moves a texter only from the conversation it is expected to point at', async () => {
      await store.linkTexter('texter-2', 'c-first', undefined);

      const fromWrong = await store.linkTexter('texter-2', 'c-second', 'c-other');
      const kept = await store.getPhone('texter-2');
      const fromRight = await store.linkTexter('texter-2', 'c-second', 'c-first');

      expect(fromWrong).toBe(false);
      expect(kept).toEqual({ phoneKey: 'texter-2', contactId: 'c-first' });
      expect(fromRight).toBe(true);
      expect(await store.getPhone('texter-2')).toEqual({ phoneKey: 'texter-2', contactId: 'c-second' });
      expect(await store.linkTexter('texter-never', undefined, 'c-first')).toBe(false);
      expect(await store.getPhone('texter-never')).toBeUndefined();
    });

    it('records an opt-out and its reversal without touching the open conversation', async () => {
      await store.linkTexter('texter-3', 'c-open', undefined);

      await store.setOptedOut('texter-3', true);
      await store.setOptedOut('texter-3', true);
      const optedOut = await store.getPhone('texter-3');
      await store.setOptedOut('texter-3', false);
      const optedIn = await store.getPhone('texter-3');
      await store.setOptedOut('texter-new', true);

      expect(optedOut).toEqual({ phoneKey: 'texter-3', contactId: 'c-open', optedOut: true });
      expect(optedIn).toEqual({ phoneKey: 'texter-3', contactId: 'c-open' });
      expect(await store.getPhone('texter-new')).toEqual({ phoneKey: 'texter-new', optedOut: true });
    });

    it('links a volunteer to their phone key, keeping what else the record holds', async () => {
      await store.setOptedOut('volunteer-phone', true);

      await store.linkVolunteerPhone('volunteer-phone', 'v-7');

      expect(await store.getPhone('volunteer-phone')).toEqual({
        phoneKey: 'volunteer-phone',
        volunteerId: 'v-7',
        optedOut: true,
      });
    });

    it('keeps an escalation reference until TTL, expiring with its liveUntil', async () => {
      const ref = {
        reference: 'R7K2',
        contactId: 'c-esc',
        callerSealed: 'v1.iv.body.tag',
        liveUntil: NOW + 3_600_500,
      };

      await store.saveEscalationRef(ref);

      expect(await store.getEscalationRef('R7K2')).toEqual(ref);
      expect((await rawItem('REF#R7K2', 'REF'))?.expiresAt).toBe(Math.ceil((NOW + 3_600_500) / 1000));
      expect(await store.getEscalationRef('R0000')).toBeUndefined();
    });
  });

  describe('expiry, checked on every read because TTL deletes late', () => {
    const later = async <T>(ms: number, read: () => Promise<T>): Promise<T> => {
      clockAt = NOW + ms;
      try {
        return await read();
      } finally {
        clockAt = NOW;
      }
    };

    it('reads a contact past liveUntil without its numbers, SIDs or message copies, wherever it is read', async () => {
      const live = contact({
        channel: 'sms',
        status: 'queued',
        queuedAt: NOW,
        language: 'es',
        volunteerPhoneSealed: 'v1.vol',
        relayedSids: ['SM1'],
        pendingSealed: ['v1.msg'],
      });
      await store.createContact(live);
      const seven = 7 * 3_600_000;

      const read = await later(seven, () => store.getContact(live.contactId));
      const queued = await later(seven, () => store.listQueued('sms', 'es', 10));
      const updated = await later(seven, () =>
        store.updateContact(live.contactId, { channel: 'sms', set: { lastActivityAt: NOW + seven } }),
      );

      for (const seen of [read, queued.find((c) => c.contactId === live.contactId), updated]) {
        expect(seen?.contactId).toBe(live.contactId);
        for (const field of [
          'callerSealed',
          'callSid',
          'volunteerPhoneSealed',
          'relayedSids',
          'pendingSealed',
        ])
          expect(seen).not.toHaveProperty(field);
      }
      expect(await store.getContact(live.contactId)).toMatchObject({ callerSealed: live.callerSealed });
    });

    it('takes no message on expired live state', async () => {
      const live = contact({ channel: 'sms', status: 'connected' });
      await store.createContact(live);

      const recorded = await later(7 * 3_600_000, () =>
        store.recordMessage(live.contactId, 'SM-late', ['connected'], NOW, 'v1.late'),
      );

      expect(recorded).toBeUndefined();
      expect((await rawItem(`CONTACT#${live.contactId}`, 'CONTACT'))?.pendingSealed).toBeUndefined();
    });

    it('treats an escalation reference or an offer past its expiry as gone', async () => {
      await store.saveEscalationRef({
        reference: 'X9Q1',
        contactId: 'c-x',
        callerSealed: 'v1.x',
        liveUntil: NOW + 60_000,
      });
      await store.putOffer({
        contactId: 'c-offer-x',
        volunteerId: 'vol-x',
        channel: 'voice',
        status: 'ringing',
        offeredAt: NOW,
      });

      expect(await later(61_000, () => store.getEscalationRef('X9Q1'))).toBeUndefined();
      expect(await later(86_401_000, () => store.listOffers('c-offer-x'))).toEqual([]);
      expect(await store.listOffers('c-offer-x')).toHaveLength(1);
    });
  });
});

describe('DynamoStore faults', () => {
  /** A real client whose send is replaced: the faults arrive as the SDK would raise them, retries aside. */
  function faultyStore() {
    const client = createDocumentClient({ region: 'us-east-1', maxAttempts: 1, requestTimeoutMs: 300 });
    const mock = mockClient(client);
    const store = new DynamoStore(client, { tableName: 't', defaults, retentionDays: 400, clock });
    return { store, mock };
  }
  const conditionFailed = () =>
    new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
  const throttled = () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput'), {
      name: 'ProvisionedThroughputExceededException',
    });

  it('maps a conditional check failure to undefined', async () => {
    const { store, mock } = faultyStore();
    mock.on(UpdateCommand).rejects(conditionFailed());

    const contactResult = await store.updateContact('c-1', {
      channel: 'voice',
      expectStatus: ['queued'],
      set: { status: 'ended', endedAt: NOW },
    });
    const volunteerResult = await store.updateVolunteer('v-1', { expectState: ['available'] });
    const offerResult = await store.updateOffer('c-1', 'v-1', {
      expectStatus: ['ringing'],
      set: { status: 'accepted' },
    });

    expect(contactResult).toBeUndefined();
    expect(volunteerResult).toBeUndefined();
    expect(offerResult).toBeUndefined();
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(3);
  });

  it('reads a failed create, marker or link as a replay', async () => {
    const { store, mock } = faultyStore();
    mock.on(PutCommand).rejects(conditionFailed()).on(UpdateCommand).rejects(conditionFailed());

    expect(await store.createContact(contact())).toBe('exists');
    expect(await store.firstTime('SM1', 60)).toBe(false);
    expect(await store.linkTexter('texter', 'c-1', undefined)).toBe(false);
  });

  it('tells a replayed message from a refused one by reading the contact after the check fails', async () => {
    const { store, mock } = faultyStore();
    mock
      .on(UpdateCommand)
      .rejects(conditionFailed())
      .on(GetCommand)
      .resolvesOnce({ Item: { ...contact({ status: 'connected' }), relayedSids: ['SM1'] } })
      .resolvesOnce({ Item: { ...contact({ status: 'ended' }), relayedSids: ['SM1'] } });

    expect(await store.recordMessage('c-1', 'SM1', ['connected'], NOW)).toBe('duplicate');
    expect(await store.recordMessage('c-1', 'SM2', ['connected'], NOW)).toBeUndefined();
    expect(mock.commandCalls(GetCommand)).toHaveLength(2);
  });

  it('lets throttling propagate so the edge can answer with safe TwiML', async () => {
    const { store, mock } = faultyStore();
    const error = throttled();
    mock.rejects(error);

    await expect(store.getLine()).rejects.toThrow(error);
    await expect(
      store.updateContact('c-1', { channel: 'voice', set: { status: 'ended', endedAt: NOW } }),
    ).rejects.toThrow(error);
    await expect(store.listQueued('voice', 'en', 10)).rejects.toThrow(error);
  });

  it('never mistakes throttling for a replay', async () => {
    const { store, mock } = faultyStore();
    const error = throttled();
    mock.on(PutCommand).rejects(error).on(UpdateCommand).rejects(error).on(QueryCommand).rejects(error);

    await expect(store.createContact(contact())).rejects.toThrow(error);
    await expect(store.firstTime('SM1', 60)).rejects.toThrow(error);
    await expect(store.linkTexter('texter', 'c-1', undefined)).rejects.toThrow(error);
    await expect(store.recordMessage('c-1', 'SM1', ['connected'], NOW)).rejects.toThrow(error);
    await expect(store.saveSettings({ ringGroupSize: 2 })).rejects.toThrow(error);
    await expect(store.countQueuedAhead('voice', 'en', NOW)).rejects.toThrow(error);
  });
});
