// Lambda entry for the dispatcher: line events and the minute tick.
import type { EventBridgeEvent } from 'aws-lambda';
import { handleLineEvent } from '../../flows/dispatch/dispatcher.js';
import { runTick, type TickDeps } from '../../flows/dispatch/tick.js';
import { bootInAws } from '../app/aws-boot.js';
import { parseDelivery } from '../app/eventbridge-event.js';
import { twilioTelephonyFor } from '../app/twilio-telephony-for.js';
import { dispatchDeps } from '../app/warmline.js';
import { createAdminStore, rosterSource } from '../store/admin-store.js';

const ready = bootInAws('dispatcher', process.env).then(
  ({ core, events }): TickDeps => ({
    ...dispatchDeps(core, events, twilioTelephonyFor(core)),
    roster: rosterSource(createAdminStore(core.config)),
    outbox: events,
  }),
);

export async function handler(delivery: EventBridgeEvent<string, unknown>): Promise<void> {
  const deps = await ready;
  const parsed = parseDelivery(delivery);
  if (parsed.kind === 'tick') {
    const report = await runTick(deps);
    deps.log.info('tick', { ...report });
  } else {
    await handleLineEvent(deps, parsed.event);
  }
}
