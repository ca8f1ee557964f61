// An in-process EventBridge: the same rules as the stack, delivered asynchronously, with retries and a DLQ.

import { type LineEvent, LineEventSchema } from '../../flows/events.js';
import type { EventPublisher, Log } from '../../flows/ports.js';
import { type EventOrigin, type EventTarget, eventRules } from '../../functions/event-rules.js';
import { errorSummary } from '../../functions/handlers/handler-boundary.js';

export type EventConsumer = (event: LineEvent) => Promise<void>;

/** Like the stack's target retry policy: a failing delivery is retried, then parked. */
const DELIVERY_ATTEMPTS = 3;

export interface DeadLetter {
  readonly target: EventTarget;
  readonly type: LineEvent['type'];
  readonly error: string;
}

export class LocalEventBus {
  private readonly consumers = new Map<EventTarget, EventConsumer>();
  private readonly inFlight = new Set<Promise<void>>();
  readonly published: LineEvent[] = [];
  readonly deadLetters: DeadLetter[] = [];
  private readonly listeners: ((event: LineEvent) => void)[] = [];

  constructor(private readonly log: Log) {}

  subscribe(target: EventTarget, consumer: EventConsumer): void {
    this.consumers.set(target, consumer);
  }

  onPublished(listener: (event: LineEvent) => void): void {
    this.listeners.push(listener);
  }

  /** A publisher for one function: the rules route some events by who published them. */
  from(origin: EventOrigin): EventPublisher {
    return { publish: (events) => this.publish(events, origin) };
  }

  async publish(events: readonly LineEvent[], origin: EventOrigin): Promise<void> {
    for (const raw of events) {
      const event = LineEventSchema.parse(raw);
      this.published.push(event);
      for (const listener of this.listeners) listener(event);
      const rules = eventRules.filter(
        (r) => r.detailTypes.includes(event.type) && (!r.origins || r.origins.includes(origin)),
      );
      for (const rule of rules) {
        this.track(this.deliver(rule.target, event));
      }
    }
  }

  /** Runs a target on its own, as the schedule does (the tick), tracked like any delivery. */
  invoke<T>(work: () => Promise<T>): Promise<T> {
    const run = work();
    this.track(
      run.then(
        () => undefined,
        // The class and code only: Twilio's error texts name the numbers they refused.
        (error) => this.log.error('scheduled work failed', errorSummary(error)),
      ),
    );
    return run;
  }

  /** Resolves once every delivery, and every delivery those caused, has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  isIdle(): boolean {
    return this.inFlight.size === 0;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async deliver(target: EventTarget, event: LineEvent): Promise<void> {
    const consumer = this.consumers.get(target);
    if (!consumer) return;
    // Deliveries are asynchronous, as with EventBridge: the publisher never waits on its consumers.
    await new Promise((resolve) => setImmediate(resolve));
    for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
      try {
        await consumer(event);
        return;
      } catch (error) {
        const name = error instanceof Error ? error.name : 'unknown';
        this.log.warn('event delivery failed', { target, type: event.type, attempt, error: name });
        if (attempt === DELIVERY_ATTEMPTS) this.deadLetters.push({ target, type: event.type, error: name });
      }
    }
  }
}
