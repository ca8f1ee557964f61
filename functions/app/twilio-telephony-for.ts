// The Twilio REST client for a line, for the functions that place or update calls and send texts.
import type { Telephony } from '../../flows/ports.js';
import type { TwilioHttp } from '../telephony/twilio-http-client.js';
import { createTwilioTelephony } from '../telephony/twilio-telephony.js';
import type { WarmlineCore } from './composition-root.js';

export function twilioTelephonyFor(core: WarmlineCore, httpClient?: TwilioHttp): Telephony {
  return createTwilioTelephony({
    ...(httpClient ? { httpClient } : {}),
    accountSid: core.config.TWILIO_ACCOUNT_SID,
    authToken: core.authToken,
    ...(core.config.TWILIO_API_BASE ? { apiBase: core.config.TWILIO_API_BASE } : {}),
    log: core.log,
    publicBaseUrl: core.config.PUBLIC_BASE_URL,
  });
}
