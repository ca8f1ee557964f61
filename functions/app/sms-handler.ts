// The SMS side of the webhook app, wired to the text flows.
import type { EventPublisher } from '../../flows/ports.js';
import { handleIncomingText } from '../../flows/sms/incoming-text.js';
import type { SmsHandler } from '../webhook/webhook-app.js';
import type { WarmlineCore } from './warmline.js';

export function smsHandler(core: WarmlineCore, events: EventPublisher): SmsHandler {
  const deps = { events, clock: core.clock, log: core.log, defaults: core.defaults };
  return (input) => handleIncomingText(deps, input);
}
