// Lambda entry for the notifier: texts the clinician, coordinators and paused volunteers.
import type { EventBridgeEvent } from 'aws-lambda';
import { handleNotification } from '../../flows/notify/notifier.js';
import { bootInAws } from '../app/aws-boot.js';
import { parseDelivery } from '../app/eventbridge-event.js';
import { twilioTelephonyFor } from '../app/twilio-telephony-for.js';

const ready = bootInAws('notifier', process.env).then(({ core }) => ({
  store: core.store,
  vault: core.vault,
  log: core.log,
  telephony: twilioTelephonyFor(core),
}));

export async function handler(delivery: EventBridgeEvent<string, unknown>): Promise<void> {
  const parsed = parseDelivery(delivery);
  if (parsed.kind === 'event') await handleNotification(await ready, parsed.event);
}
