// The dispatcher run in-process on what a webhook publishes: every event still reaches the bus, and what the
// dispatch cannot finish (a failure, or a hang past its budget) is handed to the dispatcher function.
import { describe, expect, it } from 'vitest';
import type { LineEvent } from '../../../flows/events.js';
import { dispatchingInline } from '../../../functions/events/inline-dispatch.js';
import { silentLog } from '../../support/silent-log.js';

const queued: LineEvent = { type: 'ContactQueued', contactId: 'v-1', channel: 'voice', language: 'en' };
const connected: LineEvent = {
  type: 'ContactConnected',
  contactId: 'v-2',
  channel: 'voice',
  volunteerId: 'ana',
};
const paused: LineEvent = { type: 'VolunteerPaused', volunteerId: 'ana', missedOffers: 3 };

function recorder() {
  const published: LineEvent[] = [];
  return { published, publish: async (events: readonly LineEvent[]) => void published.push(...events) };
}

function inline(dispatch: (event: LineEvent) => Promise<void>, budgetMs = 1_500) {
  const bus = recorder();
  const handoff = recorder();
  const log = silentLog();
  return { bus, handoff, log, publisher: dispatchingInline({ bus, handoff, dispatch, log, budgetMs }) };
}

describe('dispatchingInline', () => {
  it("dispatches the dispatcher's events in-process, publishes every event, and hands off nothing", async () => {
    const dispatched: string[] = [];
    const { bus, handoff, publisher } = inline(async (event) => void dispatched.push(event.type));

    await publisher.publish([queued, paused, connected]);

    expect(dispatched).toEqual(['ContactQueued', 'ContactConnected']);
    expect(bus.published).toEqual([queued, paused, connected]);
    expect(handoff.published).toEqual([]);
  });

  it('hands a failed dispatch to the dispatcher function and still dispatches the next event', async () => {
    const dispatched: string[] = [];
    const { handoff, log, publisher } = inline(async (event) => {
      if (event === queued) throw new Error('Twilio down');
      dispatched.push(event.type);
    });

    await publisher.publish([queued, connected]);

    expect(dispatched).toEqual(['ContactConnected']);
    expect(handoff.published).toEqual([queued]);
    expect(log.lines.join('\n')).toContain('handing it to the dispatcher');
  });

  it('answers within its budget when the dispatch hangs, handing the unfinished events off', async () => {
    const { bus, handoff, publisher } = inline(() => new Promise<void>(() => {}), 100);
    const started = performance.now();

    await publisher.publish([queued, connected]);

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(bus.published).toEqual([queued, connected]);
    expect(handoff.published).toEqual([queued, connected]);
  });
});
