// Events that must happen survive a failed publish: what the bus refused is kept in the table and resent.
//
// Main course: publish -> the bus accepts everything -> nothing is written.
// Alternate courses: the bus refuses some entries (or is down, or too slow) -> exactly those events go to an
// outbox item, counted on the line record; the minute tick, seeing the count above the one it last emptied
// the outbox at, takes each item (a conditional delete, so two ticks never both resend it) and publishes it
// again, putting it back if the bus still refuses. A count that was lost with the item kept -> the tick's
// sweep every few minutes finds it. The store down too -> logged, and the caller
// or volunteer still hears what the flow decided: a publish never changes a reply.
import type { LineEvent } from '../../flows/events.js';
import type { Clock, EventPublisher, IdSource, Log, OutboxMark } from '../../flows/ports.js';
import { PublishError } from './event-publisher.js';

export interface OutboxItem {
  readonly id: string;
  readonly at: number;
  readonly events: readonly LineEvent[];
}

export interface OutboxStore {
  putOutbox(item: OutboxItem): Promise<void>;
  listOutbox(limit: number): Promise<OutboxItem[]>;
  /** True for the one caller that removed the item. */
  takeOutbox(item: OutboxItem): Promise<boolean>;
  /** The outbox held nothing kept up to `kept`. */
  noteOutboxEmptied(kept: number): Promise<void>;
}

export interface OutboxPublisher extends EventPublisher {
  /**
   * Resends what the bus refused earlier; returns how many events were accepted this time. `mark`, as the
   * line record had it: nothing kept since the outbox was emptied -> no look, but for the periodic sweep.
   */
  redeliver(mark: OutboxMark | undefined): Promise<number>;
}

const ITEMS_PER_TICK = 100;
/** How often the tick looks in the outbox whatever the count says, for an item whose count was lost. */
export const OUTBOX_SWEEP_MS = 5 * 60_000;

export function createOutboxPublisher(options: {
  readonly bus: EventPublisher;
  readonly store: OutboxStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly log: Log;
}): OutboxPublisher {
  const { bus, store, clock, ids, log } = options;
  // Per container: a new one sweeps on its first tick.
  let sweptAt = Number.NEGATIVE_INFINITY;

  async function keep(events: readonly LineEvent[]): Promise<void> {
    try {
      await store.putOutbox({ id: ids.newId(), at: clock.now(), events });
      log.warn('events kept in the outbox for the tick to resend', { count: events.length });
    } catch (error) {
      log.error('events lost: neither the bus nor the outbox took them', {
        types: [...new Set(events.map((event) => event.type))].join(','),
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  return {
    async publish(events) {
      try {
        await bus.publish(events);
      } catch (error) {
        await keep(error instanceof PublishError ? error.unpublished : events);
      }
    },
    async redeliver(mark) {
      const now = clock.now();
      const pending = mark === undefined || mark.kept > mark.emptiedAt;
      if (!pending && now - sweptAt < OUTBOX_SWEEP_MS) return 0;
      sweptAt = now;
      const items = await store.listOutbox(ITEMS_PER_TICK);
      let accepted = 0;
      for (const item of items) {
        if (!(await store.takeOutbox(item))) continue;
        try {
          await bus.publish(item.events);
          accepted += item.events.length;
        } catch (error) {
          const refused = error instanceof PublishError ? error.unpublished : item.events;
          accepted += item.events.length - refused.length;
          await keep(refused);
        }
      }
      // Whatever was kept since `mark` was read counts above it, so the next tick still looks.
      if (mark && mark.kept > mark.emptiedAt && items.length < ITEMS_PER_TICK)
        await store.noteOutboxEmptied(mark.kept);
      return accepted;
    },
  };
}
