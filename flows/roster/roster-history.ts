// The roster as it was: each saved version is in effect from the instant it was saved until the next one,
// so a report on a past week counts the shifts rostered then, not the ones rostered today.
//
// Main course: the versions in effect during a range (the one in force at its start, then every one saved
// inside it) are cut into back-to-back stretches, and each stretch expands only its own version's shifts.
// Alternate courses: before the first version nothing was rostered; a dated change saved today for a past
// date does not rewrite that date (it was not on the roster then); two versions saved in the same
// millisecond follow their version numbers.
import { type ShiftOccurrence, shiftOccurrences } from './roster-calendar.js';
import type { Roster } from './roster-schema.js';

export interface RosterVersion {
  readonly version: number;
  /** The instant it was saved; 0 for a roster saved before versions were kept (taken as always in force). */
  readonly effectiveFrom: number;
  readonly roster: Roster;
}

/** Occurrences in [fromMs, toMs) as rostered at the time, each cut to the stretch its version was in force. */
export function occurrencesAsRostered(
  versions: readonly RosterVersion[],
  fromMs: number,
  toMs: number,
  timeZone: string,
): ShiftOccurrence[] {
  const ordered = [...versions].sort((a, b) => a.effectiveFrom - b.effectiveFrom || a.version - b.version);
  return ordered.flatMap((entry, index) => {
    const startsAt = Math.max(fromMs, entry.effectiveFrom);
    const endsAt = Math.min(toMs, ordered[index + 1]?.effectiveFrom ?? toMs);
    if (endsAt <= startsAt) return [];
    return shiftOccurrences(entry.roster, startsAt, endsAt, timeZone).map((occurrence) => ({
      ...occurrence,
      startsAt: Math.max(occurrence.startsAt, startsAt),
      endsAt: Math.min(occurrence.endsAt, endsAt),
    }));
  });
}
