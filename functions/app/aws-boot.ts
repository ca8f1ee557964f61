// Cold start of the event-driven Lambdas and the webhook: the shared core, and the publishers they send through.
import type { EventOrigin } from '../event-rules.js';
import type { OutboxPublisher } from '../events/outbox.js';
import { bootCoreInAws, type WarmlineCore, withOutbox } from './composition-root.js';

export interface AwsWarmline {
  readonly core: WarmlineCore;
  /** Publishes to the bus; what it refuses waits in the outbox for the tick. */
  readonly events: OutboxPublisher;
  /** The same, as `handoff`: to the dispatcher function, for what an in-process dispatch left undone. */
  readonly handoff: OutboxPublisher;
}

export async function bootInAws(
  service: string,
  origin: EventOrigin,
  env: Record<string, string | undefined>,
): Promise<AwsWarmline> {
  const core = await bootCoreInAws(service, env);
  return { core, events: withOutbox(core, origin), handoff: withOutbox(core, 'handoff') };
}
