// One answered call as a real one goes: two minutes on hold while every volunteer is busy, then twenty minutes
// of talk, in simulated time, with everything every function did for it and the Twilio minutes it used.
import type { Clock } from '../flows/ports.js';
import { SPEAKING_WORDS_PER_SECOND } from '../infra/local/simulator/simulator.js';
import {
  addUsage,
  type FunctionName,
  type Invocation,
  noUsage,
  UsageMeter,
} from '../infra/local/usage-meter.js';
import { answeredCall, startMeteredLine } from './steps.js';

export interface AnsweredCallFigures {
  readonly dynamoCalls: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly failedConditions: number;
  readonly webhooks: number;
  readonly restCalls: number;
  readonly events: number;
  /** Functions a request or an event started between the caller's first webhook and the bridge. */
  readonly coldStarts: number;
  readonly functionsOnTheEar: readonly FunctionName[];
  /**
   * Scheduled work on that path: here the minute tick rings the volunteer whose wrap-up ended during the hold.
   * It runs every minute, so its container is warm.
   */
  readonly scheduledOnTheEar: readonly string[];
  /** Every answered leg, each billed by the started minute. */
  readonly twilioLegMinutes: number;
  readonly waitMinutes: number;
  readonly talkMinutes: number;
  /** Every invocation the call caused, for the cost model. */
  readonly invocations: readonly Invocation[];
}

const WAIT_MS = 2 * 60_000;
const TALK_MS = 20 * 60_000;
/** Simulated time runs this much faster than real time, for the line and the simulator alike. */
const SPEED_UP = 50;

export async function measureAnsweredCall(): Promise<AnsweredCallFigures> {
  const meter = new UsageMeter();
  const start = Date.now();
  const clock: Clock = { now: () => start + (Date.now() - start) * SPEED_UP };
  // Spoken at Twilio's pace, so a hold turn lasts its words and its pause as on a real call.
  const line = await startMeteredLine(
    meter,
    {},
    { timeScale: 1 / SPEED_UP, clock, wordsPerSecond: SPEAKING_WORDS_PER_SECOND },
  );
  try {
    // Everyone is finishing another conversation: the caller waits until the tick finds someone free.
    for (const volunteer of line.volunteers)
      await line.store.updateVolunteer(volunteer.volunteerId, {
        set: { state: 'wrapup', wrapUntil: clock.now() + WAIT_MS },
      });
    // The tick has run before, every minute: its container has swept the outbox already, as a warm one has.
    // Its line read is its own container's: the webhook's starts the call without it.
    await line.tick();
    await line.idle();
    line.store.forgetLine();
    const first = meter.invocations.length;
    const legsBefore = line.simulator.calls().length;
    await answeredCall(line, 0, {
      beforeOffer: async () => {
        await line.simulator.wait(WAIT_MS);
        await line.tick();
      },
      talkMs: TALK_MS,
    });
    const invocations = meter.invocations.slice(first);
    const total = invocations.reduce((sum, i) => addUsage(sum, i), noUsage());
    // The accept webhook bridges the caller itself (inline TwiML on the caller's leg): the ear ends there.
    const bridged = invocations.findIndex((i) => i.fn === 'twilio-webhook' && i.step === 'offerInput');
    const onTheEar = invocations.slice(0, bridged >= 0 ? bridged + 1 : invocations.length);
    // The minute tick keeps its own function warm; what requests and events start can be cold.
    const onDemand = [...new Set(onTheEar.filter((i) => i.fn !== 'tick').map((i) => i.fn))];
    const scheduled = [...new Set(onTheEar.filter((i) => i.fn === 'tick').map((i) => i.step))];
    const legMinutes = line.simulator
      .calls()
      .slice(legsBefore)
      .filter((leg) => leg.answeredAt !== undefined)
      .reduce(
        (sum, leg) =>
          sum + Math.ceil((((leg.endedAt ?? Date.now()) - (leg.answeredAt ?? 0)) * SPEED_UP) / 60_000),
        0,
      );
    return {
      ...total,
      webhooks: invocations.filter((i) => i.fn === 'twilio-webhook').length,
      coldStarts: onDemand.length,
      functionsOnTheEar: onDemand,
      scheduledOnTheEar: scheduled,
      twilioLegMinutes: legMinutes,
      waitMinutes: WAIT_MS / 60_000,
      talkMinutes: TALK_MS / 60_000,
      invocations,
    };
  } finally {
    await line.close();
  }
}
