// What a Twilio webhook must look like before anything reads its body: shared by Lambda and the local server.
import { TWILIO_PATHS, type TwilioPathName } from '../../flows/webhook-paths.js';
import { isFormContentType, type RequestHead, textResponse, type WebResponse } from '../http/web-request.js';

/**
 * Twilio's webhooks are small: an SMS body is at most 1,600 characters (under 20 KB even if every one is a
 * four-byte character percent-encoded), and voice callbacks carry a few dozen short fields. 64 KiB leaves
 * room for every field Twilio adds, and keeps a flood of large forgeries from costing memory or time.
 */
export const TWILIO_BODY_LIMIT_BYTES = 64 * 1024;

const ROUTE_BY_PATH = new Map<string, TwilioPathName>(
  Object.entries(TWILIO_PATHS).map(([name, path]) => [path, name as TwilioPathName]),
);

export function twilioRouteOf(rawPath: string): TwilioPathName | undefined {
  return ROUTE_BY_PATH.get(rawPath);
}

/**
 * The refusal for a webhook request that cannot be genuine, judged from its head alone (the cheapest checks
 * first: an unsigned request is refused before its size or type is even looked at), or undefined when its
 * body is worth reading. Paths that are not webhooks are left to the app (health, 404).
 */
export function screenWebhookHead(head: RequestHead): WebResponse | undefined {
  if (!twilioRouteOf(head.rawPath)) return undefined;
  if (head.method !== 'POST') return textResponse(405, 'Twilio webhooks are POST requests');
  if (!head.headers['x-twilio-signature']) return textResponse(400, 'missing X-Twilio-Signature header');
  if (!isFormContentType(head.headers['content-type']))
    return textResponse(415, 'Twilio webhooks are application/x-www-form-urlencoded');
  if (Number(head.headers['content-length'] ?? 0) > TWILIO_BODY_LIMIT_BYTES) return bodyTooLarge();
  return undefined;
}

export function bodyTooLarge(): WebResponse {
  return textResponse(413, 'request body too large');
}
