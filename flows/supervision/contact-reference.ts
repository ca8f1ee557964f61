// The short reference a supervisor types to name a live contact (LISTEN 40213): shown on the live board and in
// SUPPORT texts. Five digits from the contact id, which is already a keyed hash, so it says nothing about anyone.
import type { Contact } from '../model.js';

const DIGITS = 5;

export function contactReference(contactId: string): string {
  const hex = contactId.replace(/^[a-z]-/, '').slice(0, 8);
  const value = Number.parseInt(hex, 16);
  const number = Number.isNaN(value) ? 0 : value % 10 ** DIGITS;
  return String(number).padStart(DIGITS, '0');
}

export const REFERENCE_PATTERN = new RegExp(`^\\d{${DIGITS}}$`);

/**
 * The live contact a reference names, or why none: two live contacts sharing a reference (one in 100,000 per
 * pair) are refused rather than guessed between.
 */
export function findByReference(
  live: readonly Contact[],
  reference: string,
): { kind: 'found'; contact: Contact } | { kind: 'unknown' | 'ambiguous' } {
  const matches = live.filter((contact) => contactReference(contact.contactId) === reference);
  const [only] = matches;
  if (!only) return { kind: 'unknown' };
  return matches.length === 1 ? { kind: 'found', contact: only } : { kind: 'ambiguous' };
}
