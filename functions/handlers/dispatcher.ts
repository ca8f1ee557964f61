// Lambda entry for the dispatcher: line events and the minute tick.
import type { EventBridgeEvent } from 'aws-lambda';
import { handleLineEvent } from '../../flows/dispatch/dispatcher.js';
import { runTick } from '../../flows/dispatch/tick.js';
import { bootInAws } from '../app/aws-boot.js';
import { dispatcherDeps } from '../app/dispatcher-deps.js';
import { parseDelivery } from '../app/eventbridge-event.js';
import { twilioTelephonyFor } from '../app/twilio-telephony-for.js';
import { createLogger } from '../logging/logger.js';
import { atHandlerBoundary } from './handler-boundary.js';

const log = createLogger({ service: 'dispatcher' });
const ready = bootInAws('dispatcher', 'dispatcher', process.env).then(({ core, events, handoff }) =>
  dispatcherDeps(core, events, handoff, twilioTelephonyFor(core)),
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
