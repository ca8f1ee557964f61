// The minute tick over the memory store: expired contacts, stuck volunteers and rounds, quiet texts, the paused set.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runTick } from '../../../flows/dispatch/tick.js';
import type { Contact } from '../../../flows/model.js';
import { promptsFor } from '../../../flows/prompts/prompts.js';
import { volunteerTexts } from '../../../flows/prompts/volunteer-texts.js';
import { type FlowLine, phoneOf, readableVault, startFlowLine } from '../../support/flow-line.js';

const MINUTE = 60_000;
const TEXTER = '+15554000001';

let line: FlowLine;
beforeEach(async () => {
  line = await startFlowLine();
});

let contacts = 0;
async function contact(overrides: Partial<Contact>): Promise<Contact> {
  const now = line.clock.now();
  const created: Contact = {
    contactId: `c-tick-${++contacts}`,
    channel: 'voice',
    language: 'en',
    status: 'queued',
    callerKey: `key-${contacts}`,
    callerSealed: readableVault.seal(TEXTER),
    startedAt: now,
    queuedAt: now,
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: now + 6 * 3_600_000,
    ...overrides,
  };
  await line.store.createContact(created);
  return created;
}

describe('the minute tick', () => {
  it('ends a contact whose live state has expired as abandoned, once', async () => {
    const stale = await contact({ status: 'greeting', liveUntil: line.clock.now() + MINUTE });
    line.clock.advance(2 * MINUTE);

    const first = await runTick(line.dispatch);
    const second = await runTick(line.dispatch);

    expect([first.expiredContacts, second.expiredContacts]).toEqual([1, 0]);
    expect(await line.store.getContact(stale.contactId)).toMatchObject({
      status: 'ended',
      outcome: 'abandoned',
    });
    expect(line.events.events).toContainEqual({
      type: 'ContactEnded',
      contactId: stale.contactId,
      channel: 'voice',
      outcome: 'abandoned',
    });
  });

  it('frees a volunteer left offered for a contact that has ended', async () => {
    const ended = await contact({ status: 'ended', outcome: 'abandoned', endedAt: line.clock.now() });
    await line.addVolunteer('ana', { state: 'offered', contactId: ended.contactId });

    const report = await runTick(line.dispatch);

    expect(report.freedVolunteers).toBe(1);
    expect(await line.store.getVolunteer('ana')).toMatchObject({
      state: 'available',
      idleSince: line.clock.now(),
    });
  });

  it('leaves a volunteer busy on a caller still queued alone: a key press between its two writes', async () => {
    const caller = await contact({ offersOutstanding: 1, offerRound: 1 });
    await line.addVolunteer('ana', { state: 'busy', contactId: caller.contactId });

    const report = await runTick(line.dispatch);

    expect(report.freedVolunteers).toBe(0);
    expect(await line.store.getVolunteer('ana')).toMatchObject({
      state: 'busy',
      contactId: caller.contactId,
    });
  });

  it('keeps a volunteer on a call the listings missed (claimed between the two reads) busy', async () => {
    const call = await contact({ status: 'connected', volunteerId: 'ana', answeredAt: line.clock.now() });
    await line.addVolunteer('ana', { state: 'busy', contactId: call.contactId });
    vi.spyOn(line.store, 'listLive').mockResolvedValue([]);
    vi.spyOn(line.store, 'listQueued').mockResolvedValue([]);

    const report = await runTick(line.dispatch);

    expect(report.freedVolunteers).toBe(0);
    expect(await line.store.getVolunteer('ana')).toMatchObject({ state: 'busy', contactId: call.contactId });
  });

  it('closes an offer round whose status callbacks were lost, and offers the caller again', async () => {
    const caller = await contact({ offersOutstanding: 1, offerRound: 1 });
    await line.store.putOffers([
      {
        contactId: caller.contactId,
        volunteerId: 'gone',
        channel: 'voice',
        status: 'ringing',
        offeredAt: line.clock.now(),
      },
    ]);
    await line.addVolunteer('ana');
    line.clock.advance(4 * MINUTE);

    const report = await runTick(line.dispatch);

    expect(report.reopenedRounds).toBe(1);
    expect(report.offered).toBe(1);
    expect(await line.store.getContact(caller.contactId)).toMatchObject({
      offersOutstanding: 1,
      offerRound: 2,
    });
  });

  it('leaves a round that is still ringing alone', async () => {
    const caller = await contact({ offersOutstanding: 1, offerRound: 1 });
    await line.store.putOffers([
      {
        contactId: caller.contactId,
        volunteerId: 'ana',
        channel: 'voice',
        status: 'ringing',
        offeredAt: line.clock.now(),
      },
    ]);
    line.clock.advance(MINUTE);

    expect((await runTick(line.dispatch)).reopenedRounds).toBe(0);
  });

  it('tells a texter whose wait ran out so, once, and ends the wait as unanswered', async () => {
    const texter = await contact({ channel: 'sms', overflowAt: line.clock.now() + MINUTE });
    line.clock.advance(2 * MINUTE);

    const first = await runTick(line.dispatch);
    const second = await runTick(line.dispatch);

    expect([first.unansweredTexts, second.unansweredTexts]).toEqual([1, 0]);
    expect(await line.store.getContact(texter.contactId)).toMatchObject({
      status: 'ended',
      outcome: 'unanswered',
    });
    expect(line.telephony.texts()).toHaveLength(1);
    expect(line.telephony.texts()[0]).toMatch(new RegExp(`^\\${TEXTER}: `));
  });

  it('closes a quiet text conversation kindly on both sides', async () => {
    await line.addVolunteer('ana', { textSessions: { A: 'c-quiet' }, latestTag: 'A' });
    await contact({
      contactId: 'c-quiet',
      channel: 'sms',
      status: 'connected',
      volunteerId: 'ana',
      tag: 'A',
      lastActivityAt: line.clock.now(),
      volunteerPhoneSealed: readableVault.seal(phoneOf('ana')),
    });
    line.clock.advance(line.defaults.textInactivityMinutes * MINUTE);

    const report = await runTick(line.dispatch);

    expect(report.closedTexts).toBe(1);
    expect(line.telephony.texts()).toEqual([
      `${TEXTER}: ${promptsFor('en').smsInactiveClosed}`,
      `${phoneOf('ana')}: ${volunteerTexts.texterInactive('A')}`,
    ]);
    expect((await line.store.getVolunteer('ana'))?.textSessions).toEqual({});
  });

  it("puts the line's paused set right from the volunteer's own state, and marks an all-paused line", async () => {
    await line.addVolunteer('ana', { state: 'paused' });

    const report = await runTick(line.dispatch);

    expect(report.pausedRepaired).toBe(1);
    const state = await line.store.getLine();
    expect(state.pausedIds.has('ana')).toBe(true);
    expect(state.allPausedSince).toBe(line.clock.now());
    expect(line.events.types()).toContain('LineAllPaused');
  });
});
