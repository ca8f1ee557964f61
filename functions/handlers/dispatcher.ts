// Lambda entry for the dispatcher: line events and the minute tick.
import type { EventBridgeEvent } from 'aws-lambda';
import { handleLineEvent } from '../../flows/dispatch/dispatcher.js';
import { runTick, type TickDeps } from '../../flows/dispatch/tick.js';
import { bootInAws } from '../app/aws-boot.js';
import { parseDelivery } from '../app/eventbridge-event.js';
import { twilioTelephonyFor } from '../app/twilio-telephony-for.js';
import { dispatchDeps, publisherWithDispatch } from '../app/warmline.js';
import { createLogger } from '../logging/logger.js';
import { createAdminStore, rosterSource } from '../store/admin-store.js';
import { atHandlerBoundary } from './handler-boundary.js';

const log = createLogger({ service: 'dispatcher' });
const ready = bootInAws('dispatcher', 'dispatcher', process.env).then(
  ({ core, events, handoff }): TickDeps => {
    const telephony = twilioTelephonyFor(core);
    // What the tick publishes (a contact it expired, a claim it found stuck) is dispatched here, in-process.
    return {
      ...dispatchDeps(core, publisherWithDispatch(core, events, handoff, telephony), telephony),
      roster: rosterSource(createAdminStore(core.config)),
      outbox: events,
      surveys: core.surveys,
    };
  },
);
// A failed boot is reported by the first invocation, through the boundary, not as an unhandled rejection.
ready.catch(() => undefined);

export const handler = atHandlerBoundary(
  'dispatcher',
  log,
  async (delivery: EventBridgeEvent<string, unknown>): Promise<void> => {
    const deps = await ready;
    const parsed = parseDelivery(delivery);
    if (parsed.kind === 'tick') {
      const report = await runTick(deps);
      deps.log.info('tick', { ...report });
    } else {
      await handleLineEvent(deps, parsed.event);
    }
  },
);
