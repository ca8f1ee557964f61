// Voice calls end to end: simulated phones, signed webhooks, the real store, the dispatcher over the local bus.
import { afterEach, describe, expect, it } from 'vitest';
import { logFigures } from '../../flows/contact-log.js';
import type { Contact, Volunteer } from '../../flows/model.js';
import type { SimCall } from '../../infra/local/simulator/call-leg.js';
import { callContactId, signedPosterFor, startTestLine, type TestLine } from '../support/local-line.js';
import { callFields } from '../support/signed-webhook.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const contactOf = (call: SimCall) => line.store.getContact(callContactId(line, call.sid));
const volunteer = (id: string) => line.store.getVolunteer(id) as Promise<Volunteer>;

/** Dials in and waits until the caller is holding in the queue. */
async function callAndHold(number: string): Promise<SimCall> {
  const call = await line.simulator.phone(number).dial();
  await call.waitForSay('peer support line, not a crisis line');
  await waitFor(async () => (await contactOf(call))?.status === 'queued', 'the caller to be queued');
  return call;
}

/** A volunteer's phone rings: pick up, hear the whisper, press 1. */
async function acceptOn(phone: string): Promise<SimCall> {
  const offer = await line.simulator.phone(phone).waitForIncomingCall();
  await offer.answer();
  await offer.waitForSay('Press 1 to accept');
  await offer.waitForGather();
  await offer.press('1');
  return offer;
}

describe('a voice call', () => {
  it('connects one caller to one volunteer through a private conference, and logs it anonymously', async () => {
    line = await startTestLine();
    const call = await callAndHold(CALLER);
    const offer = await acceptOn(ANA);

    const room = await call.waitForConference();
    expect(await offer.waitForConference()).toBe(room);
    expect(room).toBe(`warmline-${callContactId(line, call.sid)}`);
    // The volunteer was called from the line's number, never from the caller's.
    expect(offer.from).toBe(line.config.LINE_NUMBER);
    expect(offer.transcript.join(' ')).not.toContain('7654321');

    // The other volunteers in the ring group were stopped.
    for (const other of [BEN, CARO]) {
      const ringing = line.simulator.phone(other).calls;
      await waitFor(() => ringing.every((leg) => leg.isOver), `${other} to stop ringing`);
    }

    await call.hangup();
    await offer.waitForStatus('completed');
    await waitFor(async () => (await contactOf(call))?.status === 'ended', 'the call to end');
    await line.idle();
    const contact = (await contactOf(call)) as Contact;
    expect(contact).toMatchObject({
      status: 'ended',
      outcome: 'completed',
      volunteerId: 'vol-ana',
      language: 'en',
    });
    expect(contact.callerSealed).toBeUndefined();
    expect(contact.repeatCount).toBe(0);
    expect(logFigures(contact).waitSeconds).toBeGreaterThanOrEqual(0);
    expect(logFigures(contact).talkSeconds).toBeGreaterThanOrEqual(0);
    expect(contact.callerKey).toMatch(/^[0-9a-f]{32}$/);
    const ana = await volunteer('vol-ana');
    expect(ana.state).toBe('wrapup');
    expect(ana.wrapUntil).toBeGreaterThan(Date.now());
  });

  it('bridges three waiting callers to the volunteers who accepted their own offers, in reverse order', async () => {
    line = await startTestLine();
    await line.store.saveSettings({
      hours: { alwaysOpen: true, windows: [], holidays: [] },
      ringGroupSize: 1,
      // The offers are answered one after another: none may ring out first on a loaded machine.
      offerRingSeconds: 60,
    });
    const callers = [];
    for (const number of ['+15557650001', '+15557650002', '+15557650003'])
      callers.push(await callAndHold(number));
    // With a ring group of one, each volunteer is offered exactly one caller.
    const offers = await Promise.all(
      [ANA, BEN, CARO].map((phone) => line.simulator.phone(phone).waitForIncomingCall()),
    );
    const offeredContact = (leg: SimCall) =>
      line.simulator.timeline
        .find((e) => e.callSid === leg.sid && e.kind === 'webhook' && e.detail?.includes('c=v-'))
        ?.detail?.match(/c=(v-[0-9a-f]+)/)?.[1];
    for (const offer of [...offers].reverse()) {
      await offer.answer();
      await offer.waitForGather();
      await offer.press('1');
    }
    for (const offer of offers) {
      const contactId = offeredContact(offer);
      const caller = callers.find((c) => callContactId(line, c.sid) === contactId);
      expect(caller).toBeDefined();
      const room = await offer.waitForConference();
      expect(await caller?.waitForConference()).toBe(room);
    }
  });

  it('never accepts when voicemail answers, and offers the caller to someone else', async () => {
    line = await startTestLine();
    await line.store.saveSettings({
      hours: { alwaysOpen: true, windows: [], holidays: [] },
      ringGroupSize: 1,
    });
    line.simulator.phone(ANA).answerMode = 'voicemail';
    const call = await callAndHold(CALLER);
    const machine = await line.simulator.phone(ANA).waitForIncomingCall();
    await machine.waitForSay('No key was pressed');
    await machine.waitForStatus('completed');
    expect((await contactOf(call))?.status).toBe('queued');
    // The next longest-idle volunteer is rung and can accept.
    await acceptOn(BEN);
    await call.waitForConference();
    expect((await contactOf(call))?.volunteerId).toBe('vol-ben');
    expect((await volunteer('vol-ana')).missedOffers).toBe(1);
  });

  it('cancels the offers and logs the contact abandoned when the caller hangs up while volunteers ring', async () => {
    line = await startTestLine();
    const call = await callAndHold(CALLER);
    const ringing = await line.simulator.phone(ANA).waitForIncomingCall();
    await call.hangup();
    await ringing.waitForStatus(['canceled', 'completed']);
    await waitFor(
      async () => (await contactOf(call))?.outcome === 'abandoned',
      'the contact to be abandoned',
    );
    await line.idle();
    for (const id of ['vol-ana', 'vol-ben', 'vol-caro']) {
      await waitFor(async () => (await volunteer(id)).state === 'available', `${id} to be free again`);
    }
  });

  it('gives a caller the hours, the crisis number and the crisis key when the line is closed', async () => {
    line = await startTestLine();
    await line.store.saveSettings({ hours: { alwaysOpen: false, windows: [], holidays: [] } });
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForSay('The warmline is closed right now');
    expect(call.transcript.join(' ')).toContain('9 8 8');
    await call.waitForGather();
    await call.press('9');
    const crisis = await line.simulator.phone('988').waitForIncomingCall();
    expect(crisis.from).toBe(line.config.LINE_NUMBER);
    expect((await contactOf(call))?.outcome).toBe('after-hours');
  });

  it('tells a caller nobody is on shift and offers the crisis line', async () => {
    line = await startTestLine({ seed: false });
    await line.store.saveSettings({ hours: { alwaysOpen: true, windows: [], holidays: [] } });
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForSay('no peer volunteer is available right now');
    expect((await contactOf(call))?.outcome).toBe('unstaffed');
    await call.waitForStatus('completed');
  });

  it('dials the crisis line from the line number when the caller presses 9 at the greeting', async () => {
    line = await startTestLine();
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForGather();
    await call.press('9');
    await call.waitForSay('Connecting you to the crisis line');
    const crisis = await line.simulator.phone('988').waitForIncomingCall();
    expect(crisis.from).toBe(line.config.LINE_NUMBER);
    await waitFor(
      async () => (await contactOf(call))?.outcome === 'escalated',
      'the escalation to be logged',
    );
    expect(line.bus.published.some((e) => e.type === 'ContactEscalated')).toBe(true);
  });

  it('queues a Spanish caller and offers them only to volunteers who speak Spanish', async () => {
    line = await startTestLine();
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForGather();
    await call.press('2');
    await call.waitForSay('Gracias por esperar');
    await waitFor(async () => (await contactOf(call))?.status === 'queued', 'the caller to be queued');
    await line.simulator.phone(ANA).waitForIncomingCall();
    await line.simulator.phone(CARO).waitForIncomingCall();
    await line.idle();
    expect(line.simulator.phone(BEN).calls).toHaveLength(0);
  });
});

describe('replays and late callbacks', () => {
  it('changes nothing when webhooks are replayed and callbacks arrive twice and out of order', async () => {
    line = await startTestLine();
    const call = await callAndHold(CALLER);
    const offer = await acceptOn(ANA);
    await call.waitForConference();
    await call.hangup();
    await waitFor(async () => (await contactOf(call))?.status === 'ended', 'the log entry');
    await line.idle();
    const before = await contactOf(call);
    const eventsBefore = line.bus.published.length;
    const post = signedPosterFor(line);
    const callerFields = callFields(call.sid, CALLER, line.config.LINE_NUMBER);
    const contactId = callContactId(line, call.sid);
    // Replays of every step, then callbacks late and in the wrong order.
    await post(`/twilio/voice/language?c=${contactId}&cn=988`, { ...callerFields, Digits: '1' });
    await post(`/twilio/voice/offer-input?c=${contactId}&v=vol-ana`, {
      ...callFields(offer.sid, line.config.LINE_NUMBER, ANA),
      Digits: '1',
    });
    await post('/twilio/voice/status', { ...callerFields, CallStatus: 'completed' });
    await post(`/twilio/voice/offer-status?c=${contactId}&v=vol-ana`, {
      ...callFields(offer.sid, line.config.LINE_NUMBER, ANA),
      CallStatus: 'completed',
    });
    await post(`/twilio/voice/offer-status?c=${contactId}&v=vol-ana`, {
      ...callFields(offer.sid, line.config.LINE_NUMBER, ANA),
      CallStatus: 'ringing',
    });
    await post('/twilio/voice/status', { ...callerFields, CallStatus: 'in-progress' });
    await line.idle();
    expect(await contactOf(call)).toEqual(before);
    const newEvents = line.bus.published.slice(eventsBefore).map((e) => e.type);
    expect(newEvents.filter((t) => t !== 'ContactOffered')).toEqual([]);
    expect((await volunteer('vol-ana')).state).toBe('wrapup');
  });
});

describe('the contact log', () => {
  it('holds no raw caller number anywhere in the table after calls', async () => {
    line = await startTestLine();
    const call = await callAndHold(CALLER);
    await acceptOn(ANA);
    await call.waitForConference();
    await call.hangup();
    await waitFor(async () => (await contactOf(call))?.status === 'ended', 'the log to be complete');
    const second = await callAndHold(CALLER);
    await second.hangup();
    await waitFor(async () => (await contactOf(second))?.status === 'ended', 'the second log entry');
    expect((await contactOf(second))?.repeatCount).toBe(1);
    await line.idle();
    const stored = JSON.stringify(await line.scanTable());
    for (const trace of ['+15557654321', '5557654321', '%2B15557654321']) expect(stored).not.toContain(trace);
    expect(line.logLines.join('\n')).not.toContain('5557654321');
  });
});
