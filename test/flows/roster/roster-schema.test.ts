// Validation of hours and rosters: defaults that deploy as-is, and messages that name the problem.
import { describe, expect, it } from 'vitest';
import {
  LineHoursSchema,
  RosterSchema,
  ShiftOverrideSchema,
  WeeklyShiftSchema,
} from '../../../flows/roster/roster-schema.js';
import { TimeZoneSchema } from '../../../flows/setting-fields.js';
import { DEFAULT_LINE_HOURS } from '../../../flows/standard-settings.js';

function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('LineHoursSchema', () => {
  it('fills defaults for an empty object: closed, no windows, no holidays', () => {
    expect(LineHoursSchema.parse({})).toEqual({ alwaysOpen: false, windows: [], holidays: [] });
  });

  it('accepts the deploy-time defaults, which open every day', () => {
    const parsed = LineHoursSchema.parse(DEFAULT_LINE_HOURS);
    expect(new Set(parsed.windows.map((w) => w.day)).size).toBe(7);
  });

  it('accepts an overnight window and a window ending at 24:00', () => {
    const result = LineHoursSchema.safeParse({
      windows: [
        { day: 'fri', start: '20:00', end: '02:00' },
        { day: 'sat', start: '08:00', end: '24:00' },
      ],
    });
    expect(result.success).toBe(true);
  });

  it('names the window whose start equals its end', () => {
    const result = LineHoursSchema.safeParse({ windows: [{ day: 'mon', start: '09:00', end: '09:00' }] });
    expect(messages(result)).toEqual([
      'windows.0.end: end must differ from start (an end earlier than the start runs overnight into the next day)',
    ]);
  });

  it('rejects 24:00 as a start, 25:00 anywhere and a made-up weekday', () => {
    const result = LineHoursSchema.safeParse({
      windows: [
        { day: 'mon', start: '24:00', end: '08:00' },
        { day: 'tue', start: '09:00', end: '25:00' },
        { day: 'funday', start: '09:00', end: '10:00' },
      ],
    });
    expect(messages(result)).toEqual([
      'windows.0.start: must be a 24-hour time "HH:MM" between 00:00 and 23:59',
      'windows.1.end: must be a 24-hour time "HH:MM" between 00:00 and 24:00',
      'windows.2.day: must be a weekday: mon, tue, wed, thu, fri, sat or sun',
    ]);
  });

  it('rejects a holiday that is not a real date', () => {
    const result = LineHoursSchema.safeParse({ holidays: ['2026-02-30'] });
    expect(messages(result)).toEqual(['holidays.0: must be a calendar date "YYYY-MM-DD" such as 2026-11-26']);
  });
});

describe('TimeZoneSchema', () => {
  it('accepts IANA zones and rejects unknown ones', () => {
    expect(TimeZoneSchema.safeParse('America/New_York').success).toBe(true);
    expect(messages(TimeZoneSchema.safeParse('Eastern'))).toEqual([
      ': must be an IANA timezone such as America/New_York',
    ]);
  });
});

describe('shift schemas', () => {
  it('accepts an overnight weekly shift', () => {
    const shift = { shiftId: 's1', volunteerId: 'v1', day: 'sat', start: '22:00', end: '06:00' };
    expect(WeeklyShiftSchema.parse(shift)).toEqual(shift);
  });

  it('names the unknown override kind', () => {
    const result = ShiftOverrideSchema.safeParse({ kind: 'trade', shiftId: 's1', date: '2026-03-07' });
    expect(messages(result)).toEqual(['kind: kind must be one of cancel, cover, swap or extra']);
  });
});

describe('RosterSchema', () => {
  const weekly = [
    { shiftId: 'sat-night', volunteerId: 'ana', day: 'sat', start: '22:00', end: '06:00' },
    { shiftId: 'sun-day', volunteerId: 'ben', day: 'sun', start: '09:00', end: '13:00' },
  ];

  it('fills empty lists by default', () => {
    expect(RosterSchema.parse({})).toEqual({ weekly: [], overrides: [] });
  });

  it('accepts each kind of override when it names real occurrences', () => {
    const result = RosterSchema.safeParse({
      weekly,
      overrides: [
        { kind: 'cancel', shiftId: 'sat-night', date: '2026-03-07' },
        { kind: 'cover', shiftId: 'sun-day', date: '2026-03-08', volunteerId: 'cy' },
        {
          kind: 'swap',
          first: { shiftId: 'sat-night', date: '2026-03-14' },
          second: { shiftId: 'sun-day', date: '2026-03-15' },
        },
        {
          kind: 'extra',
          overrideId: 'storm-cover',
          volunteerId: 'cy',
          date: '2026-03-10',
          start: '18:00',
          end: '23:00',
        },
      ],
    });
    expect(messages(result)).toEqual([]);
  });

  it('names an override for a shift that is not in the roster', () => {
    const result = RosterSchema.safeParse({
      weekly,
      overrides: [{ kind: 'cancel', shiftId: 'mon-night', date: '2026-03-09' }],
    });
    expect(messages(result)).toEqual(['overrides.0.shiftId: shift "mon-night" is not in the weekly roster']);
  });

  it('names an override dated on a different weekday from its shift', () => {
    const result = RosterSchema.safeParse({
      weekly,
      overrides: [{ kind: 'cover', shiftId: 'sat-night', date: '2026-03-08', volunteerId: 'cy' }],
    });
    expect(messages(result)).toEqual([
      'overrides.0.date: 2026-03-08 is a Sunday, but that shift is on Saturdays',
    ]);
  });

  it('rejects duplicate shift ids, clashing extra ids and a swap of an occurrence with itself', () => {
    const result = RosterSchema.safeParse({
      weekly: [...weekly, { ...weekly[1], volunteerId: 'cy' }],
      overrides: [
        {
          kind: 'extra',
          overrideId: 'sat-night',
          volunteerId: 'cy',
          date: '2026-03-10',
          start: '18:00',
          end: '23:00',
        },
        {
          kind: 'swap',
          first: { shiftId: 'sun-day', date: '2026-03-15' },
          second: { shiftId: 'sun-day', date: '2026-03-15' },
        },
      ],
    });
    expect(messages(result)).toEqual([
      'weekly.2.shiftId: shift id "sun-day" is used twice',
      'overrides.0.overrideId: extra slot id "sat-night" is already used by a shift or another extra slot',
      'overrides.1.second: a swap needs two different occurrences',
    ]);
  });
});
