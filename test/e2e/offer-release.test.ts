// Releasing offers: ringing phones stop at once, and every volunteer hears or reads what really happened.
import { afterEach, describe, expect, it } from 'vitest';
import type { Volunteer } from '../../flows/model.js';
import type { SimCall } from '../../infra/local/simulator/call-leg.js';
import { callContactId, startTestLine, type TestLine } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';
/** A caller's hang-up must silence every ringing volunteer phone within this bound. */
const CANCEL_BOUND_MS = 2_000;

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const volunteer = (id: string) => line.store.getVolunteer(id) as Promise<Volunteer>;

/**
 * Simulated time at a tenth of real time with the longest ring the settings allow (60 s, so 6 s here): a phone
 * that stops within the 2 s bound was cancelled, it did not ring out.
 */
async function startLongRingLine(ringGroupSize: number): Promise<void> {
  line = await startTestLine({ timeScale: 0.1 });
  await line.store.saveSettings({
    hours: { alwaysOpen: true, windows: [], holidays: [] },
    ringGroupSize,
    offerRingSeconds: 60,
  });
}

/** Dials in, picks English at the greeting, and waits until the caller is holding in the queue. */
async function callAndHold(): Promise<SimCall> {
  const call = await line.simulator.phone(CALLER).dial();
  await call.waitForGather();
  await call.press('1');
  await waitFor(
    async () => (await line.store.getContact(callContactId(line, call.sid)))?.status === 'queued',
    'the caller to be queued',
  );
  return call;
}

async function ringingLeg(phone: string): Promise<SimCall> {
  const leg = await line.simulator.phone(phone).waitForIncomingCall();
  await leg.waitForStatus('ringing');
  return leg;
}

describe('releasing voice offers', () => {
  it('cancels every ringing volunteer phone within 2 s of the caller hanging up, and frees them', async () => {
    await startLongRingLine(3);
    const call = await callAndHold();
    const legs = await Promise.all([ANA, BEN, CARO].map(ringingLeg));

    const hungUpAt = Date.now();
    await call.hangup();
    await Promise.all(legs.map((leg) => leg.waitForStatus(['canceled', 'completed', 'no-answer'])));
    const slowest = Math.max(...legs.map((leg) => (leg.endedAt ?? Number.POSITIVE_INFINITY) - hungUpAt));

    expect(legs.map((leg) => leg.status)).toEqual(['canceled', 'canceled', 'canceled']);
    expect(slowest).toBeLessThan(CANCEL_BOUND_MS);
    // Nobody picked up, so nobody heard anything.
    expect(legs.flatMap((leg) => leg.transcript)).toEqual([]);
    for (const id of ['vol-ana', 'vol-ben', 'vol-caro']) {
      await waitFor(async () => (await volunteer(id)).state === 'available', `${id} to be free again`);
    }
    // A cancelled phone is not a missed offer: nobody is nudged towards a pause for a caller who left.
    for (const id of ['vol-ana', 'vol-ben', 'vol-caro']) expect((await volunteer(id)).missedOffers).toBe(0);
  });

  it('tells a volunteer who had answered that the caller hung up, and cancels the phone still ringing', async () => {
    await startLongRingLine(2);
    const call = await callAndHold();
    const [answered, ringing] = await Promise.all([ANA, BEN].map(ringingLeg));
    await answered?.answer();
    await answered?.waitForSay('Press 1 to accept');

    await call.hangup();
    await answered?.waitForSay('The caller hung up before you joined');
    await ringing?.waitForStatus(['canceled', 'completed', 'no-answer']);

    expect(ringing?.status).toBe('canceled');
    expect(answered?.transcript.join(' ')).not.toContain('Another volunteer has taken this call');
    for (const id of ['vol-ana', 'vol-ben']) {
      await waitFor(async () => (await volunteer(id)).state === 'available', `${id} to be free again`);
    }
  });

  it('tells the volunteers who had answered that another volunteer took the call', async () => {
    await startLongRingLine(2);
    await callAndHold();
    const [winner, other] = await Promise.all([ANA, BEN].map(ringingLeg));
    await other?.answer();
    await other?.waitForGather();
    await winner?.answer();
    await winner?.waitForGather();
    await winner?.press('1');
    await other?.waitForSay('Another volunteer has taken this call');
    expect(other?.transcript.join(' ')).not.toContain('hung up');
  });
});

describe('what a volunteer hears on the whisper and after the call', () => {
  it('asks again after a wrong key, and the volunteer can still accept', async () => {
    await startLongRingLine(1);
    const call = await callAndHold();
    const offer = await ringingLeg(ANA);
    await offer.answer();
    await offer.waitForGather();
    await offer.press('2');
    await offer.waitForSay('That key is not an option: press 1 to accept');
    expect(offer.transcript.join(' ')).not.toContain('No key was pressed');
    await offer.waitForGather();
    await offer.press('1');
    expect(await offer.waitForConference()).toBe(await call.waitForConference());
  });

  it('gives the wrap-up words, not the star menu, when the caller hangs up during the call', async () => {
    // Real time: the menu's one-second beat is what the caller's hang-up has to win against.
    line = await startTestLine({ timeScale: 1 });
    await line.store.saveSettings({
      hours: { alwaysOpen: true, windows: [], holidays: [] },
      ringGroupSize: 1,
    });
    const call = await callAndHold();
    const offer = await ringingLeg(ANA);
    await offer.answer();
    await offer.waitForGather();
    await offer.press('1');
    await call.waitForConference();
    await call.hangup();
    await offer.waitForSay('The caller has left the call');
    await offer.waitForStatus('completed');
    expect(offer.transcript.join(' ')).not.toContain('Options.');
  });
});

describe('releasing text offers', () => {
  it('tells the volunteers offered a conversation that the texter left, not that someone took it', async () => {
    line = await startTestLine();
    const texter = line.simulator.phone(CALLER);
    await texter.text('hi, is anyone there?');
    await Promise.all([ANA, BEN].map((n) => line.simulator.phone(n).waitForMessage('Reply ACCEPT')));
    await texter.text('STOP');
    for (const n of [ANA, BEN]) {
      await line.simulator.phone(n).waitForMessage('the texter left that conversation before anyone joined');
      expect(
        line.simulator
          .phone(n)
          .messages.map((m) => m.body)
          .join(' '),
      ).not.toContain('taken');
    }
  });
});
