// What a stored contact keeps over its life, shared by both stores: live state void after liveUntil, a lean log.
import type { Contact } from '../../flows/model.js';

/**
 * A contact's live state: numbers, Twilio SIDs and message copies, void after `liveUntil`. TTL deletes late
 * (days in AWS, never in the embedded store), so every read drops them itself once that instant has passed.
 */
const LIVE_CONTACT_FIELDS = [
  'callerSealed',
  'callSid',
  'volunteerPhoneSealed',
  'relayedSids',
  'pendingSealed',
  'passSummarySealed',
  'readAlongSealed',
] as const satisfies readonly (keyof Contact)[];

/** What an ended contact never needs again and must not keep in the log. */
export const ENDED_DROPS = [
  'callSid',
  'relayedSids',
  'passSummarySealed',
  'readAlongSealed',
  'readAlongUntil',
] as const satisfies readonly (keyof Contact)[];

/** A contact as it may be used at `now`: without its live state once that has expired. */
export function liveContact(contact: Contact, now: number): Contact {
  if (contact.liveUntil > now) return contact;
  const copy: Record<string, unknown> = { ...contact };
  for (const field of LIVE_CONTACT_FIELDS) delete copy[field];
  return copy as unknown as Contact;
}
