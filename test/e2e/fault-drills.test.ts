// The fault drills: outages injected into the real SDK clients (WARMLINE_FAULTS), and the line staying safe.
//
// Every figure the issue asks for comes from here: presses of 9 and crisis texts with the bus and the store
// hanging, accepted calls and escalation alerts with half of PutEvents' entries refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { LineEvent } from '../../flows/events.js';
import { parseFaults } from '../../infra/local/faults.js';
import {
  callContactId,
  movableClock,
  signedPosterFor,
  startTestLine,
  type TestLine,
} from '../support/local-line.js';
import { callFields, smsFields } from '../support/signed-webhook.js';
import { waitFor } from '../support/wait-for.js';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const callSid = (n: number) => `CA${n.toString(16).padStart(32, '0')}`;
const messageSid = (n: number) => `SM${n.toString(16).padStart(32, 'a')}`;
const caller = (n: number) => `+1555765${String(n).padStart(4, '0')}`;

const post = (pathAndQuery: string, params: Record<string, string>) =>
  signedPosterFor(line)(pathAndQuery, params);

/** Runs `trial` for 0..count-1, `parallel` at a time; returns each result with its time in ms. */
async function trials<T>(count: number, parallel: number, trial: (n: number) => Promise<T>) {
  const results: { value: T; ms: number }[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, async (_, i) => {
      const began = performance.now();
      const value = await trial(start + i);
      return { value, ms: performance.now() - began };
    });
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

const pressNine = (n: number) =>
  post(`/twilio/voice/hold-input?c=${callContactId(line, callSid(n))}&cn=988&l=en`, {
    ...callFields(callSid(n), caller(n), line.config.LINE_NUMBER),
    CallStatus: 'in-progress',
    Digits: '9',
  });
const dialsCrisis = (body: string) =>
  /<Dial callerId="\+15550100000"[^>]*action="[^"]*crisis-dial-ended[^"]*"[^>]*><Number>988<\/Number><\/Dial>/.test(
    body,
  );

describe('WARMLINE_FAULTS', () => {
  it('switches the named faults on once the line is seeded, and refuses one it does not know', async () => {
    line = await startTestLine({ env: { WARMLINE_FAULTS: 'store=throttle, rest=fail' } });
    expect(line.faults.active).toEqual({ store: 'throttle', rest: 'fail' });
    // The throttle reaches the real SDK, which retries and then reports DynamoDB's own error.
    await expect(line.store.getContact('v-x')).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(() => parseFaults('bus=melt')).toThrow(/"bus=melt" is not one of .*bus=hang/);
  });
});

describe('with the bus and the store both hanging (bus=hang,store=hang)', () => {
  it('dials the crisis line for 100 of 100 presses of 9 within 3 s, never waiting on the bookkeeping', async () => {
    line = await startTestLine({ env: { WARMLINE_FAULTS: 'bus=hang,store=hang' } });
    const results = await trials(100, 25, pressNine);
    const dialled = results.filter((r) => dialsCrisis(r.value.body));
    const slowest = Math.max(...results.map((r) => r.ms));
    console.log(
      `bus=hang,store=hang: ${dialled.length}/100 presses of 9 dialled, slowest ${Math.round(slowest)} ms`,
    );
    expect(dialled).toHaveLength(100);
    // The 3 s webhook deadline is never what saves the caller: the 1.2 s bookkeeping bound gave up on the
    // hung store and bus for every press (without it each press waits on the clients' own deadlines, and
    // the slowest passes 3 s even on an idle machine).
    expect(slowest).toBeLessThan(3_000);
    const gaveUp = line.logLines.filter((l) => l.includes('escalation bookkeeping was slow')).length;
    expect(gaveUp).toBe(100);
  });

  it('answers 100 of 100 crisis texts with the crisis options and the clinician alert within 3 s', async () => {
    line = await startTestLine({ env: { WARMLINE_FAULTS: 'bus=hang,store=hang' } });
    const clinician = line.config.CLINICIAN_NUMBER;
    // Ten at a time, as the other drills: at 25 a loaded two-core runner, not the line, set the slowest time.
    const results = await trials(100, 10, (n) =>
      post(
        '/twilio/sms',
        smsFields(messageSid(n), caller(n), line.config.LINE_NUMBER, 'i want to end my life tonight'),
      ),
    );
    const answered = results.filter(
      (r) =>
        r.value.body.includes('call 988 or text 988') &&
        r.value.body.includes(`<Message to="${clinician}">Warmline CRISIS`),
    );
    const slowest = Math.max(...results.map((r) => r.ms));
    console.log(
      `bus=hang,store=hang: ${answered.length}/100 crisis texts answered and alerted, slowest ${Math.round(slowest)} ms`,
    );
    expect(answered).toHaveLength(100);
    // 700 ms to look the sender up, 1.2 s of bookkeeping; without either bound the store's 2 s deadlines add
    // up past the webhook's 3 s and the texter gets the trouble reply, without the clinician alert.
    expect(slowest).toBeLessThan(3_000);
    const gaveUp = line.logLines.filter((l) => l.includes('crisis bookkeeping failed or was slow')).length;
    expect(gaveUp).toBe(100);
  });
});

describe('with half of PutEvents entries refused (bus=partial50)', () => {
  const TRIALS = 200;
  const clock = movableClock();
  /**
   * A caller waiting in the queue with a volunteer's phone ringing for them, as the dispatcher leaves it: the
   * volunteer on offer for this caller (off shift, so no pass rings them for anyone else) and the offer stored.
   */
  async function waitingWithOffer(n: number): Promise<{ contactId: string; volunteerId: string }> {
    const contactId = callContactId(line, callSid(n));
    const volunteerId = `vol-drill-${n}`;
    const phone = `+1555020${String(n).padStart(4, '0')}`;
    const now = clock.now();
    await line.store.putVolunteer({
      volunteerId,
      name: volunteerId,
      phoneSealed: line.core.vault.seal(phone),
      phoneKey: line.core.vault.keyOf(phone),
      languages: ['en'],
      active: true,
      maxTextSessions: 1,
      onShift: false,
      state: 'offered',
      contactId,
      idleSince: 0,
      missedOffers: 0,
      version: 1,
    });
    await line.store.createContact({
      contactId,
      channel: 'voice',
      language: 'en',
      status: 'queued',
      callerKey: `key-${n}`,
      callSid: callSid(n),
      startedAt: now,
      queuedAt: now,
      offersOutstanding: 1,
      offerRound: 1,
      liveUntil: now + 86_400_000,
    });
    await line.store.putOffers([
      {
        contactId,
        volunteerId,
        channel: 'voice',
        callSid: callSid(100_000 + n),
        status: 'ringing',
        offeredAt: now,
      },
    ]);
    return { contactId, volunteerId };
  }

  /**
   * Runs the minute tick (outbox redelivery and repairs from state) until `done` holds, a minute apart on the
   * line's clock. Bookkeeping a webhook stopped waiting for may still be writing to the outbox, so an empty
   * outbox alone does not mean done.
   */
  async function tickUntil(done: () => boolean): Promise<number> {
    let ticks = 0;
    await waitFor(
      async () => {
        ticks++;
        clock.advance(60_000);
        await line.tick();
        await line.idle();
        return done();
      },
      'every event to be delivered',
      60_000,
    );
    return ticks;
  }

  const published = (type: LineEvent['type'], contactId: string) =>
    line.bus.published.filter((e) => e.type === type && 'contactId' in e && e.contactId === contactId);

  it('drops 0 of 200 accepted calls: every volunteer joins the room and every ContactConnected is delivered', async () => {
    line = await startTestLine({ seed: false, clock });
    const offers: { contactId: string; volunteerId: string }[] = [];
    for (let n = 0; n < TRIALS; n++) offers.push(await waitingWithOffer(n));
    line.faults.active = { bus: 'partial50' };

    // Ten at a time: this drill is about the bus, and more would make the 2-core machine's store the fault.
    const results = await trials(TRIALS, 10, (n) => {
      const offer = offers[n] ?? { contactId: '', volunteerId: '' };
      return post(`/twilio/voice/offer-input?c=${offer.contactId}&v=${offer.volunteerId}`, {
        ...callFields(callSid(100_000 + n), line.config.LINE_NUMBER, '+15550100001'),
        CallStatus: 'in-progress',
        Digits: '1',
      });
    });
    const joined = results.filter((r) => r.value.body.includes(`<Conference`)).length;
    const refusedEntries = line.logLines.filter((l) => l.includes('some events were not accepted')).length;
    // Every volunteer was answered with the room before any redelivery: nobody was dropped at the accept.
    expect(joined).toBe(TRIALS);
    const rounds = await tickUntil(() =>
      offers.every((o) => published('ContactConnected', o.contactId).length > 0),
    );
    // A publish that timed out after the bus took it is resent: consumers see a few events twice, never none.
    const connected = offers.map((o) => published('ContactConnected', o.contactId).length);
    console.log(
      `bus=partial50: ${joined}/${TRIALS} volunteers joined, ${connected.filter((c) => c > 0).length}/${TRIALS} ` +
        `ContactConnected delivered (${connected.filter((c) => c > 1).length} twice), ${refusedEntries} partial ` +
        `PutEvents answers, ${rounds} ticks to deliver all`,
    );
    expect(refusedEntries).toBeGreaterThan(0);
    expect(joined).toBe(TRIALS);
    expect(connected.filter((c) => c === 0)).toEqual([]);
    for (const offer of offers)
      expect((await line.store.getContact(offer.contactId))?.status).not.toBe('ended');
  }, 120_000);

  it('loses 0 of 200 escalation alerts: each press of 9 alerts the clinician exactly once', async () => {
    line = await startTestLine({ seed: false, clock });
    for (let n = 0; n < TRIALS; n++) await waitingWithOffer(n);
    line.faults.active = { bus: 'partial50' };

    // Ten at a time, as the accepted-call drill: a loaded two-core runner starves the embedded store past its
    // deadlines with more, which drills the machine rather than the line.
    const results = await trials(TRIALS, 10, pressNine);
    const clinician = line.simulator.phone(line.config.CLINICIAN_NUMBER);
    const alertCount = () =>
      clinician.messages.filter((m) => m.body.includes('escalated to the crisis line')).length;
    const rounds = await tickUntil(() => alertCount() >= TRIALS);
    const alerts = alertCount();
    const escalated = Array.from(
      { length: TRIALS },
      (_, n) => published('ContactEscalated', callContactId(line, callSid(n))).length,
    );
    console.log(
      `bus=partial50: ${results.filter((r) => dialsCrisis(r.value.body)).length}/${TRIALS} dialled, ` +
        `${alerts}/${TRIALS} clinician alerts (exactly one each), ${escalated.filter((c) => c > 0).length}/${TRIALS} ` +
        `ContactEscalated delivered (${escalated.filter((c) => c > 1).length} twice), ${rounds} ticks to deliver all`,
    );
    expect(results.every((r) => dialsCrisis(r.value.body))).toBe(true);
    expect(escalated.filter((c) => c === 0)).toEqual([]);
    // The notifier's once-per-contact key turns at-least-once delivery into exactly one alert.
    expect(alerts).toBe(TRIALS);
  }, 120_000);
});
