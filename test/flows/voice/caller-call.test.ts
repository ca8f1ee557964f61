// The caller's side of a voice call over the memory store: greeting, queue, hold, keys, overflow, bridge, hang-up.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { QUEUE_AHEAD_CAP } from '../../../flows/ports.js';
import { promptsFor } from '../../../flows/prompts/prompts.js';
import type { VoiceReply } from '../../../flows/replies.js';
import {
  callerBridge,
  chooseLanguage,
  handleCallerStatus,
  handleHoldInput,
  handleIncomingCall,
  handleIntake,
  holdCaller,
  textBackRequestId,
} from '../../../flows/voice/caller-call.js';
import { type CallFields, contactIdForCall } from '../../../flows/voice/voice-deps.js';
import { type FlowLine, readableVault, startFlowLine } from '../../support/flow-line.js';

const en = promptsFor('en');
const es = promptsFor('es');
const LINE_NUMBER = '+15550001111';
const call = (n: number, from = `+1555200${String(n).padStart(4, '0')}`): CallFields => ({
  callSid: `CA-caller-${n}`,
  from,
  to: LINE_NUMBER,
});
const contactOf = (fields: CallFields) => contactIdForCall(readableVault, fields.callSid);

/** Everything a reply says, gathers included, in order. */
function spoken(reply: VoiceReply): string[] {
  return reply.steps.flatMap((step) => {
    if (step.kind === 'say') return [step.text];
    if (step.kind === 'gather') return step.prompts.flatMap((p) => (p.kind === 'say' ? [p.text] : []));
    return [];
  });
}
const kinds = (reply: VoiceReply) => reply.steps.map((step) => step.kind);

let line: FlowLine;
beforeEach(async () => {
  line = await startFlowLine();
  await line.addVolunteer('ana');
});

/** A caller through the greeting into the queue (key 1 = English; `digits` '2' = Spanish). */
async function queueCaller(fields: CallFields, digits?: string) {
  await handleIncomingCall(line.voice, fields);
  const crisisNumber = line.defaults.crisisNumber;
  return chooseLanguage(line.voice, fields, contactOf(fields), crisisNumber, digits);
}

describe('the greeting', () => {
  it('greets an open, staffed line with the peer-not-crisis words and the crisis key, in both languages', async () => {
    const reply = await handleIncomingCall(line.voice, call(1));

    const words = spoken(reply).join(' ');
    expect(words).toContain(en.peerNotCrisis);
    expect(words).toContain(es.chooseSpanish);
    expect(words).toContain(en.crisisOption(line.defaults.crisisNumber));
    expect(kinds(reply)).toEqual(['gather', 'redirect']);
    expect(await line.store.getContact(contactOf(call(1)))).toMatchObject({
      status: 'greeting',
      callerSealed: readableVault.seal(call(1).from),
    });
  });

  it('refuses a blocked caller and logs the contact as blocked, keeping no number', async () => {
    await line.store.setBlocked(readableVault.keyOf(call(2).from), true);

    const reply = await handleIncomingCall(line.voice, call(2));

    expect(spoken(reply)).toEqual(expect.arrayContaining([en.blocked]));
    expect(kinds(reply).at(-1)).toBe('hangup');
    const logged = await line.store.getContact(contactOf(call(2)));
    expect(logged).toMatchObject({ status: 'ended', outcome: 'blocked' });
    expect(logged).not.toHaveProperty('callerSealed');
  });

  it('sends a caller to the unstaffed words with the crisis key when nobody is on shift', async () => {
    await line.store.setOnShift('ana', false);

    const reply = await handleIncomingCall(line.voice, call(3));

    expect(spoken(reply).join(' ')).toContain(
      en.unstaffedNow(line.defaults.crisisNumber, line.defaults.textWaitMinutes),
    );
    expect(reply.steps[0]).toMatchObject({ kind: 'gather', action: { route: 'voiceHoldInput' } });
    expect(await line.store.getContact(contactOf(call(3)))).toMatchObject({ outcome: 'unstaffed' });
  });

  it('treats everyone on shift paused as unstaffed, and marks the line all-paused once', async () => {
    await line.store.setPaused('ana', true);

    await handleIncomingCall(line.voice, call(4));
    await handleIncomingCall(line.voice, call(5));

    expect(await line.store.getContact(contactOf(call(4)))).toMatchObject({ outcome: 'unstaffed' });
    expect(line.events.types().filter((type) => type === 'LineAllPaused')).toHaveLength(1);
    expect((await line.store.getLine()).allPausedSince).toBe(line.clock.now());
  });

  it('tells a caller when the line is closed and when it opens, and logs after-hours', async () => {
    await line.store.saveSettings({
      hours: { alwaysOpen: false, windows: [{ day: 'mon', start: '09:00', end: '17:00' }], holidays: [] },
      timeZone: 'UTC',
    });

    const reply = await handleIncomingCall(line.voice, call(6));

    expect(spoken(reply).join(' ')).toContain('closed right now');
    expect(await line.store.getContact(contactOf(call(6)))).toMatchObject({ outcome: 'after-hours' });
  });
});

describe('queueing and holding', () => {
  it('queues a caller who pressed nothing in English, announcing ContactQueued once', async () => {
    const reply = await queueCaller(call(1));

    expect(spoken(reply)).toEqual([en.holdReassurance]);
    expect(reply.steps.at(-1)).toMatchObject({ kind: 'redirect', to: { route: 'voiceHold' } });
    expect(await line.store.getContact(contactOf(call(1)))).toMatchObject({
      status: 'queued',
      language: 'en',
      queuedAt: line.clock.now(),
      overflowAt: line.clock.now() + line.defaults.maxWaitSeconds * 1000,
    });
    expect(line.events.events).toEqual([
      { type: 'ContactQueued', contactId: contactOf(call(1)), channel: 'voice', language: 'en' },
    ]);
  });

  it('publishes nothing more on a replayed language webhook', async () => {
    await queueCaller(call(1));

    await chooseLanguage(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, undefined);

    expect(line.events.types()).toEqual(['ContactQueued']);
  });

  it('greets a caller who pressed 2 again in Spanish and queues them for Spanish speakers', async () => {
    const reply = await queueCaller(call(1), '2');

    expect(spoken(reply).join(' ')).toContain(es.peerNotCrisis);
    expect(reply.steps[0]).toMatchObject({ kind: 'gather', action: { route: 'voiceHoldInput' } });
    expect((await line.store.getContact(contactOf(call(1))))?.language).toBe('es');
  });

  it('asks the intake question when the line has intake on, and queues with a concern flag', async () => {
    await line.store.saveSettings({ voiceIntake: true });
    await handleIncomingCall(line.voice, call(1));
    const asked = await chooseLanguage(
      line.voice,
      call(1),
      contactOf(call(1)),
      line.defaults.crisisNumber,
      '1',
    );

    await handleIntake(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en', {
      speech: 'I feel hopeless, like nothing will ever get better',
    });

    expect(spoken(asked)).toContain(en.intakeQuestion);
    expect(await line.store.getContact(contactOf(call(1)))).toMatchObject({
      status: 'queued',
      concern: { kind: 'hopelessness' },
    });
  });

  it('dials the crisis line at once when the intake answer is in crisis language, keeping no words', async () => {
    await line.store.saveSettings({ voiceIntake: true });
    await handleIncomingCall(line.voice, call(1));

    const reply = await handleIntake(
      line.voice,
      call(1),
      contactOf(call(1)),
      line.defaults.crisisNumber,
      'en',
      {
        speech: 'I am going to kill myself tonight',
      },
    );

    expect(kinds(reply)).toContain('dial-number');
    const ended = await line.store.getContact(contactOf(call(1)));
    expect(ended).toMatchObject({ outcome: 'escalated', escalation: { trigger: 'caller-language' } });
    expect(JSON.stringify(ended)).not.toContain('kill');
  });

  it('tells each held caller their place: first in line, then one ahead', async () => {
    await queueCaller(call(1));
    line.clock.advance(1_000);
    await queueCaller(call(2));

    const first = await holdCaller(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en');
    const second = await holdCaller(
      line.voice,
      call(2),
      contactOf(call(2)),
      line.defaults.crisisNumber,
      'en',
    );

    expect(spoken(first)).toEqual([en.holdPosition(1), en.holdOptions, en.holdReassurance]);
    expect(spoken(second)[0]).toBe(en.holdPosition(2));
    expect(first.steps.at(-1)).toMatchObject({ kind: 'redirect', to: { route: 'voiceHold' } });
  });

  it('finds its place and its contact in one read when the hold URL says where the caller joined', async () => {
    await queueCaller(call(1));
    line.clock.advance(1_000);
    const queued = await queueCaller(call(2));
    const redirect = queued.steps.at(-1);
    if (redirect?.kind !== 'redirect') throw new Error('queueing ends with the hold redirect');
    const queuedAt = Number(redirect.to.query?.q);
    expect(queuedAt).toBe((await line.store.getContact(contactOf(call(2))))?.queuedAt);

    const reads = [vi.spyOn(line.store, 'getContact'), vi.spyOn(line.store, 'countQueuedAhead')];
    const placed = vi.spyOn(line.store, 'placeInQueue');
    const turn = await holdCaller(line.voice, call(2), contactOf(call(2)), line.defaults.crisisNumber, 'en', {
      queuedAt,
      concern: false,
    });

    expect(spoken(turn)[0]).toBe(en.holdPosition(2));
    expect(placed).toHaveBeenCalledTimes(1);
    for (const read of reads) expect(read).not.toHaveBeenCalled();
    // The next turn's URL carries the place on.
    expect(turn.steps.at(-1)).toMatchObject({ kind: 'redirect', to: { query: { q: String(queuedAt) } } });
  });

  it('says "20 or more" past the cap, however long the queue', async () => {
    for (let n = 1; n <= QUEUE_AHEAD_CAP + 3; n++) {
      await queueCaller(call(n));
      line.clock.advance(10);
    }
    const last = call(QUEUE_AHEAD_CAP + 3);

    const reply = await holdCaller(line.voice, last, contactOf(last), line.defaults.crisisNumber, 'en');

    expect(spoken(reply)[0]).toBe(en.holdPosition(QUEUE_AHEAD_CAP + 1));
    expect(spoken(reply)[0]).toContain(`${QUEUE_AHEAD_CAP} or more`);
  });

  it('offers a withheld number no text-back, and key 1 from it just keeps holding', async () => {
    const withheld = call(7, 'anonymous');
    await queueCaller(withheld);

    const turn = await holdCaller(
      line.voice,
      withheld,
      contactOf(withheld),
      line.defaults.crisisNumber,
      'en',
    );
    const pressed = await handleHoldInput(
      line.voice,
      withheld,
      contactOf(withheld),
      line.defaults.crisisNumber,
      'en',
      '1',
    );

    expect(spoken(turn)).toContain(en.holdOptionsWithoutTextBack);
    expect(pressed.steps).toEqual([
      expect.objectContaining({ kind: 'redirect', to: expect.objectContaining({ route: 'voiceHold' }) }),
    ]);
    expect((await line.store.getContact(contactOf(withheld)))?.status).toBe('queued');
  });

  it('bridges a held caller whose volunteer has accepted straight into the room from the hold turn', async () => {
    await queueCaller(call(1));
    await line.store.updateContact(contactOf(call(1)), {
      channel: 'voice',
      set: { status: 'connected', volunteerId: 'ana', answeredAt: line.clock.now() },
    });

    const reply = await holdCaller(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en');

    expect(reply).toEqual(callerBridge({ contactId: contactOf(call(1)), language: 'en' }));
  });

  it('thanks and hangs up a hold turn whose contact has ended or expired', async () => {
    await queueCaller(call(1));
    line.clock.advance(7 * 3_600_000);

    const reply = await holdCaller(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en');

    expect(spoken(reply)).toEqual([en.thanksForCalling]);
    expect(kinds(reply).at(-1)).toBe('hangup');
  });
});

describe('keys while holding', () => {
  it('turns key 1 into a waiting text-back request once, and drops the number from the call', async () => {
    await queueCaller(call(1));
    const contactId = contactOf(call(1));

    const reply = await handleHoldInput(
      line.voice,
      call(1),
      contactId,
      line.defaults.crisisNumber,
      'en',
      '1',
    );
    const replay = await handleHoldInput(
      line.voice,
      call(1),
      contactId,
      line.defaults.crisisNumber,
      'en',
      '1',
    );

    expect(spoken(reply)).toEqual([en.textBackConfirmed]);
    expect(spoken(replay)).toEqual([en.textBackConfirmed]);
    const ended = await line.store.getContact(contactId);
    expect(ended).toMatchObject({ status: 'ended', outcome: 'text-back' });
    expect(ended).not.toHaveProperty('callerSealed');
    expect(await line.store.getContact(textBackRequestId(contactId))).toMatchObject({
      channel: 'sms',
      status: 'queued',
      textBack: true,
      callerSealed: readableVault.seal(call(1).from),
    });
    expect((await line.store.getPhone(readableVault.keyOf(call(1).from)))?.contactId).toBe(
      textBackRequestId(contactId),
    );
    expect(line.events.types()).toEqual(['ContactQueued', 'ContactEnded', 'ContactQueued']);
  });

  it('dials the crisis line on 9 and ends the contact as escalated, keeping no number', async () => {
    await queueCaller(call(1));

    const reply = await handleHoldInput(
      line.voice,
      call(1),
      contactOf(call(1)),
      line.defaults.crisisNumber,
      'en',
      '9',
    );

    expect(reply.steps).toContainEqual(
      expect.objectContaining({ kind: 'dial-number', number: line.defaults.crisisNumber }),
    );
    const ended = await line.store.getContact(contactOf(call(1)));
    expect(ended).toMatchObject({
      status: 'ended',
      outcome: 'escalated',
      escalation: { trigger: 'caller-key' },
    });
    expect(ended).not.toHaveProperty('callerSealed');
    expect(line.events.types()).toEqual(['ContactQueued', 'ContactEscalated', 'ContactEnded']);
  });

  it('dials the crisis line on 9 pressed during the greeting, before a language was chosen', async () => {
    await handleIncomingCall(line.voice, call(1));

    const reply = await chooseLanguage(
      line.voice,
      call(1),
      contactOf(call(1)),
      line.defaults.crisisNumber,
      '9',
    );

    expect(kinds(reply)).toContain('dial-number');
    expect((await line.store.getContact(contactOf(call(1))))?.outcome).toBe('escalated');
  });

  it('keeps holding on any other key', async () => {
    await queueCaller(call(1));

    const reply = await handleHoldInput(
      line.voice,
      call(1),
      contactOf(call(1)),
      line.defaults.crisisNumber,
      'en',
      '5',
    );

    expect(kinds(reply)).toEqual(['redirect']);
    expect((await line.store.getContact(contactOf(call(1))))?.status).toBe('queued');
  });
});

describe('the maximum wait', () => {
  it('gives the resources and ends the contact as overflowed once the wait has run out', async () => {
    await queueCaller(call(1));
    line.clock.advance(line.defaults.maxWaitSeconds * 1000);

    const reply = await holdCaller(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en');

    expect(spoken(reply)).toEqual([en.overflowResources(line.defaults.crisisNumber)]);
    expect(await line.store.getContact(contactOf(call(1)))).toMatchObject({
      status: 'ended',
      outcome: 'overflowed',
    });
    expect(line.events.types()).toEqual(['ContactQueued', 'ContactEnded']);
  });

  it('turns an overflow into a text-back request when the line overflows that way', async () => {
    await line.store.saveSettings({ overflow: { kind: 'text-back' } });
    await queueCaller(call(1));
    line.clock.advance(line.defaults.maxWaitSeconds * 1000);

    const reply = await holdCaller(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en');

    expect(spoken(reply)).toEqual([en.overflowTextBack]);
    expect((await line.store.getContact(textBackRequestId(contactOf(call(1)))))?.status).toBe('queued');
  });

  it('dials the partner line from the line number when the line overflows there', async () => {
    await line.store.saveSettings({ overflow: { kind: 'partner-line', number: '+15558000001' } });
    await queueCaller(call(1));
    line.clock.advance(line.defaults.maxWaitSeconds * 1000);

    const reply = await holdCaller(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en');

    expect(spoken(reply)).toEqual([en.overflowPartner]);
    expect(reply.steps).toContainEqual(
      expect.objectContaining({ kind: 'dial-number', number: '+15558000001', callerId: LINE_NUMBER }),
    );
    expect((await line.store.getContact(contactOf(call(1))))?.outcome).toBe('overflowed');
  });

  it('holds only up to the deadline on the last turn, so the overflow comes on time', async () => {
    await queueCaller(call(1));
    line.clock.advance(line.defaults.maxWaitSeconds * 1000 - 12_000);

    const reply = await holdCaller(line.voice, call(1), contactOf(call(1)), line.defaults.crisisNumber, 'en');

    const gather = reply.steps[0];
    const paused =
      gather?.kind === 'gather'
        ? gather.prompts.reduce((sum, p) => sum + (p.kind === 'pause' ? p.seconds : 0), 0)
        : 0;
    expect(paused).toBeLessThanOrEqual(12);
    expect(paused).toBeGreaterThan(0);
  });
});

describe('the bridge and the end of the call', () => {
  async function connected(volunteerId = 'ana') {
    await queueCaller(call(1));
    await line.store.updateContact(contactOf(call(1)), {
      channel: 'voice',
      set: { status: 'connected', volunteerId, answeredAt: line.clock.now() },
    });
    await line.store.updateVolunteer(volunteerId, { set: { state: 'busy', contactId: contactOf(call(1)) } });
  }

  it('bridges the caller into their own room in their language, which ends when they leave', async () => {
    const reply = callerBridge({ contactId: 'v-es', language: 'es' });

    expect(spoken(reply)).toEqual([es.connecting, es.callEndedByPeer]);
    expect(reply.steps).toContainEqual(
      expect.objectContaining({
        kind: 'dial-conference',
        room: 'warmline-v-es',
        endConferenceOnExit: true,
        hangupOnStar: false,
        action: { route: 'voiceBridgeEnded', query: { c: 'v-es', l: 'es' } },
      }),
    );
  });

  it('abandons a contact whose caller hung up while held, once however often the callback comes', async () => {
    await queueCaller(call(1));

    await handleCallerStatus(line.voice, call(1).callSid, 'completed');
    await handleCallerStatus(line.voice, call(1).callSid, 'completed');

    const ended = await line.store.getContact(contactOf(call(1)));
    expect(ended).toMatchObject({ status: 'ended', outcome: 'abandoned' });
    expect(ended).not.toHaveProperty('callerSealed');
    expect(line.events.types()).toEqual(['ContactQueued', 'ContactAbandoned']);
  });

  it('abandons a caller who hung up during the greeting', async () => {
    await handleIncomingCall(line.voice, call(1));

    await handleCallerStatus(line.voice, call(1).callSid, 'completed');

    expect((await line.store.getContact(contactOf(call(1))))?.outcome).toBe('abandoned');
  });

  it('completes a conversation when the caller hangs up, and starts the volunteer wrap-up', async () => {
    await connected();
    line.clock.advance(600_000);

    await handleCallerStatus(line.voice, call(1).callSid, 'completed');

    expect(await line.store.getContact(contactOf(call(1)))).toMatchObject({
      status: 'ended',
      outcome: 'completed',
    });
    expect(await line.store.getVolunteer('ana')).toMatchObject({
      state: 'wrapup',
      wrapUntil: line.clock.now() + line.defaults.wrapUpSeconds * 1000,
      idleSince: line.clock.now(),
    });
    expect(line.events.types().at(-1)).toBe('ContactEnded');
  });

  it('ignores a status callback that is not final', async () => {
    await queueCaller(call(1));

    await handleCallerStatus(line.voice, call(1).callSid, 'in-progress');

    expect((await line.store.getContact(contactOf(call(1))))?.status).toBe('queued');
  });
});
