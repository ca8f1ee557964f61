// The dispatcher over the memory store: who is rung for a waiting caller, the bridge, releases, and text offers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatchWaiting, handleLineEvent } from '../../../flows/dispatch/dispatcher.js';
import type { Contact } from '../../../flows/model.js';
import { volunteerTexts } from '../../../flows/prompts/volunteer-texts.js';
import { callerBridge } from '../../../flows/voice/caller-call.js';
import { whisperOffer } from '../../../flows/voice/volunteer-call.js';
import { type FlowLine, phoneOf, readableVault, startFlowLine } from '../../support/flow-line.js';

let line: FlowLine;
beforeEach(async () => {
  line = await startFlowLine({ ringGroupSize: 2 });
});

let contacts = 0;
/** A caller (or texter) waiting in the queue since `waitedMs` ago. */
async function waiting(overrides: Partial<Contact> = {}, waitedMs = 30_000): Promise<Contact> {
  const now = line.clock.now();
  const contact: Contact = {
    contactId: `v-wait-${++contacts}`,
    channel: 'voice',
    language: 'en',
    status: 'queued',
    callerKey: `key-${contacts}`,
    callerSealed: readableVault.seal(`+1555300${String(contacts).padStart(4, '0')}`),
    callSid: `CA-wait-${contacts}`,
    startedAt: now - waitedMs - 5_000,
    queuedAt: now - waitedMs,
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: now + 6 * 3_600_000,
    ...overrides,
  };
  await line.store.createContact(contact);
  return contact;
}

const rungTo = () => line.telephony.of('placeCall').map((call) => call.request.to);

describe('ringing a waiting caller', () => {
  it('rings a ring group of the longest-idle free volunteers and records each offer', async () => {
    const now = line.clock.now();
    await line.addVolunteer('recent', { idleSince: now - 10_000 });
    await line.addVolunteer('longest', { idleSince: now - 900_000 });
    await line.addVolunteer('middle', { idleSince: now - 300_000 });
    const caller = await waiting();

    await handleLineEvent(line.dispatch, {
      type: 'ContactQueued',
      contactId: caller.contactId,
      channel: 'voice',
      language: 'en',
    });

    expect(rungTo()).toEqual([phoneOf('longest'), phoneOf('middle')]);
    expect(line.telephony.of('placeCall')[0]?.request).toMatchObject({
      from: line.defaults.lineNumber,
      script: whisperOffer(caller, 'longest', line.defaults.whisperSeconds, now),
      statusCallback: `offerStatus?c=${caller.contactId}&v=longest`,
      timeoutSeconds: line.defaults.offerRingSeconds,
    });
    expect(await line.store.getContact(caller.contactId)).toMatchObject({
      offersOutstanding: 2,
      offerRound: 1,
    });
    expect(
      (await line.store.listOffers(caller.contactId)).map((o) => [o.volunteerId, o.status, o.callSid]),
    ).toEqual([
      ['longest', 'ringing', 'CA-out-1'],
      ['middle', 'ringing', 'CA-out-2'],
    ]);
    expect(await line.store.getVolunteer('longest')).toMatchObject({
      state: 'offered',
      contactId: caller.contactId,
    });
    expect((await line.store.getVolunteer('recent'))?.state).toBe('available');
    expect(line.events.events).toEqual([
      {
        type: 'ContactOffered',
        contactId: caller.contactId,
        channel: 'voice',
        volunteerIds: ['longest', 'middle'],
      },
    ]);
  });

  it('stores a ring group’s offers in one write', async () => {
    await line.addVolunteer('ana');
    await line.addVolunteer('ben');
    const writes = vi.spyOn(line.store, 'putOffers');
    const caller = await waiting();

    await dispatchWaiting(line.dispatch);

    expect(writes).toHaveBeenCalledTimes(1);
    expect(writes.mock.calls[0]?.[0].map((offer) => offer.volunteerId).sort()).toEqual(['ana', 'ben']);
    expect((await line.store.listOffers(caller.contactId)).map((o) => o.callSid).sort()).toEqual([
      'CA-out-1',
      'CA-out-2',
    ]);
  });

  it('hangs up the phones it rang and frees their volunteers when the offers cannot be stored', async () => {
    await line.addVolunteer('ana');
    await line.addVolunteer('ben');
    vi.spyOn(line.store, 'putOffers').mockRejectedValueOnce(new Error('ProvisionedThroughputExceeded'));
    const caller = await waiting();

    await dispatchWaiting(line.dispatch);

    expect(
      line.telephony
        .of('cancelCall')
        .map((call) => call.callSid)
        .sort(),
    ).toEqual(['CA-out-1', 'CA-out-2']);
    expect((await line.store.getVolunteer('ana'))?.state).toBe('available');
    expect((await line.store.getVolunteer('ben'))?.state).toBe('available');
    // The round is over with nobody rung: the next pass (the tick) offers the caller again.
    expect((await line.store.getContact(caller.contactId))?.offersOutstanding).toBe(0);
    expect(line.events.events).toEqual([]);
  });

  it('rings only volunteers who speak the caller’s language', async () => {
    await line.addVolunteer('english', { idleSince: 0 });
    await line.addVolunteer('bilingual', { languages: ['en', 'es'] });
    const caller = await waiting({ language: 'es' });

    await dispatchWaiting(line.dispatch);

    expect(rungTo()).toEqual([phoneOf('bilingual')]);
    expect((await line.store.getContact(caller.contactId))?.offersOutstanding).toBe(1);
  });

  it('offers a caller flagged with words of concern before one who has waited longer', async () => {
    await line.store.saveSettings({ ringGroupSize: 1 });
    await line.addVolunteer('ana');
    const longer = await waiting({}, 600_000);
    const flagged = await waiting({ concern: { kind: 'burden', at: line.clock.now() } }, 10_000);

    await dispatchWaiting(line.dispatch);

    expect((await line.store.getContact(flagged.contactId))?.offersOutstanding).toBe(1);
    expect((await line.store.getContact(longer.contactId))?.offersOutstanding).toBe(0);
  });

  it('skips volunteers who are busy, paused, off shift or still wrapping up', async () => {
    const now = line.clock.now();
    await line.addVolunteer('busy', { state: 'busy', contactId: 'v-other' });
    await line.addVolunteer('paused', { state: 'paused' });
    await line.addVolunteer('off', { onShift: false });
    await line.addVolunteer('wrapping', { state: 'wrapup', wrapUntil: now + 30_000 });
    await line.addVolunteer('wrapped', { state: 'wrapup', wrapUntil: now - 1 });
    await waiting();

    await dispatchWaiting(line.dispatch);

    expect(rungTo()).toEqual([phoneOf('wrapped')]);
  });

  it('starts no second round while the first still rings', async () => {
    await line.addVolunteer('ana');
    await line.addVolunteer('ben');
    await line.addVolunteer('cy');
    const caller = await waiting();

    await dispatchWaiting(line.dispatch);
    await dispatchWaiting(line.dispatch);

    expect(rungTo()).toHaveLength(2);
    expect((await line.store.getContact(caller.contactId))?.offerRound).toBe(1);
  });

  it('rings nobody when nobody is free, and leaves the caller waiting', async () => {
    const caller = await waiting();

    expect(await dispatchWaiting(line.dispatch)).toBe(0);

    expect(line.telephony.calls).toEqual([]);
    expect((await line.store.getContact(caller.contactId))?.offersOutstanding).toBe(0);
  });

  it('frees a volunteer whose call could not be placed and shrinks the round', async () => {
    await line.addVolunteer('ana', { idleSince: 0 });
    await line.addVolunteer('ben');
    line.telephony.unreachable.add(phoneOf('ana'));
    const caller = await waiting();

    await dispatchWaiting(line.dispatch);

    expect(await line.store.getVolunteer('ana')).toMatchObject({ state: 'available' });
    expect(await line.store.getVolunteer('ana')).not.toHaveProperty('contactId');
    expect((await line.store.getContact(caller.contactId))?.offersOutstanding).toBe(1);
    expect(line.events.events).toEqual([
      { type: 'ContactOffered', contactId: caller.contactId, channel: 'voice', volunteerIds: ['ben'] },
    ]);
  });
});

describe('the bridge and releasing the other legs', () => {
  async function rungThree() {
    await line.store.saveSettings({ ringGroupSize: 3 });
    for (const id of ['ana', 'ben', 'cy']) await line.addVolunteer(id);
    const caller = await waiting();
    await dispatchWaiting(line.dispatch);
    line.events.take();
    return caller;
  }
  /** Ana's key press won the caller: the contact names her (her offer still reads ringing). */
  const anaTakes = (caller: Contact) =>
    line.store.updateContact(caller.contactId, {
      channel: 'voice',
      expectStatus: ['queued'],
      set: { status: 'connected', volunteerId: 'ana', answeredAt: line.clock.now() },
    });
  const connected = (caller: Contact) =>
    handleLineEvent(line.dispatch, {
      type: 'ContactConnected',
      contactId: caller.contactId,
      channel: 'voice',
      volunteerId: 'ana',
    });
  const legOf = async (contactId: string, volunteerId: string) =>
    (await line.store.listOffers(contactId)).find((o) => o.volunteerId === volunteerId)?.callSid ?? '';

  it('bridges the caller with inline TwiML and releases every other leg: cancels ringing ones, tells answered ones', async () => {
    const caller = await rungThree();
    const benLeg = await legOf(caller.contactId, 'ben');
    // Ben picked up meanwhile: Twilio leaves an answered leg up when asked to cancel it.
    line.telephony.answered.add(benLeg);
    const cyLeg = await legOf(caller.contactId, 'cy');
    await anaTakes(caller);
    line.telephony.calls.length = 0;

    await connected(caller);

    const [bridge, ...releases] = line.telephony.calls;
    expect(bridge).toEqual({ kind: 'redirectCall', callSid: caller.callSid, script: callerBridge(caller) });
    expect(releases).toEqual(
      expect.arrayContaining([
        { kind: 'cancelCall', callSid: benLeg },
        { kind: 'redirectCall', callSid: benLeg, script: `offerTaken?c=${caller.contactId}&v=ben&r=taken` },
        { kind: 'cancelCall', callSid: cyLeg },
      ]),
    );
    expect(releases).toHaveLength(3);
    expect(await line.store.getContact(caller.contactId)).toMatchObject({ status: 'connected' });
    expect((await line.store.listOffers(caller.contactId)).map((o) => o.status)).toEqual([
      'ringing',
      'released',
      'released',
    ]);
  });

  it('rings the next caller on the volunteers a bridge freed, without reading the roster again', async () => {
    const caller = await rungThree();
    const next = await waiting({}, 10_000);
    await anaTakes(caller);
    const rosterReads = vi.spyOn(line.store, 'listOnShift');
    line.telephony.calls.length = 0;

    await connected(caller);

    expect((await line.store.listOffers(next.contactId)).map((o) => o.volunteerId)).toEqual(['ben', 'cy']);
    expect(rosterReads).not.toHaveBeenCalled();
  });

  it('frees the others on a bridge with nobody waiting, reading neither the roster nor the settings', async () => {
    const caller = await rungThree();
    await anaTakes(caller);
    const rosterReads = vi.spyOn(line.store, 'listOnShift');
    const lineReads = vi.spyOn(line.store, 'getLine');

    await connected(caller);

    expect(await line.store.getVolunteer('ben')).toMatchObject({ state: 'available' });
    expect(rosterReads).not.toHaveBeenCalled();
    expect(lineReads).not.toHaveBeenCalled();
  });

  it('releases the ringing legs with "the caller left" when the caller hangs up', async () => {
    const caller = await rungThree();
    line.telephony.calls.length = 0;

    await handleLineEvent(line.dispatch, {
      type: 'ContactAbandoned',
      contactId: caller.contactId,
      channel: 'voice',
    });
    await handleLineEvent(line.dispatch, {
      type: 'ContactAbandoned',
      contactId: caller.contactId,
      channel: 'voice',
    });

    expect(line.telephony.of('cancelCall')).toHaveLength(3);
    expect(line.telephony.of('redirectCall')).toEqual([]);
  });

  it('sends the volunteer to wrap-up when the caller hangs up, even if their offer reads ringing', async () => {
    const caller = await rungThree();
    // Ana pressed 1 before the ring group's write landed: the contact names her, her offer still reads ringing.
    await anaTakes(caller);
    const anaLeg = await legOf(caller.contactId, 'ana');
    line.telephony.calls.length = 0;

    await handleLineEvent(line.dispatch, {
      type: 'ContactEnded',
      contactId: caller.contactId,
      channel: 'voice',
      outcome: 'answered',
    });

    const toAna = line.telephony.calls.filter((call) => 'callSid' in call && call.callSid === anaLeg);
    expect(toAna).toEqual([
      {
        kind: 'redirectCall',
        callSid: anaLeg,
        script: `volunteerInput?c=${caller.contactId}&v=ana`,
      },
    ]);
    expect(line.telephony.of('cancelCall')).toHaveLength(2);
  });

  it('says goodbye to the caller when the volunteer left the call', async () => {
    const caller = await waiting({ status: 'connected', volunteerId: 'ana' });

    await handleLineEvent(line.dispatch, {
      type: 'VolunteerLeft',
      contactId: caller.contactId,
      channel: 'voice',
      volunteerId: 'ana',
    });

    expect(line.telephony.calls).toEqual([
      {
        kind: 'redirectCall',
        callSid: caller.callSid,
        script: `voiceBridgeEnded?c=${caller.contactId}&l=en`,
      },
    ]);
  });

  it('leaves the caller with the crisis line when the volunteer left during a warm transfer', async () => {
    const now = line.clock.now();
    const caller = await waiting({
      status: 'connected',
      volunteerId: 'ana',
      escalation: { trigger: 'volunteer', kind: 'warm-transfer', at: now },
    });

    await handleLineEvent(line.dispatch, {
      type: 'VolunteerLeft',
      contactId: caller.contactId,
      channel: 'voice',
      volunteerId: 'ana',
    });

    expect(line.telephony.calls).toEqual([]);
  });

  it('rings the crisis line into the caller’s room once when the volunteer starts a warm transfer', async () => {
    const caller = await waiting({
      status: 'connected',
      volunteerId: 'ana',
      escalation: { trigger: 'volunteer', kind: 'warm-transfer', at: line.clock.now() },
    });
    const escalated = {
      type: 'ContactEscalated',
      contactId: caller.contactId,
      channel: 'voice',
      trigger: 'volunteer',
      kind: 'warm-transfer',
    } as const;

    await handleLineEvent(line.dispatch, escalated);
    await handleLineEvent(line.dispatch, escalated);

    expect(line.telephony.of('addConferenceParticipant').map((c) => [c.request.room, c.request.to])).toEqual([
      [`warmline-${caller.contactId}`, line.defaults.crisisNumber],
    ]);
  });

  it('reassures the caller while the volunteer is in the star menu', async () => {
    const caller = await waiting({ status: 'connected', volunteerId: 'ana' });

    await handleLineEvent(line.dispatch, {
      type: 'VolunteerSteppedOut',
      contactId: caller.contactId,
      channel: 'voice',
      volunteerId: 'ana',
    });

    expect(line.telephony.of('announceToConference').map((c) => c.request.room)).toEqual([
      `warmline-${caller.contactId}`,
    ]);
  });
});

describe('text offers', () => {
  it('texts an offer to free volunteers with room, one offer at a time each', async () => {
    await line.addVolunteer('ana', { idleSince: 0 });
    await line.addVolunteer('holding', { textOffer: 's-other' });
    await line.addVolunteer('full', { textSessions: { A: 's-1', B: 's-2' } });
    const texter = await waiting({ channel: 'sms', contactId: 's-texter' });

    await dispatchWaiting(line.dispatch);

    expect(line.telephony.texts()).toEqual([
      `${phoneOf('ana')}: ${volunteerTexts.textOffer('English', undefined, undefined)}`,
    ]);
    expect((await line.store.getVolunteer('ana'))?.textOffer).toBe(texter.contactId);
    expect((await line.store.listOffers(texter.contactId)).map((o) => [o.volunteerId, o.channel])).toEqual([
      ['ana', 'sms'],
    ]);
    expect((await line.store.getContact(texter.contactId))?.offersOutstanding).toBe(1);
  });

  it('never offers a passed conversation back to the volunteer who passed it', async () => {
    await line.addVolunteer('passer', { idleSince: 0 });
    await waiting({ channel: 'sms', contactId: 's-passed', passedBy: 'passer' });

    await dispatchWaiting(line.dispatch);

    expect(line.telephony.texts()).toEqual([]);
  });

  it('tells a volunteer holding a text offer that it was taken, once', async () => {
    await line.addVolunteer('ana');
    await line.addVolunteer('ben');
    const texter = await waiting({ channel: 'sms', contactId: 's-race' });
    await dispatchWaiting(line.dispatch);
    line.telephony.calls.length = 0;
    await line.store.updateContact(texter.contactId, {
      channel: 'sms',
      set: { status: 'connected', volunteerId: 'ana', answeredAt: line.clock.now() },
    });
    await line.store.updateVolunteer('ana', { remove: ['textOffer'] });

    const connected = {
      type: 'ContactConnected',
      contactId: texter.contactId,
      channel: 'sms',
      volunteerId: 'ana',
    } as const;
    await handleLineEvent(line.dispatch, connected);
    await handleLineEvent(line.dispatch, connected);

    expect(line.telephony.texts()).toEqual([`${phoneOf('ben')}: ${volunteerTexts.offerTaken}`]);
    expect(await line.store.getVolunteer('ben')).not.toHaveProperty('textOffer');
  });

  it('texts a text-back caller first once a peer accepts, and only once', async () => {
    const request = await waiting({
      channel: 'sms',
      contactId: 't-request',
      status: 'connected',
      textBack: true,
      volunteerId: 'ana',
      callerSealed: readableVault.seal('+15553000999'),
    });

    const connected = {
      type: 'ContactConnected',
      contactId: request.contactId,
      channel: 'sms',
      volunteerId: 'ana',
    } as const;
    await handleLineEvent(line.dispatch, connected);
    await handleLineEvent(line.dispatch, connected);

    expect(line.telephony.texts().filter((text) => text.startsWith('+15553000999'))).toHaveLength(1);
  });

  it('ends a text-back request as unreachable when Twilio will not text the number, telling the volunteer', async () => {
    line.telephony.untextable.add('+15553000998');
    const request = await waiting({
      channel: 'sms',
      contactId: 't-landline',
      status: 'connected',
      textBack: true,
      volunteerId: 'ana',
      tag: 'A',
      callerSealed: readableVault.seal('+15553000998'),
      volunteerPhoneSealed: readableVault.seal(phoneOf('ana')),
    });

    await handleLineEvent(line.dispatch, {
      type: 'ContactConnected',
      contactId: request.contactId,
      channel: 'sms',
      volunteerId: 'ana',
    });

    expect(await line.store.getContact(request.contactId)).toMatchObject({
      status: 'ended',
      outcome: 'unreachable',
    });
    expect(line.telephony.texts()).toEqual([`${phoneOf('ana')}: ${volunteerTexts.textBackUnreachable('A')}`]);
  });

  it('waits with text offers while the line is closed', async () => {
    await line.store.saveSettings({
      hours: { alwaysOpen: false, windows: [{ day: 'mon', start: '09:00', end: '10:00' }], holidays: [] },
      timeZone: 'UTC',
    });
    await line.addVolunteer('ana');
    await waiting({ channel: 'sms', contactId: 's-closed' });

    await dispatchWaiting(line.dispatch);

    expect(line.telephony.texts()).toEqual([]);
  });
});
