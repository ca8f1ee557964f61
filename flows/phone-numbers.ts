// The one definition of the numbers the line dials and texts: settings, the deploy context, the runtime
// configuration and the crisis paths all check numbers with these.
import * as z from './zod-mini.js';

/** E.164: a plus, a country code, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
/** What the line may dial: an E.164 number, or a short code such as 988. */
export const DIALABLE_PATTERN = /^(\+[1-9]\d{6,14}|\d{3,8})$/;

export const E164Schema = z
  .string()
  .check(z.regex(E164_PATTERN, 'must be an E.164 phone number such as +15551230000'));
export const DialableSchema = z
  .string()
  .check(z.regex(DIALABLE_PATTERN, 'must be an E.164 number or a short code such as 988'));
