// Publishes line events to EventBridge, resending only the entries that failed (PutEvents fails per entry).
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { type LineEvent, LineEventSchema } from '../../flows/events.js';
import type { EventPublisher, Log } from '../../flows/ports.js';
import { type EventOrigin, eventSource } from '../event-rules.js';

export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    message: string,
    /** Exactly the events the bus did not accept: the outbox keeps these and no others. */
    readonly unpublished: readonly LineEvent[],
  ) {
    super(message);
  }
}

/** PutEvents takes at most 10 entries a call. */
const CHUNK = 10;

export interface EventPublisherOptions {
  readonly client: EventBridgeClient;
  readonly busName: string;
  readonly log: Log;
  /** Which function publishes: the rules route some events by it. */
  readonly origin: EventOrigin;
  readonly maxAttempts?: number;
  /** The whole publish, resends included: no more resends start after it (each call is bounded by the client). */
  readonly deadlineMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function createEventPublisher(options: EventPublisherOptions): EventPublisher {
  const { client, busName, log } = options;
  const source = eventSource(options.origin);
  const maxAttempts = options.maxAttempts ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /** `later`: entries of the following chunks, which are not sent once one chunk fails. */
  async function putChunk(
    entries: PutEventsRequestEntry[],
    later: readonly PutEventsRequestEntry[],
    giveUpAt: number,
  ): Promise<void> {
    let pending = entries;
    let attempt = 1;
    for (; attempt <= maxAttempts && Date.now() < giveUpAt; attempt++) {
      try {
        const result = await client.send(new PutEventsCommand({ Entries: pending }));
        if (!result.FailedEntryCount) return;
        // Entries come back in order; the failed ones carry an ErrorCode. If the answer does not say
        // which failed, all are sent again: a duplicate is harmless (consumers are idempotent), a loss is not.
        const failed = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode);
        if (failed.length) pending = failed;
        log.warn('some events were not accepted; resending them', { failed: pending.length, attempt });
      } catch (error) {
        log.warn('PutEvents failed', { attempt, error: error instanceof Error ? error.name : 'unknown' });
      }
      if (attempt < maxAttempts) await sleep(50 * 2 ** (attempt - 1));
    }
    const unpublished = [...pending, ...later].map((entry) => JSON.parse(entry.Detail ?? '{}') as LineEvent);
    throw new PublishError(
      `${unpublished.length} event(s) not published after ${attempt - 1} attempts`,
      unpublished,
    );
  }

  return {
    async publish(events: readonly LineEvent[]): Promise<void> {
      const entries = events.map((event) => {
        const valid = LineEventSchema.parse(event);
        return {
          EventBusName: busName,
          Source: source,
          DetailType: valid.type,
          Detail: JSON.stringify(valid),
        };
      });
      const giveUpAt = Date.now() + (options.deadlineMs ?? Number.POSITIVE_INFINITY);
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        await putChunk(chunk, entries.slice(i + chunk.length), giveUpAt);
      }
    },
  };
}
