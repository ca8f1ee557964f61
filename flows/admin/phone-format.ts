// Volunteer phone numbers: normalised to E.164 on the way in, shown only masked on the way out.
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: string };

/** Accepts national or international forms; national ones are read in the line's home country. */
export function normalisePhone(input: string, defaultCountry: CountryCode = 'US'): PhoneCheck {
  const parsed = parsePhoneNumberFromString(input, defaultCountry);
  if (!parsed?.isPossible()) {
    return { ok: false, message: 'must be a phone number, such as +1 202 555 0142 or (202) 555-0142' };
  }
  if (!parsed.isValid()) {
    return { ok: false, message: 'is not a number in use in its country; check the area code and digits' };
  }
  return { ok: true, e164: parsed.number };
}

/** "•••• 0142": enough to tell two volunteers apart, too little to call anyone. */
export function maskPhone(e164: string): string {
  return `•••• ${e164.slice(-4)}`;
}

/** Whether a CSV cell is the masked form we exported (meaning: keep the stored number). */
export function isMaskedPhone(value: string): boolean {
  return /^•+\s*\d{0,4}$/.test(value.trim());
}
