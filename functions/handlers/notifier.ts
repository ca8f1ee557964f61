// Lambda entry for the notifier: texts the clinician, coordinators and paused volunteers.
import type { EventBridgeEvent } from 'aws-lambda';
import { handleNotification } from '../../flows/notify/notifier.js';
import { bootInAws } from '../app/aws-boot.js';
import { parseDelivery } from '../app/eventbridge-event.js';
import { twilioTelephonyFor } from '../app/twilio-telephony-for.js';
import { createLogger } from '../logging/logger.js';
import { atHandlerBoundary } from './handler-boundary.js';

const log = createLogger({ service: 'notifier' });
const ready = bootInAws('notifier', 'notifier', process.env).then(({ core }) => ({
  store: core.store,
  vault: core.vault,
  log: core.log,
  telephony: twilioTelephonyFor(core),
}));
// A failed boot is reported by the first invocation, through the boundary, not as an unhandled rejection.
ready.catch(() => undefined);

export const handler = atHandlerBoundary(
  'notifier',
  log,
  async (delivery: EventBridgeEvent<string, unknown>): Promise<void> => {
    const parsed = parseDelivery(delivery);
    if (parsed.kind === 'event') await handleNotification(await ready, parsed.event);
  },
);
