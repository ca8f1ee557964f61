// The store port's contract: what every store (DynamoDB, memory) promises flows, failure sides included.
//
// Registered by one small test file per store. Each test opens a fresh, empty line; the store's clock starts
// at NOW and a test may move it, since expiry is checked on every read (TTL deletes late, or never).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact, Offer, Volunteer } from '../../../flows/model.js';
import { type Clock, QUEUE_AHEAD_CAP, type Store } from '../../../flows/ports.js';
import { testLineDefaults } from '../../support/line-defaults.js';
import { contactAt, volunteerAt } from '../../support/store-fixtures.js';

/** A store under contract, with the one seeding write both stores offer the coordinators' side. */
export type ContractStore = Store & { putVolunteer(volunteer: Volunteer): Promise<void> };

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);

const contact = (overrides: Partial<Contact> = {}) => contactAt(NOW, overrides);
const volunteer = (overrides: Partial<Volunteer> = {}) => volunteerAt(NOW, overrides);

function ringing(contactId: string, volunteerId: string, offeredAt = NOW): Offer {
  return { contactId, volunteerId, channel: 'voice', status: 'ringing', offeredAt };
}

/** Registers the contract's tests; `open` gives a fresh store on an empty line, judging time by `clock`. */
export function storeContract(open: (clock: Clock) => Promise<ContractStore>): void {
  let clockAt = NOW;
  const clock: Clock = { now: () => clockAt };
  let store: ContractStore;

  beforeEach(async () => {
    clockAt = NOW;
    store = await open(clock);
  });

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
  const idsOf = (contacts: readonly { contactId: string }[]) => contacts.map((c) => c.contactId);

  describe('contacts', () => {
    it('creates a contact once and answers exists on a replay', async () => {
      const first = contact();

      expect(await store.createContact(first)).toBe('created');
      expect(await store.createContact({ ...first, status: 'queued' })).toBe('exists');
      expect(await store.getContact(first.contactId)).toEqual(first);
      expect(await store.getContact('c-missing')).toBeUndefined();
    });

    it('keeps no Twilio SIDs or pass note in a contact created already ended', async () => {
      const ended = contact({
        status: 'ended',
        endedAt: NOW,
        relayedSids: ['SM1'],
        passSummarySealed: 'v1.note',
      });

      await store.createContact(ended);
      const stored = await store.getContact(ended.contactId);

      expect(stored).toMatchObject({ status: 'ended', callerKey: ended.callerKey });
      for (const field of ['callSid', 'relayedSids', 'passSummarySealed'])
        expect(stored).not.toHaveProperty(field);
    });

    it('changes nothing and returns undefined when the status is not the expected one', async () => {
      const greeting = contact();
      await store.createContact(greeting);

      const result = await store.updateContact(greeting.contactId, {
        channel: 'voice',
        expectStatus: ['queued'],
        set: { status: 'connected', volunteerId: 'v-x', answeredAt: NOW },
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

    it('applies set, add and remove together, counting from zero, and returns the new contact', async () => {
      const live = contact({ status: 'queued', queuedAt: NOW });
      await store.createContact(live);

      const ended = await store.updateContact(live.contactId, {
        channel: 'voice',
        expectStatus: ['queued', 'connected'],
        expectOffersOutstanding: 0,
        set: { status: 'ended', outcome: 'abandoned', endedAt: NOW + 5_000 },
        add: { offerRound: 1, messageCount: 2 },
        remove: ['callerSealed'],
      });

      expect(ended).toMatchObject({ status: 'ended', outcome: 'abandoned', offerRound: 1, messageCount: 2 });
      expect(ended).not.toHaveProperty('callerSealed');
      expect(await store.getContact(live.contactId)).toEqual(ended);
    });

    it('drops the Twilio SIDs of a contact when it ends', async () => {
      const texter = contact({
        channel: 'sms',
        status: 'connected',
        relayedSids: ['SM1'],
        passSummarySealed: 'n',
      });
      await store.createContact(texter);

      const ended = await store.updateContact(texter.contactId, {
        channel: 'sms',
        set: { status: 'ended', outcome: 'completed', endedAt: NOW + 1 },
      });

      for (const field of ['callSid', 'relayedSids', 'passSummarySealed'])
        expect(ended).not.toHaveProperty(field);
      expect(ended?.callerSealed).toBe(texter.callerSealed);
    });

    it('refuses a claim by the wrong volunteer or with more offers ringing than allowed', async () => {
      const connecting = contact({ status: 'connected', volunteerId: 'v-winner', offersOutstanding: 2 });
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
      const claimed = await store.updateContact(connecting.contactId, {
        channel: 'voice',
        expectVolunteerId: 'v-winner',
        expectOffersOutstanding: 2,
        set: { status: 'connected' },
        add: { offersOutstanding: -2 },
      });

      expect(wrongVolunteer).toBeUndefined();
      expect(stillRinging).toBeUndefined();
      expect(claimed).toMatchObject({ status: 'connected', offersOutstanding: 0 });
    });

    it('refuses to queue a contact without its language and queue time, changing nothing', async () => {
      const greeting = contact();
      await store.createContact(greeting);

      await expect(
        store.updateContact(greeting.contactId, {
          channel: 'voice',
          set: { status: 'queued', queuedAt: NOW },
        }),
      ).rejects.toThrow(/language and queuedAt/);
      await expect(
        store.updateContact(greeting.contactId, { channel: 'voice', set: { status: 'ended' } }),
      ).rejects.toThrow(/endedAt/);
      expect(await store.getContact(greeting.contactId)).toEqual(greeting);
    });
  });

  describe('queues and indexes', () => {
    it('stops counting at the cap, so a hold turn reads the same few items however long the queue', async () => {
      for (let i = 0; i < QUEUE_AHEAD_CAP + 5; i++) await queue('en', NOW + i, 'sms');

      expect(await store.countQueuedAhead('sms', 'en', NOW + QUEUE_AHEAD_CAP + 5)).toBe(QUEUE_AHEAD_CAP);
      expect(await store.countQueuedAhead('sms', 'en', NOW + 3)).toBe(3);
    });

    it("finds a waiting contact's place and the contact itself in one read, up to the cap ahead", async () => {
      for (let i = 0; i < QUEUE_AHEAD_CAP + 3; i++) await queue('en', NOW + i);
      const near = await queue('en', NOW + 1_000);
      const place = { queuedAt: NOW + 1_000, concern: false };

      const placed = await store.placeInQueue('voice', 'en', near.contactId, place);
      expect(placed?.contact).toMatchObject({ contactId: near.contactId, status: 'queued' });
      expect(placed?.ahead).toBe(QUEUE_AHEAD_CAP);
      const first = await queue('es', NOW + 5);
      expect(
        await store.placeInQueue('voice', 'es', first.contactId, { queuedAt: NOW + 5, concern: false }),
      ).toMatchObject({ ahead: 0 });

      // Taken from the queue: not there any more, so the hold turn reads the contact instead.
      await store.updateContact(near.contactId, {
        channel: 'voice',
        expectStatus: ['queued'],
        set: { status: 'connected', volunteerId: 'v-x', answeredAt: NOW + 2_000 },
      });
      expect(await store.placeInQueue('voice', 'en', near.contactId, place)).toBeUndefined();
      // Asked at another place or in another queue: not found either.
      expect(
        await store.placeInQueue('voice', 'es', first.contactId, { queuedAt: NOW + 5, concern: true }),
      ).toBeUndefined();
      expect(
        await store.placeInQueue('sms', 'es', first.contactId, { queuedAt: NOW + 5, concern: false }),
      ).toBeUndefined();
    });

    it('counts only the callers of the same channel and language who queued earlier', async () => {
      await queue('es', NOW + 1_000);
      await queue('es', NOW + 2_000);
      await queue('es', NOW + 3_000);
      await queue('en', NOW + 500);
      await queue('es', NOW + 100, 'sms');

      expect(await store.countQueuedAhead('voice', 'es', NOW + 3_000)).toBe(2);
      expect(await store.countQueuedAhead('voice', 'es', NOW + 1_000)).toBe(0);
      expect(await store.countQueuedAhead('voice', 'en', NOW + 9_000)).toBe(1);
    });

    it('puts every concern-flagged contact ahead of every unflagged one, then orders by time', async () => {
      const early = await queue('en', NOW + 100);
      const flagged = contact({
        status: 'queued',
        queuedAt: NOW + 300,
        concern: { kind: 'hopelessness', at: NOW + 300 },
      });
      await store.createContact(flagged);
      const flaggedLater = contact({
        status: 'queued',
        queuedAt: NOW + 400,
        concern: { kind: 'hopelessness', at: NOW + 400 },
      });
      await store.createContact(flaggedLater);

      expect(idsOf(await store.listQueued('voice', 'en', 10))).toEqual([
        flagged.contactId,
        flaggedLater.contactId,
        early.contactId,
      ]);
      expect(await store.countQueuedAhead('voice', 'en', NOW + 50)).toBe(2);
      expect(await store.countQueuedAhead('voice', 'en', NOW + 400, true)).toBe(1);
      expect(await store.countQueuedAhead('voice', 'en', NOW + 300, true)).toBe(0);
    });

    it('lists the queue oldest first, up to the limit', async () => {
      const late = await queue('en', NOW + 300);
      const early = await queue('en', NOW + 100);
      const middle = await queue('en', NOW + 200);

      expect(idsOf(await store.listQueued('voice', 'en', 2))).toEqual([early.contactId, middle.contactId]);
      expect(idsOf(await store.listQueued('voice', 'en', 50))).toEqual([
        early.contactId,
        middle.contactId,
        late.contactId,
      ]);
      expect(await store.listQueued('voice', 'es', 50)).toEqual([]);
    });

    it('takes a text conversation out of its queue when a volunteer accepts it', async () => {
      const accepted = await queue('en', NOW + 1, 'sms');
      const later = await queue('en', NOW + 2, 'sms');

      await store.updateContact(accepted.contactId, {
        channel: 'sms',
        expectStatus: ['queued'],
        set: { status: 'connected', volunteerId: 'v-1', answeredAt: NOW + 10 },
      });

      expect(await store.countQueuedAhead('sms', 'en', NOW + 2)).toBe(0);
      expect(idsOf(await store.listQueued('sms', 'en', 50))).toEqual([later.contactId]);
      expect(idsOf(await store.listLive())).toEqual([accepted.contactId]);
    });

    it('puts a text created as queued straight into its queue, keyed by its queue time', async () => {
      const earlier = contact({ channel: 'sms', language: 'es', status: 'queued', queuedAt: NOW + 1 });
      const later = contact({ channel: 'sms', language: 'es', status: 'queued', queuedAt: NOW + 2 });
      for (const c of [later, earlier]) await store.createContact(c);

      expect(idsOf(await store.listQueued('sms', 'es', 50))).toEqual([earlier.contactId, later.contactId]);
      expect(await store.countQueuedAhead('sms', 'es', NOW + 2)).toBe(1);
      expect(await store.listQueued('voice', 'es', 50)).toEqual([]);
      expect(await store.listLive()).toEqual([]);
    });

    it('lists live contacts greeting or connected, and not queued or ended ones', async () => {
      const greeting = contact();
      const connecting = contact();
      const connected = contact();
      const ended = contact();
      for (const c of [greeting, connecting, connected, ended]) await store.createContact(c);
      await queue('en', NOW);
      await store.updateContact(connecting.contactId, {
        channel: 'voice',
        set: { status: 'connected', volunteerId: 'v-1', answeredAt: NOW + 1 },
      });
      await store.updateContact(connected.contactId, {
        channel: 'voice',
        set: { status: 'connected', volunteerId: 'v-2', answeredAt: NOW + 2 },
      });
      await store.updateContact(ended.contactId, {
        channel: 'voice',
        set: { status: 'ended', endedAt: NOW + 3 },
      });

      expect(idsOf(await store.listLive()).sort()).toEqual(
        [greeting.contactId, connecting.contactId, connected.contactId].sort(),
      );
    });

    it("counts a caller's contacts since a given time", async () => {
      const callerKey = 'repeat-caller';
      for (const startedAt of [NOW - 40 * DAY, NOW - 10 * DAY, NOW - DAY, NOW]) {
        await store.createContact(contact({ callerKey, startedAt }));
      }
      await store.createContact(contact({ callerKey: 'someone-else', startedAt: NOW }));

      expect(await store.countRecentContacts(callerKey, NOW - 30 * DAY)).toBe(3);
      expect(await store.countRecentContacts(callerKey, NOW - 50 * DAY)).toBe(4);
      expect(await store.countRecentContacts(callerKey, NOW)).toBe(1);
      expect(await store.countRecentContacts('never-called', NOW - 30 * DAY)).toBe(0);
    });
  });

  describe('offers', () => {
    it("stores a ring group's offers in one call, each under its volunteer", async () => {
      const offered = contact();
      await store.createContact(offered);

      await store.putOffers(['v-c', 'v-a', 'v-b'].map((id) => ringing(offered.contactId, id)));

      expect((await store.listOffers(offered.contactId)).map((offer) => offer.volunteerId)).toEqual([
        'v-a',
        'v-b',
        'v-c',
      ]);
    });

    it('reads a contact and its offers together, and the offers alone when the contact is gone', async () => {
      const offered = contact();
      await store.createContact(offered);
      for (const id of ['v-b', 'v-a']) await store.putOffers([ringing(offered.contactId, id)]);

      const both = await store.getContactWithOffers(offered.contactId);
      expect(both.contact?.contactId).toBe(offered.contactId);
      expect(both.offers.map((offer) => offer.volunteerId)).toEqual(['v-a', 'v-b']);
      expect(both.offers).toEqual(await store.listOffers(offered.contactId));

      await store.putOffers([ringing('c-never-created', 'v-a')]);
      const orphan = await store.getContactWithOffers('c-never-created');
      expect(orphan.contact).toBeUndefined();
      expect(orphan.offers.map((offer) => offer.volunteerId)).toEqual(['v-a']);
      expect(await store.getContactWithOffers('c-nothing')).toEqual({ offers: [] });
    });

    it('puts, lists by volunteer and conditionally updates the offers of a contact', async () => {
      const offered = contact();
      await store.createContact(offered);
      for (const id of ['v-b', 'v-a']) await store.putOffers([ringing(offered.contactId, id)]);

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

      expect(accepted).toEqual({
        ...ringing(offered.contactId, 'v-a'),
        status: 'accepted',
        callSid: 'CA-a',
      });
      expect(acceptedTwice).toBeUndefined();
      expect(missing).toBeUndefined();
      expect(await store.listOffers(offered.contactId)).toEqual([
        accepted,
        ringing(offered.contactId, 'v-b'),
      ]);
      expect(await store.listOffers('c-none')).toEqual([]);
      expect(await store.getContact(offered.contactId)).toEqual(offered);
    });

    it('replaces an offer put again for the same volunteer, as a new round does', async () => {
      await store.putOffers([ringing('c-o', 'v-a')]);
      await store.updateOffer('c-o', 'v-a', { expectStatus: ['ringing'], set: { status: 'released' } });

      await store.putOffers([ringing('c-o', 'v-a', NOW + 60_000)]);

      expect(await store.listOffers('c-o')).toEqual([ringing('c-o', 'v-a', NOW + 60_000)]);
    });
  });

  describe('line state', () => {
    it('reads a new line as the defaults, with nobody on shift, paused or blocked', async () => {
      const line = await store.getLine();

      expect(line.settings).toEqual(testLineDefaults);
      expect([line.onShiftIds.size, line.pausedIds.size, line.blockedKeys.size]).toEqual([0, 0, 0]);
      expect(line.allPausedSince).toBeUndefined();
    });

    it('keeps the on-shift set, idempotent under replays', async () => {
      await store.setOnShift('v-shift-1', true);
      await store.setOnShift('v-shift-1', true);
      await store.setOnShift('v-shift-2', true);
      const both = await store.getLine();
      await store.setOnShift('v-shift-1', false);
      await store.setOnShift('v-shift-1', false);
      const one = await store.getLine();
      await store.setOnShift('v-shift-2', false);
      const none = await store.getLine();

      expect([...both.onShiftIds].sort()).toEqual(['v-shift-1', 'v-shift-2']);
      expect([...one.onShiftIds]).toEqual(['v-shift-2']);
      expect(none.onShiftIds.size).toBe(0);
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

      expect([...paused.pausedIds]).toEqual(['v-pause-1']);
      expect([first, again]).toEqual([true, false]);
      expect(marked.allPausedSince).toBe(NOW);
      expect(kept.allPausedSince).toBe(NOW);
      expect(cleared.allPausedSince).toBeUndefined();
      expect(cleared.pausedIds.size).toBe(0);
      expect(await store.markAllPaused(NOW + 2)).toBe(true);
    });
  });

  describe('volunteers', () => {
    it('lists the volunteers on shift longest idle first, and drops them when they go off', async () => {
      const recent = volunteer({ onShift: true, idleSince: NOW + 50 });
      const idleLongest = volunteer();
      const off = volunteer({ onShift: false });
      for (const v of [recent, idleLongest, off]) await store.putVolunteer(v);

      await store.updateVolunteer(idleLongest.volunteerId, { set: { onShift: true, idleSince: NOW + 10 } });
      const onShift = await store.listOnShift();
      await store.updateVolunteer(recent.volunteerId, { set: { onShift: false } });
      const afterOff = await store.listOnShift();

      expect(onShift.map((v) => v.volunteerId)).toEqual([idleLongest.volunteerId, recent.volunteerId]);
      expect(onShift[1]).toEqual(recent);
      expect(afterOff.map((v) => v.volunteerId)).toEqual([idleLongest.volunteerId]);
    });

    it('moves a volunteer who becomes free to the back of the idle order', async () => {
      const first = volunteer({ onShift: true, idleSince: NOW + 1 });
      const second = volunteer({ onShift: true, idleSince: NOW + 2 });
      for (const v of [first, second]) await store.putVolunteer(v);

      await store.updateVolunteer(first.volunteerId, { set: { state: 'available', idleSince: NOW + 100 } });

      expect((await store.listOnShift()).map((v) => v.volunteerId)).toEqual([
        second.volunteerId,
        first.volunteerId,
      ]);
    });

    it('updates a volunteer only from the expected state, contact and version, bumping the version', async () => {
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
      expect(await store.getVolunteer(v.volunteerId)).toEqual(missed);
    });

    it('neither finds nor creates a volunteer who does not exist', async () => {
      expect(await store.updateVolunteer('v-nobody', { set: { state: 'busy' } })).toBeUndefined();
      expect(await store.getVolunteer('v-nobody')).toBeUndefined();
    });

    it('gives a text offer only to a volunteer holding none, and takes back only the one held', async () => {
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
      const wrongOffer = await store.updateVolunteer(v.volunteerId, {
        expectTextOffer: 'c-t2',
        remove: ['textOffer'],
      });
      const cleared = await store.updateVolunteer(v.volunteerId, {
        expectTextOffer: 'c-t1',
        remove: ['textOffer'],
      });

      expect(first?.textOffer).toBe('c-t1');
      expect(second).toBeUndefined();
      expect(wrongOffer).toBeUndefined();
      expect(cleared).not.toHaveProperty('textOffer');
      expect(cleared?.version).toBe(2);
    });
  });

  describe('replays', () => {
    it('remembers a key the first time only', async () => {
      expect(await store.firstTime('CA1#answered', 3600)).toBe(true);
      expect(await store.firstTime('CA1#answered', 3600)).toBe(false);
      expect(await store.firstTime('CA1#completed', 3600)).toBe(true);
    });

    it('sees a key again once its time to live has passed', async () => {
      await store.firstTime('SM-ttl', 60);

      clockAt = NOW + 30_000;
      const within = await store.firstTime('SM-ttl', 60);
      clockAt = NOW + 61_000;
      const after = await store.firstTime('SM-ttl', 60);
      const again = await store.firstTime('SM-ttl', 60);

      expect([within, after, again]).toEqual([false, true, false]);
    });

    it('forgets a key whose work failed, so the retry does it', async () => {
      await store.firstTime('evt-1', 3600);

      await store.forget('evt-1');
      await store.forget('evt-never');

      expect(await store.firstTime('evt-1', 3600)).toBe(true);
      expect(await store.firstTime('evt-1', 3600)).toBe(false);
      expect(await store.firstTime('evt-never', 3600)).toBe(true);
    });
  });

  describe('texts', () => {
    it('counts each message once and keeps it sealed while nobody has accepted', async () => {
      const texter = contact({ channel: 'sms', status: 'queued', queuedAt: NOW });
      await store.createContact(texter);

      const first = await store.recordMessage(texter.contactId, 'SM1', ['queued'], NOW + 1, 'v1.sealed.one');
      const replay = await store.recordMessage(texter.contactId, 'SM1', ['queued'], NOW + 2, 'v1.sealed.one');
      const second = await store.recordMessage(texter.contactId, 'SM2', ['queued'], NOW + 3);
      const wrongStatus = await store.recordMessage(texter.contactId, 'SM3', ['connected'], NOW + 4);

      expect(first).toMatchObject({
        messageCount: 1,
        relayedSids: ['SM1'],
        pendingSealed: ['v1.sealed.one'],
      });
      expect(replay).toBe('duplicate');
      expect(second).toMatchObject({
        messageCount: 2,
        lastActivityAt: NOW + 3,
        pendingSealed: ['v1.sealed.one'],
      });
      expect(wrongStatus).toBeUndefined();
      expect(await store.getContact(texter.contactId)).toEqual(second);
    });

    it('appends each waiting message once to the sealed list, and a replay changes nothing', async () => {
      const texter = contact({ channel: 'sms', status: 'queued', queuedAt: NOW });
      await store.createContact(texter);

      await store.recordMessage(texter.contactId, 'SM-a', ['queued'], NOW + 1, 'v1.sealed.a');
      await store.recordMessage(texter.contactId, 'SM-b', ['queued'], NOW + 2, 'v1.sealed.b');
      const replay = await store.recordMessage(texter.contactId, 'SM-a', ['queued'], NOW + 9, 'v1.sealed.a');

      expect(replay).toBe('duplicate');
      expect(await store.getContact(texter.contactId)).toMatchObject({
        messageCount: 2,
        relayedSids: ['SM-a', 'SM-b'],
        pendingSealed: ['v1.sealed.a', 'v1.sealed.b'],
        lastActivityAt: NOW + 2,
      });
    });

    it('counts no message on a conversation that does not exist, and does not create it', async () => {
      expect(await store.recordMessage('c-nowhere', 'SM-x', ['queued', 'connected'], NOW)).toBeUndefined();
      expect(await store.getContact('c-nowhere')).toBeUndefined();
    });

    it('refuses a replay on a conversation that has ended, since its SIDs left with it', async () => {
      const texter = contact({ channel: 'sms', status: 'connected' });
      await store.createContact(texter);
      await store.recordMessage(texter.contactId, 'SM-e', ['connected'], NOW + 1);
      await store.updateContact(texter.contactId, {
        channel: 'sms',
        set: { status: 'ended', outcome: 'completed', endedAt: NOW + 2 },
      });

      expect(await store.recordMessage(texter.contactId, 'SM-e', ['connected'], NOW + 3)).toBeUndefined();
      expect((await store.getContact(texter.contactId))?.messageCount).toBe(1);
    });

    it('forgets the sealed number and the waiting messages when they are removed', async () => {
      const texter = contact({ channel: 'sms', status: 'queued', queuedAt: NOW });
      await store.createContact(texter);
      await store.recordMessage(texter.contactId, 'SM-r', ['queued'], NOW + 1, 'v1.sealed.r');

      const ended = await store.updateContact(texter.contactId, {
        channel: 'sms',
        expectStatus: ['queued'],
        set: { status: 'ended', outcome: 'abandoned', endedAt: NOW + 10 },
        remove: ['callerSealed', 'pendingSealed'],
      });

      expect(ended).toMatchObject({ status: 'ended', messageCount: 1 });
      expect(ended).not.toHaveProperty('callerSealed');
      expect(ended).not.toHaveProperty('pendingSealed');
    });

    it('links a texter to one conversation at a time', async () => {
      expect(await store.linkTexter('texter-1', 'c-a', undefined)).toBe(true);
      expect(await store.linkTexter('texter-1', 'c-b', undefined)).toBe(false);
      expect(await store.getPhone('texter-1')).toEqual({ phoneKey: 'texter-1', contactId: 'c-a' });
      expect(await store.linkTexter('texter-1', undefined, 'c-a')).toBe(true);
      expect(await store.getPhone('texter-1')).toEqual({ phoneKey: 'texter-1' });
      expect(await store.linkTexter('texter-1', undefined, 'c-a')).toBe(false);
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
      await store.linkVolunteerPhone('volunteer-new', 'v-8');

      expect(await store.getPhone('volunteer-phone')).toEqual({
        phoneKey: 'volunteer-phone',
        volunteerId: 'v-7',
        optedOut: true,
      });
      expect(await store.getPhone('volunteer-new')).toEqual({
        phoneKey: 'volunteer-new',
        volunteerId: 'v-8',
      });
    });

    it('keeps an escalation reference until its liveUntil', async () => {
      const ref = {
        reference: 'R7K2',
        contactId: 'c-esc',
        callerSealed: 'v1.iv.body.tag',
        liveUntil: NOW + HOUR,
      };

      await store.saveEscalationRef(ref);

      expect(await store.getEscalationRef('R7K2')).toEqual(ref);
      expect(await store.getEscalationRef('R0000')).toBeUndefined();
    });
  });

  describe('expiry, checked on every read because TTL deletes late', () => {
    const LIVE_FIELDS = ['callerSealed', 'callSid', 'volunteerPhoneSealed', 'relayedSids', 'pendingSealed'];

    it('reads a contact past liveUntil without its numbers, SIDs or message copies, wherever it is read', async () => {
      const queued = contact({
        channel: 'sms',
        status: 'queued',
        queuedAt: NOW,
        language: 'es',
        volunteerPhoneSealed: 'v1.vol',
        relayedSids: ['SM1'],
        pendingSealed: ['v1.msg'],
      });
      const greeting = contact();
      for (const c of [queued, greeting]) await store.createContact(c);
      const fresh = await store.getContact(queued.contactId);

      clockAt = NOW + 7 * HOUR;
      const read = await store.getContact(queued.contactId);
      const listed = (await store.listQueued('sms', 'es', 10))[0];
      const live = (await store.listLive())[0];
      const updated = await store.updateContact(queued.contactId, {
        channel: 'sms',
        set: { lastActivityAt: clockAt },
      });

      expect(fresh).toMatchObject({ callerSealed: queued.callerSealed, pendingSealed: ['v1.msg'] });
      for (const seen of [read, listed, live, updated]) {
        expect(seen?.contactId).toBeDefined();
        for (const field of LIVE_FIELDS) expect(seen).not.toHaveProperty(field);
      }
      expect(updated?.lastActivityAt).toBe(NOW + 7 * HOUR);
    });

    it('takes no message on expired live state, not even a replay', async () => {
      const live = contact({ channel: 'sms', status: 'connected' });
      await store.createContact(live);
      await store.recordMessage(live.contactId, 'SM-early', ['connected'], NOW);

      clockAt = NOW + 7 * HOUR;
      const late = await store.recordMessage(live.contactId, 'SM-late', ['connected'], clockAt, 'v1.late');
      const replay = await store.recordMessage(live.contactId, 'SM-early', ['connected'], clockAt);

      expect(late).toBeUndefined();
      expect(replay).toBeUndefined();
      expect((await store.getContact(live.contactId))?.messageCount).toBe(1);
    });

    it('treats an escalation reference or an offer past its expiry as gone', async () => {
      await store.saveEscalationRef({
        reference: 'X9Q1',
        contactId: 'c-x',
        callerSealed: 'v1.x',
        liveUntil: NOW + 60_000,
      });
      await store.putOffers([ringing('c-offer-x', 'vol-x')]);

      clockAt = NOW + 61_000;
      const reference = await store.getEscalationRef('X9Q1');
      const offersNextMinute = await store.listOffers('c-offer-x');
      clockAt = NOW + DAY + 1_000;
      const offersNextDay = await store.listOffers('c-offer-x');

      expect(reference).toBeUndefined();
      expect(offersNextMinute).toHaveLength(1);
      expect(offersNextDay).toEqual([]);
    });
  });

  describe('isolation of what is read', () => {
    it('hands out copies: changing a returned record changes nothing stored', async () => {
      const texter = contact({ channel: 'sms', status: 'connected', relayedSids: ['SM1'] });
      await store.createContact(texter);
      const v = volunteer({ textSessions: { A: 'c-a' } });
      await store.putVolunteer(v);

      const read = await store.getContact(texter.contactId);
      (read?.relayedSids as string[] | undefined)?.push('SM-forged');
      const readVolunteer = await store.getVolunteer(v.volunteerId);
      (readVolunteer?.textSessions as Record<string, string> | undefined)!.B = 'c-b';

      expect((await store.getContact(texter.contactId))?.relayedSids).toEqual(['SM1']);
      expect((await store.getVolunteer(v.volunteerId))?.textSessions).toEqual({ A: 'c-a' });
    });
  });
}
