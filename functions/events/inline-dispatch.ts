// The dispatcher in-process, on the events a function publishes itself: ringing volunteers, bridging a caller
// and releasing the other offers happen inside the webhook that caused them, so no second function (and no
// second cold start) sits on the caller's ear. The bus still carries every event to the log and the notifier.
// What fails or outlasts its budget is handed to the dispatcher function through the bus, which retries it
// and parks it in the dead-letter queue at worst; the dispatcher takes repeats as no-ops, as it must for
// EventBridge's at-least-once delivery.
import type { LineEvent } from '../../flows/events.js';
import type { EventPublisher, Log } from '../../flows/ports.js';
import { within } from '../../flows/within.js';
import { DISPATCHER_EVENTS } from '../event-rules.js';
import { errorSummary } from '../handlers/handler-boundary.js';

const DISPATCHED: ReadonlySet<string> = new Set(DISPATCHER_EVENTS);

/** How long a publish waits on its dispatch: a hung REST call must not hold the caller's reply past the deadline. */
export const INLINE_DISPATCH_BUDGET_MS = 1_500;

export interface InlineDispatchOptions {
  readonly bus: EventPublisher;
  /** Publishes to the dispatcher function (the rules route the `handoff` origin to it). */
  readonly handoff: EventPublisher;
  readonly dispatch: (event: LineEvent) => Promise<void>;
  readonly log: Log;
  readonly budgetMs?: number;
}

export function dispatchingInline(options: InlineDispatchOptions): EventPublisher {
  const { bus, handoff, dispatch, log } = options;
  return {
    async publish(events) {
      const unfinished = new Set(events.filter((event) => DISPATCHED.has(event.type)));
      const dispatchAll = async () => {
        for (const event of unfinished) {
          try {
            await dispatch(event);
            unfinished.delete(event);
          } catch (error) {
            // The class and code only: Twilio's error texts name the numbers they refused.
            log.error('inline dispatch failed; handing it to the dispatcher', {
              type: event.type,
              ...errorSummary(error),
            });
          }
        }
      };
      await Promise.all([
        bus.publish(events),
        within(dispatchAll(), options.budgetMs ?? INLINE_DISPATCH_BUDGET_MS),
      ]);
      if (unfinished.size > 0) await handoff.publish([...unfinished]);
    },
  };
}
