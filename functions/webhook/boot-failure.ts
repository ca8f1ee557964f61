// When the function cannot even start (configuration, secrets): still never leave a caller in silence.
import { DIALABLE_PATTERN } from '../../flows/phone-numbers.js';
import { crisisDialReply } from '../../flows/voice/crisis-dial.js';
import { callerTroubleReply, MAX_TROUBLE_LOOPS, smsTroubleReply } from '../../flows/voice/safe-reply.js';
import { TWILIO_PATHS } from '../../flows/webhook-paths.js';
import { callerTroubleQuery } from '../../flows/webhook-query.js';
import {
  formParams,
  textResponse,
  type WebRequest,
  type WebResponse,
  xmlResponse,
} from '../http/web-request.js';
import { renderSms, renderVoice } from '../twiml.js';

/**
 * Without configuration there is no auth token to check a signature with, so this answer is the same for
 * everyone and reveals nothing: the crisis number, and a dial to it on the crisis key.
 */
export function bootFailureResponse(
  request: WebRequest,
  env: {
    CRISIS_NUMBER?: string | undefined;
    LINE_NUMBER?: string | undefined;
    PUBLIC_BASE_URL?: string | undefined;
  },
): WebResponse {
  const crisisNumber =
    env.CRISIS_NUMBER && DIALABLE_PATTERN.test(env.CRISIS_NUMBER) ? env.CRISIS_NUMBER : '988';
  const path = request.rawPath;
  if (path === TWILIO_PATHS.smsIncoming)
    return xmlResponse(renderSms(smsTroubleReply(crisisNumber, crisisNumber, undefined)));
  if (!path.startsWith('/twilio/')) return textResponse(503, 'warmline is starting or misconfigured');
  const carried = callerTroubleQuery(new URLSearchParams(request.rawQuery));
  const language = carried.language;
  const params = formParams(request) ?? {};
  const baseUrl = (env.PUBLIC_BASE_URL ?? '').replace(/\/+$/, '');
  if (path === TWILIO_PATHS.voiceHoldInput && params.Digits === '9') {
    const lineNumber =
      env.LINE_NUMBER && DIALABLE_PATTERN.test(env.LINE_NUMBER) ? env.LINE_NUMBER : (params.To ?? '');
    return xmlResponse(
      renderVoice(
        crisisDialReply({ crisisNumber, crisisTextNumber: crisisNumber }, lineNumber, language),
        baseUrl,
      ),
    );
  }
  // Without a base URL there is nowhere to send the key press: say the number and let the caller go.
  const loops = baseUrl ? (carried.troubleLoops ?? 0) : MAX_TROUBLE_LOOPS;
  return xmlResponse(renderVoice(callerTroubleReply({ crisisNumber, language, loops }), baseUrl));
}
