// A surge through the whole local line: hundreds of simulated callers against tens of volunteers.
import type { Contact, Volunteer } from '../flows/model.js';
import type { Clock } from '../flows/ports.js';
import { contactIdForCall } from '../flows/voice/voice-deps.js';
import { startLocalWarmline } from '../infra/local/runner.js';
import type { SimCall } from '../infra/local/simulator/call-leg.js';
import { SPEAKING_WORDS_PER_SECOND } from '../infra/local/simulator/simulator.js';
import { addUsage, noUsage, type Usage, UsageMeter } from '../infra/local/usage-meter.js';
import { silentLog } from '../test/support/silent-log.js';

export interface SurgeOptions {
  readonly callers: number;
  readonly volunteers: number;
  /** Simulated seconds over which the callers arrive. */
  readonly arrivalSeconds: number;
  /** Simulated time runs this many times faster than real time, for the line and the simulator alike. */
  readonly speedUp: number;
  readonly talkSeconds: readonly [number, number];
  readonly maxWaitSeconds: number;
}

export interface SurgeFigures {
  readonly callers: number;
  readonly volunteers: number;
  readonly arrivalSeconds: number;
  readonly speedUp: number;
  readonly served: number;
  readonly overflowed: number;
  /** Callers who were neither served nor given the overflow: must be 0. */
  readonly lost: number;
  /** A volunteer on two conversations at once, or a contact with two volunteers: must be 0. */
  readonly doubleAssigned: number;
  /** Every outcome the callers' contacts ended with (or their status, if still live), so a loss can be read. */
  readonly outcomes: Record<string, number>;
  readonly wallS: number;
  /** Everything every function did during the surge, and the webhook invocations among it. */
  readonly usage: Usage;
  readonly webhooks: number;
  readonly invocations: number;
}

const READ_BATCH = 25;

/** The line's clock runs `speedUp` times faster than real time from the moment it is made. */
function fastClock(speedUp: number): Clock {
  const start = Date.now();
  return { now: () => start + (Date.now() - start) * speedUp };
}

/** A deterministic, even-looking spread of arrivals and talk times, so runs are comparable. */
function spread(index: number, [low, high]: readonly [number, number]): number {
  return low + ((index * 0.618_033_988_75) % 1) * (high - low);
}

export async function runSurge(options: SurgeOptions): Promise<SurgeFigures> {
  const meter = new UsageMeter();
  const timeScale = 1 / options.speedUp;
  const line = await startLocalWarmline({
    port: 0,
    seed: false,
    timeScale,
    clock: fastClock(options.speedUp),
    // Prompts take their words' time, as on Twilio, so a waiting caller's hold turns come round as often.
    wordsPerSecond: SPEAKING_WORDS_PER_SECOND,
    log: silentLog(),
    meter,
  });
  const started = Date.now();
  try {
    await line.store.saveSettings({
      hours: { alwaysOpen: true, windows: [], holidays: [] },
      maxWaitSeconds: options.maxWaitSeconds,
      overflow: { kind: 'resources' },
      wrapUpSeconds: 30,
    });
    const now = line.core.clock.now();
    for (let i = 0; i < options.volunteers; i++) {
      const phone = `+1555060${String(i).padStart(4, '0')}`;
      const volunteer: Volunteer = {
        volunteerId: `surge-${i}`,
        name: `Volunteer ${i}`,
        phoneSealed: line.core.vault.seal(phone),
        phoneKey: line.core.vault.keyOf(phone),
        languages: ['en', 'es'],
        active: true,
        maxTextSessions: 2,
        onShift: true,
        state: 'available',
        idleSince: now - i,
        missedOffers: 0,
        version: 1,
      };
      await line.store.putVolunteer(volunteer);
      await line.store.setOnShift(volunteer.volunteerId, true);
      void answerEveryCall(line.simulator.phone(phone));
    }
    const callers: Promise<void>[] = [];
    for (let i = 0; i < options.callers; i++) {
      const arrival = spread(i, [0, options.arrivalSeconds]);
      const talk = spread(i + 7, options.talkSeconds);
      callers.push(
        line.simulator
          .wait(arrival * 1000)
          .then(() =>
            callAndTalk(line.simulator.phone(`+1555070${String(i).padStart(4, '0')}`).dial(), talk),
          ),
      );
    }
    // The schedule's tick, once a simulated minute, as in the stack.
    let surging = true;
    void (async () => {
      while (surging) {
        await line.simulator.wait(60_000);
        if (surging) await line.tick().catch(() => undefined);
      }
    })();
    await Promise.all(callers);
    surging = false;
    await line.idle();
    // A few reads at a time: 500 at once time out on a loaded two-core machine's embedded store, which would
    // end the bench over its own bookkeeping rather than anything the line did.
    const inbound = line.simulator.calls().filter((call) => call.direction === 'inbound');
    const contacts: (Contact | undefined)[] = [];
    for (let at = 0; at < inbound.length; at += READ_BATCH)
      contacts.push(
        ...(await Promise.all(
          inbound
            .slice(at, at + READ_BATCH)
            .map((call) => line.store.getContact(contactIdForCall(line.core.vault, call.sid))),
        )),
      );
    const ended = contacts.filter((c): c is Contact => c !== undefined);
    return {
      callers: options.callers,
      volunteers: options.volunteers,
      arrivalSeconds: options.arrivalSeconds,
      speedUp: options.speedUp,
      served: ended.filter((c) => c.outcome === 'completed').length,
      overflowed: ended.filter((c) => c.outcome === 'overflowed').length,
      lost:
        options.callers - ended.filter((c) => c.outcome === 'completed' || c.outcome === 'overflowed').length,
      doubleAssigned: countDoubleAssignments(ended),
      outcomes: tally(contacts.map((c) => (c ? (c.outcome ?? c.status) : 'missing'))),
      wallS: (Date.now() - started) / 1000,
      usage: meter.invocations.reduce((sum, i) => addUsage(sum, i), noUsage()),
      webhooks: meter.invocations.filter((i) => i.fn === 'twilio-webhook').length,
      invocations: meter.invocations.length,
    };
  } finally {
    await line.close();
  }

  /** Talks for `talk` simulated seconds once connected; waits out the overflow otherwise. */
  async function callAndTalk(dialled: Promise<SimCall>, talk: number): Promise<void> {
    const call = await dialled;
    await line.simulator.until(
      () => call.conference !== undefined || call.isOver,
      'a connection or the end',
      3_600_000,
    );
    if (call.isOver) return;
    await line.simulator.wait(talk * 1000);
    await call.hangup();
  }

  async function answerEveryCall(phone: ReturnType<typeof line.simulator.phone>): Promise<void> {
    for (;;) {
      const call = await phone.waitForIncomingCall(3_600_000).catch(() => undefined);
      if (!call) return;
      void (async () => {
        // Not awaited: answer() settles only when the whole simulator is idle, which a surge never is.
        void call.answer();
        await line.simulator
          .until(() => call.isGathering || call.isOver, 'the whisper', 60_000)
          .catch(() => undefined);
        if (!call.isOver) await call.press('1');
      })();
    }
  }
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Overlapping conversations for one volunteer are double assignments. */
function countDoubleAssignments(contacts: readonly Contact[]): number {
  const byVolunteer = new Map<string, Contact[]>();
  for (const contact of contacts) {
    if (!contact.volunteerId || contact.answeredAt === undefined) continue;
    byVolunteer.set(contact.volunteerId, [...(byVolunteer.get(contact.volunteerId) ?? []), contact]);
  }
  let doubles = 0;
  for (const list of byVolunteer.values()) {
    const sorted = [...list].sort((a, b) => (a.answeredAt ?? 0) - (b.answeredAt ?? 0));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && (previous.endedAt ?? Number.POSITIVE_INFINITY) > (current.answeredAt ?? 0))
        doubles++;
    }
  }
  return doubles;
}
