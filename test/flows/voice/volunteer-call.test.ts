// The volunteer's side of a call over the memory store: whisper, press 1 (one winner), keys, misses, star menu.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../../flows/model.js';
import { promptsFor } from '../../../flows/prompts/prompts.js';
import { concernWords } from '../../../flows/prompts/volunteer-texts.js';
import type { VoiceReply } from '../../../flows/replies.js';
import {
  handleOfferInput,
  handleOfferStatus,
  handleVolunteerInput,
  whisperOffer,
} from '../../../flows/voice/volunteer-call.js';
import { handleCrisisLegStatus } from '../../../flows/voice/warm-transfer.js';
import { type FlowLine, startFlowLine } from '../../support/flow-line.js';

const en = promptsFor('en');
const CONTACT = 'v-caller';

function spoken(reply: VoiceReply): string[] {
  return reply.steps.flatMap((step) => {
    if (step.kind === 'say') return [step.text];
    if (step.kind === 'gather') return step.prompts.flatMap((p) => (p.kind === 'say' ? [p.text] : []));
    return [];
  });
}

let line: FlowLine;
beforeEach(async () => {
  line = await startFlowLine();
});

/** A caller waiting 90 s, offered to `volunteerIds` (each volunteer offered and their offer ringing). */
async function offered(volunteerIds: string[], overrides: Partial<Contact> = {}) {
  const now = line.clock.now();
  await line.store.createContact({
    contactId: CONTACT,
    channel: 'voice',
    language: 'en',
    status: 'queued',
    callerKey: 'key-caller',
    callSid: 'CA-caller',
    startedAt: now - 100_000,
    queuedAt: now - 90_000,
    offersOutstanding: volunteerIds.length,
    offerRound: 1,
    liveUntil: now + 6 * 3_600_000,
    ...overrides,
  });
  for (const id of volunteerIds) {
    await line.addVolunteer(id, { state: 'offered', contactId: CONTACT });
    await line.store.putOffers([
      {
        contactId: CONTACT,
        volunteerId: id,
        channel: 'voice',
        callSid: `CA-${id}`,
        status: 'ringing',
        offeredAt: now,
      },
    ]);
  }
}

/** A key pressed on the volunteer's leg of this contact's offer. */
const press = (volunteerId: string, digits: string | undefined) => ({
  contactId: CONTACT,
  volunteerId,
  digits,
});

const offerOf = async (volunteerId: string) =>
  (await line.store.listOffers(CONTACT)).find((offer) => offer.volunteerId === volunteerId);

describe('the whisper', () => {
  it('tells the volunteer who is waiting, for how long and any concern, then asks for 1', async () => {
    await offered(['ana'], { concern: { kind: 'self-harm-talk', at: line.clock.now() } });
    const contact = await line.store.getContact(CONTACT);
    if (!contact) throw new Error('no contact');

    const reply = whisperOffer(contact, 'ana', 8, line.clock.now());

    expect(spoken(reply)[0]).toBe(en.whisper(en.languageName.en, 90, concernWords['self-harm-talk']));
    expect(reply.steps[0]).toMatchObject({
      kind: 'gather',
      numDigits: 1,
      timeoutSeconds: 8,
      action: { route: 'offerInput', query: { c: CONTACT, v: 'ana', w: '8', k: '0' } },
    });
    // Voicemail or silence: the gather times out into a goodbye, never an accept.
    expect(reply.steps.slice(1)).toEqual([
      { kind: 'say', text: en.whisperMissed, language: 'en' },
      { kind: 'hangup' },
    ]);
  });
});

describe('pressing 1', () => {
  it('gives the caller to the volunteer who pressed 1 and puts them in the room', async () => {
    await offered(['ana']);

    const reply = await handleOfferInput(line.voice, press('ana', '1'));

    expect(spoken(reply)).toEqual([en.volunteerConnected]);
    expect(reply.steps.at(-1)).toMatchObject({
      kind: 'dial-conference',
      hangupOnStar: true,
      endConferenceOnExit: false,
    });
    expect(await line.store.getContact(CONTACT)).toMatchObject({ status: 'connected', volunteerId: 'ana' });
    expect(await line.store.getVolunteer('ana')).toMatchObject({
      state: 'busy',
      contactId: CONTACT,
      missedOffers: 0,
    });
    expect(line.events.events).toEqual([
      { type: 'ContactConnected', contactId: CONTACT, channel: 'voice', volunteerId: 'ana' },
    ]);
  });

  it('lets exactly one of two volunteers pressing 1 at once win; the other hears it was taken', async () => {
    await offered(['ana', 'ben']);

    const [anaReply, benReply] = await Promise.all([
      handleOfferInput(line.voice, press('ana', '1')),
      handleOfferInput(line.voice, press('ben', '1')),
    ]);

    const contact = await line.store.getContact(CONTACT);
    const winner = contact?.volunteerId;
    const loserReply = winner === 'ana' ? benReply : anaReply;
    expect(['ana', 'ben']).toContain(winner);
    expect(spoken(loserReply)).toEqual([en.offerTaken]);
    // The loser is still on offer, for the release to tell them why and free them when they hang up.
    const loser = winner === 'ana' ? 'ben' : 'ana';
    expect(await line.store.getVolunteer(winner ?? '')).toMatchObject({ state: 'busy', contactId: CONTACT });
    expect(await line.store.getVolunteer(loser)).toMatchObject({ state: 'offered', contactId: CONTACT });
    expect(line.events.types()).toEqual(['ContactConnected']);
  });

  it('puts a volunteer back on offer when the caller’s record cannot be written, so a second press can win', async () => {
    await offered(['ana']);
    const write = line.store.updateContact.bind(line.store);
    const failOnce = vi
      .spyOn(line.store, 'updateContact')
      .mockRejectedValueOnce(new Error('store unavailable'))
      .mockImplementation(write);

    await expect(handleOfferInput(line.voice, press('ana', '1'))).rejects.toThrow('store unavailable');
    expect(await line.store.getVolunteer('ana')).toMatchObject({ state: 'offered', contactId: CONTACT });
    expect(await line.store.getContact(CONTACT)).toMatchObject({ status: 'queued' });

    const again = await handleOfferInput(line.voice, press('ana', '1'));
    expect(spoken(again)).toEqual([en.volunteerConnected]);
    expect(await line.store.getContact(CONTACT)).toMatchObject({ status: 'connected', volunteerId: 'ana' });
    expect(failOnce).toHaveBeenCalledTimes(2);
  });

  it('gives the caller to a volunteer who pressed 1 before the ring group was stored, and keeps it theirs', async () => {
    await offered([]);
    await line.addVolunteer('ana', { state: 'offered', contactId: CONTACT });

    const reply = await handleOfferInput(line.voice, press('ana', '1'));
    // The ring group's write lands after the key press.
    await line.store.putOffers(
      ['ana', 'ben'].map((volunteerId) => ({
        contactId: CONTACT,
        volunteerId,
        channel: 'voice' as const,
        callSid: `CA-${volunteerId}`,
        status: 'ringing' as const,
        offeredAt: line.clock.now(),
      })),
    );

    expect(spoken(reply)).toEqual([en.volunteerConnected]);
    expect(await line.store.getContact(CONTACT)).toMatchObject({ status: 'connected', volunteerId: 'ana' });
    expect(line.events.types()).toEqual(['ContactConnected']);
  });

  it('puts the winner back in the room on a replay of their own key press, announcing nothing twice', async () => {
    await offered(['ana']);
    await handleOfferInput(line.voice, press('ana', '1'));

    const replay = await handleOfferInput(line.voice, press('ana', '1'));

    expect(replay.steps).toEqual([expect.objectContaining({ kind: 'dial-conference' })]);
    expect(line.events.types()).toEqual(['ContactConnected']);
  });

  it('does not let a key press after the leg ended win the caller', async () => {
    await offered(['ana']);
    await handleOfferStatus(line.voice, CONTACT, 'ana', 'no-answer');

    const late = await handleOfferInput(line.voice, press('ana', '1'));

    expect(spoken(late)).toEqual([en.offerGone]);
    expect((await line.store.getContact(CONTACT))?.status).toBe('queued');
  });
});

describe('other keys', () => {
  it('asks again on a wrong key, counting it in the next action URL', async () => {
    await offered(['ana']);

    const reply = await handleOfferInput(line.voice, press('ana', '5'), { seconds: 8, wrongKeys: 0 });

    expect(spoken(reply)[0]).toBe(en.offerWrongKey);
    expect(reply.steps[0]).toMatchObject({ action: { query: { k: '1' } } });
  });

  it('stops asking after the allowed wrong keys, so a stuck key cannot loop', async () => {
    await offered(['ana']);

    const reply = await handleOfferInput(line.voice, press('ana', '5'), { seconds: 8, wrongKeys: 2 });

    expect(spoken(reply)).toEqual([en.offerWrongKeyLimit]);
    expect((await line.store.getContact(CONTACT))?.status).toBe('queued');
  });

  it('never accepts for silence (voicemail)', async () => {
    await offered(['ana']);

    const reply = await handleOfferInput(line.voice, press('ana', undefined));

    expect(spoken(reply)).toEqual([en.whisperMissed]);
    expect((await offerOf('ana'))?.status).toBe('ringing');
  });
});

describe('the end of an offer', () => {
  it('counts a leg that ended while the caller still waited as a miss, and frees the volunteer', async () => {
    await offered(['ana']);

    await handleOfferStatus(line.voice, CONTACT, 'ana', 'no-answer');
    await handleOfferStatus(line.voice, CONTACT, 'ana', 'no-answer');

    expect(await line.store.getVolunteer('ana')).toMatchObject({ state: 'available', missedOffers: 1 });
    expect(await line.store.getVolunteer('ana')).not.toHaveProperty('contactId');
    expect((await line.store.getContact(CONTACT))?.offersOutstanding).toBe(0);
    expect((await offerOf('ana'))?.status).toBe('released');
    expect(line.events.events).toEqual([
      { type: 'OfferEnded', contactId: CONTACT, channel: 'voice', volunteerId: 'ana', missed: true },
    ]);
  });

  it('pauses a volunteer after the set number of misses in a row, and marks a line with nobody left', async () => {
    await offered(['ana']);
    await line.store.updateVolunteer('ana', {
      set: { missedOffers: line.defaults.missedOffersBeforePause - 1 },
    });

    await handleOfferStatus(line.voice, CONTACT, 'ana', 'no-answer');

    expect((await line.store.getVolunteer('ana'))?.state).toBe('paused');
    const state = await line.store.getLine();
    expect(state.pausedIds.has('ana')).toBe(true);
    expect(state.allPausedSince).toBe(line.clock.now());
    expect(line.events.types()).toEqual(['LineAllPaused', 'OfferEnded', 'VolunteerPaused']);
  });

  it('counts no miss when another volunteer took the caller', async () => {
    await offered(['ana', 'ben']);
    await handleOfferInput(line.voice, press('ben', '1'));
    line.events.take();

    await handleOfferStatus(line.voice, CONTACT, 'ana', 'completed');

    expect(await line.store.getVolunteer('ana')).toMatchObject({ state: 'available', missedOffers: 0 });
    expect(line.events.events).toEqual([
      { type: 'OfferEnded', contactId: CONTACT, channel: 'voice', volunteerId: 'ana', missed: false },
    ]);
  });

  it("takes the winner out of the conversation when their leg ends, leaving the caller's leg to end the contact", async () => {
    await offered(['ana']);
    await handleOfferInput(line.voice, press('ana', '1'));
    line.events.take();

    await handleOfferStatus(line.voice, CONTACT, 'ana', 'completed');

    expect((await line.store.getVolunteer('ana'))?.state).toBe('wrapup');
    expect((await line.store.getContact(CONTACT))?.status).toBe('connected');
    expect(line.events.types()).toEqual(['VolunteerLeft']);
  });

  it('ignores a status that is not final', async () => {
    await offered(['ana']);

    await handleOfferStatus(line.voice, CONTACT, 'ana', 'ringing');

    expect((await line.store.getVolunteer('ana'))?.state).toBe('offered');
  });
});

describe('the star menu', () => {
  async function inCall() {
    await offered(['ana']);
    await handleOfferInput(line.voice, press('ana', '1'));
    line.events.take();
  }

  it('offers the menu on star, after a beat, and tells the dispatcher the caller needs reassuring', async () => {
    await inCall();
    const lineReads = vi.spyOn(line.store, 'getLine');

    const reply = await handleVolunteerInput(line.voice, CONTACT, 'ana', undefined, false);

    expect(reply.steps[0]).toMatchObject({ kind: 'gather', action: { query: { m: '1' } } });
    expect(spoken(reply)).toEqual([en.volunteerMenu]);
    expect(line.events.types()).toEqual(['VolunteerSteppedOut']);
    // Stepping out needs none of the line's settings: no read of the line record.
    expect(lineReads).not.toHaveBeenCalled();
  });

  it('starts a warm transfer on 1: the contact is marked and the dispatcher adds the crisis line', async () => {
    await inCall();

    const reply = await handleVolunteerInput(line.voice, CONTACT, 'ana', '1', true);

    expect(spoken(reply)).toEqual([en.warmTransferStarted]);
    expect((await line.store.getContact(CONTACT))?.escalation).toMatchObject({
      trigger: 'volunteer',
      kind: 'warm-transfer',
    });
    expect(line.events.events).toEqual([
      {
        type: 'ContactEscalated',
        contactId: CONTACT,
        channel: 'voice',
        trigger: 'volunteer',
        kind: 'warm-transfer',
      },
    ]);
  });

  it('ends the volunteer’s part on 3 and wraps them up', async () => {
    await inCall();

    const reply = await handleVolunteerInput(line.voice, CONTACT, 'ana', '3', true);

    expect(spoken(reply)).toEqual([en.volunteerCallEnded(line.defaults.wrapUpSeconds)]);
    expect((await line.store.getVolunteer('ana'))?.state).toBe('wrapup');
    expect(line.events.types()).toEqual(['VolunteerLeft']);
  });

  it('puts the volunteer back in the room on any other key', async () => {
    await inCall();

    const reply = await handleVolunteerInput(line.voice, CONTACT, 'ana', '7', true);

    expect(reply.steps).toEqual([expect.objectContaining({ kind: 'dial-conference' })]);
    expect(line.events.events).toEqual([]);
  });

  it('gives the wrap-up words instead of a menu once the caller has gone', async () => {
    await inCall();
    await line.store.updateContact(CONTACT, {
      channel: 'voice',
      set: { status: 'ended', outcome: 'completed', endedAt: line.clock.now() },
    });

    const reply = await handleVolunteerInput(line.voice, CONTACT, 'ana', undefined, false);

    expect(spoken(reply)).toEqual([en.callerLeftCall(line.defaults.wrapUpSeconds)]);
  });
});

describe('the warm transfer’s crisis leg', () => {
  async function transferring() {
    await offered(['ana']);
    await handleOfferInput(line.voice, press('ana', '1'));
    await line.store.updateContact(CONTACT, { channel: 'voice', set: { status: 'connected' } });
    line.events.take();
  }

  it('records that the counsellor joined and left, once per leg', async () => {
    await transferring();

    await handleCrisisLegStatus(line.voice, CONTACT, 'CA-crisis', 'completed');
    await handleCrisisLegStatus(line.voice, CONTACT, 'CA-crisis', 'completed');

    expect((await line.store.getContact(CONTACT))?.crisisLegEnded).toEqual({
      joined: true,
      at: line.clock.now(),
    });
    expect(line.events.events).toEqual([
      { type: 'CrisisLegEnded', contactId: CONTACT, channel: 'voice', joined: true, at: line.clock.now() },
    ]);
  });

  it('records a leg that never joined (no answer) as not joined', async () => {
    await transferring();

    await handleCrisisLegStatus(line.voice, CONTACT, 'CA-crisis', 'no-answer');

    expect((await line.store.getContact(CONTACT))?.crisisLegEnded?.joined).toBe(false);
  });

  it('does nothing once the caller has gone', async () => {
    await transferring();
    await line.store.updateContact(CONTACT, {
      channel: 'voice',
      set: { status: 'ended', outcome: 'completed', endedAt: line.clock.now() },
    });

    await handleCrisisLegStatus(line.voice, CONTACT, 'CA-crisis', 'completed');

    expect(line.events.events).toEqual([]);
  });
});
