// The SMS side of the webhook app, wired to the text flows.
import type { EventPublisher } from '../../flows/ports.js';
import { handleIncomingText } from '../../flows/sms/incoming-text.js';
import type { SmsHandler } from '../webhook/webhook-app.js';
import { voiceDeps, type WarmlineCore } from './warmline.js';

export function smsHandler(core: WarmlineCore, events: EventPublisher): SmsHandler {
  const deps = { ...voiceDeps(core, events), surveys: core.surveys };
  return (input) => handleIncomingText(deps, input);
}
