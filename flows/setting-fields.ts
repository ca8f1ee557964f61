// Fields a setting can take both from the deploy configuration and from coordinators' edits, checked alike.
import { isKnownTimeZone } from './roster/local-time.js';
import * as z from './zod-mini.js';

export const TimeZoneSchema = z
  .string()
  .check(z.refine(isKnownTimeZone, { error: 'must be an IANA timezone such as America/New_York' }));

/** Twilio fetches hold audio itself: only https, so nothing on the way can swap what a caller hears. */
export const HoldAudioUrlSchema = z.url({
  protocol: /^https$/,
  error: 'must be an https:// address of an audio file',
});
