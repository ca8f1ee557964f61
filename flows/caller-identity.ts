// Who a caller is to the log: the keyed hash of their number, unless they withheld it.
//
// A withheld caller ID reaches us as a word ("anonymous", "Restricted", "unknown") or as a fixed
// stand-in number (+266696687 spells ANONYMOUS). Hashing that would give every withheld caller one
// shared key: one block would shut them all out and they would all count as one repeat caller. So each
// withheld contact gets a key of its own that no later contact can share.
import type { PhoneVault } from './ports.js';

const WITHHELD_STAND_INS = new Set(['+266696687']);
const WITHHELD_PREFIX = 'withheld-';

export function isWithheldNumber(from: string): boolean {
  return !/^\+\d{7,15}$/.test(from) || WITHHELD_STAND_INS.has(from);
}

export function callerKeyFor(vault: Pick<PhoneVault, 'keyOf'>, from: string, contactId: string): string {
  return isWithheldNumber(from) ? `${WITHHELD_PREFIX}${contactId}` : vault.keyOf(from);
}

export const isWithheldKey = (callerKey: string): boolean => callerKey.startsWith(WITHHELD_PREFIX);
