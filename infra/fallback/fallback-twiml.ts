// The static fallback TwiML files, with the voice file's <Dial> pointed at the deployment's crisis number.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIALABLE_PATTERN } from '../../flows/phone-numbers.js';

/** Object keys in the console bucket, so the URLs are <console>/fallback.xml and <console>/fallback-sms.xml. */
export const VOICE_FALLBACK_KEY = 'fallback.xml';
export const SMS_FALLBACK_KEY = 'fallback-sms.xml';

const DIAL = /<Dial([^>]*)>[^<]*<\/Dial>/;

// The comments document the files for maintainers; Twilio gets the declaration and the TwiML alone.
const readFallback = (key: string): string =>
  `${readFileSync(fileURLToPath(new URL(key, import.meta.url)), 'utf8')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .trim()}\n`;

export function renderVoiceFallback(crisisNumber: string): string {
  // The number lands inside XML: only digits and a leading + may pass, so nothing needs escaping.
  if (!DIALABLE_PATTERN.test(crisisNumber)) throw new Error('crisis number must be E.164 or a short code');
  const template = readFallback(VOICE_FALLBACK_KEY);
  if (!DIAL.test(template)) throw new Error(`${VOICE_FALLBACK_KEY} must contain a <Dial> to the crisis line`);
  return template.replace(DIAL, `<Dial$1>${crisisNumber}</Dial>`);
}

export function readSmsFallback(): string {
  return readFallback(SMS_FALLBACK_KEY);
}
