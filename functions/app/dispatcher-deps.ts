// What the dispatcher function runs on, in AWS and locally: line events, the tick, and what the tick publishes.
import type { TickDeps } from '../../flows/dispatch/tick.js';
import type { Telephony } from '../../flows/ports.js';
import type { OutboxPublisher } from '../events/outbox.js';
import { createAdminStore, rosterSource } from '../store/admin-store.js';
import type { WarmlineCore } from './composition-root.js';
import { dispatchDeps, publisherWithDispatch } from './warmline.js';

/** What the tick publishes (a contact it expired, a claim it found stuck) is dispatched in-process too. */
export function dispatcherDeps(
  core: WarmlineCore,
  events: OutboxPublisher,
  handoff: OutboxPublisher,
  telephony: Telephony,
): TickDeps {
  return {
    ...dispatchDeps(core, publisherWithDispatch(core, events, handoff, telephony), telephony),
    roster: rosterSource(createAdminStore(core.config)),
    outbox: events,
    surveys: core.surveys,
  };
}
