// The dispatcher in-process, on the events a function publishes itself: ringing volunteers, bridging a caller
// and releasing the other offers happen inside the webhook that caused them, so no second function (and no
// second cold start) sits on the caller's ear. The bus still carries every event to the log and the notifier.
import type { LineEvent } from '../../flows/events.js';
import type { EventPublisher, Log } from '../../flows/ports.js';
import { within } from '../../flows/within.js';
import { DISPATCHER_EVENTS } from '../event-rules.js';
import { errorSummary } from '../handlers/handler-boundary.js';

const DISPATCHED: ReadonlySet<string> = new Set(DISPATCHER_EVENTS);

/**
 * How long a publish waits on its dispatch. A hung REST call must not hold the caller's reply past the
 * webhook's deadline: the dispatch goes on, and the tick repairs whatever it leaves half done.
 */
export const INLINE_DISPATCH_BUDGET_MS = 1_500;

export interface InlineDispatchOptions {
  readonly bus: EventPublisher;
  readonly dispatch: (event: LineEvent) => Promise<void>;
  readonly log: Log;
  readonly budgetMs?: number;
}

export function dispatchingInline(options: InlineDispatchOptions): EventPublisher {
  const { bus, dispatch, log } = options;
  const dispatchAll = async (events: readonly LineEvent[]) => {
    for (const event of events) {
      if (!DISPATCHED.has(event.type)) continue;
      try {
        await dispatch(event);
      } catch (error) {
        // The class and code only: Twilio's error texts name the numbers they refused.
        log.error('inline dispatch failed', { type: event.type, ...errorSummary(error) });
      }
    }
  };
  return {
    async publish(events) {
      await Promise.all([
        bus.publish(events),
        within(dispatchAll(events), options.budgetMs ?? INLINE_DISPATCH_BUDGET_MS),
      ]);
    },
  };
}
