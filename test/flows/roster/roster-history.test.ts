// The roster as it was: a range spanning roster edits counts each stretch with the version in force then.
import { describe, expect, it } from 'vitest';
import { occurrencesAsRostered } from '../../../flows/roster/roster-history.js';
import { type Roster, RosterSchema } from '../../../flows/roster/roster-schema.js';

const TZ = 'America/New_York';
const at = Date.parse;
const HOUR = 3_600_000;

const roster = (input: unknown): Roster => RosterSchema.parse(input);
const hours = (occurrences: { startsAt: number; endsAt: number }[]) =>
  occurrences.reduce((sum, o) => sum + (o.endsAt - o.startsAt) / HOUR, 0);

// Mon 2026-11-23 to Mon 2026-11-30, New York (EST, UTC-5).
const WEEK = { fromMs: at('2026-11-23T05:00:00Z'), toMs: at('2026-11-30T05:00:00Z') };
const evenings = roster({
  weekly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
    shiftId: `eve-${day}`,
    volunteerId: 'ana',
    day,
    start: '18:00',
    end: '22:00',
  })),
});
const mondayOnly = roster({
  weekly: [{ shiftId: 'mon-day', volunteerId: 'ben', day: 'mon', start: '09:00', end: '17:00' }],
});

describe('occurrencesAsRostered', () => {
  it('counts a past week from the version in force then, not from one saved afterwards', () => {
    const versions = [
      { version: 1, effectiveFrom: at('2026-11-01T12:00:00Z'), roster: evenings },
      { version: 2, effectiveFrom: at('2026-12-01T12:00:00Z'), roster: mondayOnly },
    ];

    const found = occurrencesAsRostered(versions, WEEK.fromMs, WEEK.toMs, TZ);

    expect(hours(found)).toBe(28);
    expect(new Set(found.map((o) => o.volunteerId))).toEqual(new Set(['ana']));
  });

  it('switches versions at the instant of the edit, cutting a shift that was running', () => {
    // Wednesday 20:00 local: the evening shift running then stops counting, Ben's Mondays start.
    const versions = [
      { version: 1, effectiveFrom: 0, roster: evenings },
      { version: 2, effectiveFrom: at('2026-11-26T01:00:00Z'), roster: mondayOnly },
    ];

    const found = occurrencesAsRostered(versions, WEEK.fromMs, WEEK.toMs, TZ);

    // Mon and Tue evenings (8 h) and Wednesday 18:00-20:00 (2 h); Ben's next Monday is outside the week.
    expect(hours(found)).toBe(10);
    expect(found.at(-1)).toMatchObject({ shiftId: 'eve-wed', endsAt: at('2026-11-26T01:00:00Z') });
  });

  it('counts nothing before the first roster was saved', () => {
    const versions = [{ version: 1, effectiveFrom: at('2026-11-29T05:00:00Z'), roster: evenings }];

    expect(hours(occurrencesAsRostered(versions, WEEK.fromMs, WEEK.toMs, TZ))).toBe(4);
    expect(occurrencesAsRostered([], WEEK.fromMs, WEEK.toMs, TZ)).toEqual([]);
  });

  it('orders two saves of the same millisecond by version', () => {
    const instant = at('2026-11-20T00:00:00Z');
    const versions = [
      { version: 3, effectiveFrom: instant, roster: mondayOnly },
      { version: 2, effectiveFrom: instant, roster: evenings },
    ];

    expect(hours(occurrencesAsRostered(versions, WEEK.fromMs, WEEK.toMs, TZ))).toBe(8);
  });
});
