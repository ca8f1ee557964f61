// The roster calendar: occurrences across DST, overrides, who is on shift, and what the minute tick needs.
import { describe, expect, it } from 'vitest';
import {
  coverageGaps,
  onShiftAt,
  remindersDue,
  shiftOccurrences,
  shiftTransitions,
} from '../../../flows/roster/roster-calendar.js';
import { LineHoursSchema, type Roster, RosterSchema } from '../../../flows/roster/roster-schema.js';

const NEW_YORK = 'America/New_York';
const ADELAIDE = 'Australia/Adelaide';
const at = Date.parse;
const MINUTE = 60_000;
const HOUR = 3_600_000;

function roster(input: unknown): Roster {
  return RosterSchema.parse(input);
}

const saturdayNight = roster({
  weekly: [{ shiftId: 'sat-night', volunteerId: 'ana', day: 'sat', start: '22:00', end: '06:00' }],
});

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error('expected one item');
  return item;
}

describe('shiftOccurrences across the 2026 New York changes', () => {
  it('runs an overnight shift into spring forward for seven hours', () => {
    // Sat 2026-03-07 22:00 EST (03:00Z) to Sun 06:00 EDT (10:00Z).
    const occurrence = only(
      shiftOccurrences(saturdayNight, at('2026-03-08T04:00:00Z'), at('2026-03-08T05:00:00Z'), NEW_YORK),
    );
    expect(occurrence).toEqual({
      occurrenceId: 'sat-night@2026-03-07',
      shiftId: 'sat-night',
      source: 'weekly',
      volunteerId: 'ana',
      date: '2026-03-07',
      startsAt: at('2026-03-08T03:00:00Z'),
      endsAt: at('2026-03-08T10:00:00Z'),
    });
    expect((occurrence.endsAt - occurrence.startsAt) / HOUR).toBe(7);
  });

  it('runs an overnight shift into fall back for nine hours', () => {
    // Sat 2026-10-31 22:00 EDT (02:00Z) to Sun 06:00 EST (11:00Z).
    const occurrence = only(
      shiftOccurrences(saturdayNight, at('2026-11-01T03:00:00Z'), at('2026-11-01T04:00:00Z'), NEW_YORK),
    );
    expect([occurrence.startsAt, occurrence.endsAt]).toEqual([
      at('2026-11-01T02:00:00Z'),
      at('2026-11-01T11:00:00Z'),
    ]);
    expect((occurrence.endsAt - occurrence.startsAt) / HOUR).toBe(9);
  });

  it('keeps ordinary overnight shifts at eight hours either side of the changes', () => {
    const weeks = shiftOccurrences(
      saturdayNight,
      at('2026-02-28T00:00:00Z'),
      at('2026-03-22T00:00:00Z'),
      NEW_YORK,
    );
    expect(weeks.map((o) => [o.date, (o.endsAt - o.startsAt) / HOUR])).toEqual([
      ['2026-02-28', 8],
      ['2026-03-07', 7],
      ['2026-03-14', 8],
    ]);
  });

  it('starts a shift set for a skipped time at the moment clocks jump', () => {
    const early = roster({
      weekly: [{ shiftId: 'sun-early', volunteerId: 'ben', day: 'sun', start: '02:30', end: '04:00' }],
    });
    const occurrence = only(
      shiftOccurrences(early, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'), NEW_YORK),
    );
    // 02:30 never shows; the shift starts at 03:00 EDT (07:00Z) and ends 04:00 EDT (08:00Z).
    expect([occurrence.startsAt, occurrence.endsAt]).toEqual([
      at('2026-03-08T07:00:00Z'),
      at('2026-03-08T08:00:00Z'),
    ]);
  });

  it('starts a shift set for a repeated time at its first occurrence', () => {
    const early = roster({
      weekly: [{ shiftId: 'sun-early', volunteerId: 'ben', day: 'sun', start: '01:30', end: '03:00' }],
    });
    const occurrence = only(
      shiftOccurrences(early, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'), NEW_YORK),
    );
    // 01:30 EDT (05:30Z) to 03:00 EST (08:00Z): two and a half hours on the clock's one and a half.
    expect([occurrence.startsAt, occurrence.endsAt]).toEqual([
      at('2026-11-01T05:30:00Z'),
      at('2026-11-01T08:00:00Z'),
    ]);
  });

  it('names an occurrence the same whichever range finds it', () => {
    const wide = shiftOccurrences(
      saturdayNight,
      at('2026-03-01T00:00:00Z'),
      at('2026-03-31T00:00:00Z'),
      NEW_YORK,
    );
    const narrow = shiftOccurrences(
      saturdayNight,
      at('2026-03-08T09:59:00Z'),
      at('2026-03-08T10:00:00Z'),
      NEW_YORK,
    );
    expect(wide.map((o) => o.occurrenceId)).toContain(only(narrow).occurrenceId);
  });

  it('leaves out occurrences that end exactly at the start of the range', () => {
    expect(
      shiftOccurrences(saturdayNight, at('2026-03-08T10:00:00Z'), at('2026-03-08T12:00:00Z'), NEW_YORK),
    ).toEqual([]);
  });
});

describe('shiftOccurrences across the 2026 Adelaide changes', () => {
  it('runs an overnight shift into the April fall back for nine hours', () => {
    // Sat 2026-04-04 22:00 ACDT (UTC+10:30) to Sun 06:00 ACST (UTC+9:30).
    const occurrence = only(
      shiftOccurrences(saturdayNight, at('2026-04-04T12:00:00Z'), at('2026-04-04T13:00:00Z'), ADELAIDE),
    );
    expect([occurrence.startsAt, occurrence.endsAt]).toEqual([
      at('2026-04-04T11:30:00Z'),
      at('2026-04-04T20:30:00Z'),
    ]);
    expect((occurrence.endsAt - occurrence.startsAt) / HOUR).toBe(9);
  });

  it('runs an overnight shift into the October spring forward for seven hours', () => {
    // Sat 2026-10-03 22:00 ACST (UTC+9:30) to Sun 06:00 ACDT (UTC+10:30).
    const occurrence = only(
      shiftOccurrences(saturdayNight, at('2026-10-03T13:00:00Z'), at('2026-10-03T14:00:00Z'), ADELAIDE),
    );
    expect([occurrence.startsAt, occurrence.endsAt]).toEqual([
      at('2026-10-03T12:30:00Z'),
      at('2026-10-03T19:30:00Z'),
    ]);
    expect((occurrence.endsAt - occurrence.startsAt) / HOUR).toBe(7);
  });

  it('shortens an overnight shift by half an hour on Lord Howe Island', () => {
    // Sat 2026-10-03 22:00 at UTC+10:30 to Sun 06:00 at UTC+11.
    const occurrence = only(
      shiftOccurrences(
        saturdayNight,
        at('2026-10-03T12:00:00Z'),
        at('2026-10-03T13:00:00Z'),
        'Australia/Lord_Howe',
      ),
    );
    expect((occurrence.endsAt - occurrence.startsAt) / HOUR).toBe(7.5);
  });
});

describe('overrides', () => {
  const weekly = [
    { shiftId: 'sat-night', volunteerId: 'ana', day: 'sat', start: '22:00', end: '06:00' },
    { shiftId: 'sun-day', volunteerId: 'ben', day: 'sun', start: '09:00', end: '13:00' },
  ];
  // Sat 2026-03-14 00:00 EDT to Mon 2026-03-23 00:00 EDT: two weekends.
  const from = at('2026-03-14T04:00:00Z');
  const to = at('2026-03-23T04:00:00Z');
  const holders = (r: Roster) =>
    shiftOccurrences(r, from, to, NEW_YORK).map((o) => `${o.occurrenceId} ${o.volunteerId}`);

  it('drops a cancelled occurrence and keeps the rest of the series', () => {
    const r = roster({ weekly, overrides: [{ kind: 'cancel', shiftId: 'sat-night', date: '2026-03-14' }] });
    expect(holders(r)).toEqual([
      'sun-day@2026-03-15 ben',
      'sat-night@2026-03-21 ana',
      'sun-day@2026-03-22 ben',
    ]);
  });

  it('gives a covered occurrence to the cover', () => {
    const r = roster({
      weekly,
      overrides: [{ kind: 'cover', shiftId: 'sun-day', date: '2026-03-22', volunteerId: 'cy' }],
    });
    expect(holders(r)).toEqual([
      'sat-night@2026-03-14 ana',
      'sun-day@2026-03-15 ben',
      'sat-night@2026-03-21 ana',
      'sun-day@2026-03-22 cy',
    ]);
  });

  it('exchanges volunteers between two swapped occurrences', () => {
    const r = roster({
      weekly,
      overrides: [
        {
          kind: 'swap',
          first: { shiftId: 'sat-night', date: '2026-03-14' },
          second: { shiftId: 'sun-day', date: '2026-03-22' },
        },
      ],
    });
    expect(holders(r)).toEqual([
      'sat-night@2026-03-14 ben',
      'sun-day@2026-03-15 ben',
      'sat-night@2026-03-21 ana',
      'sun-day@2026-03-22 ana',
    ]);
  });

  it('applies overrides in order, so a swap after a cover passes on the cover', () => {
    const r = roster({
      weekly,
      overrides: [
        { kind: 'cover', shiftId: 'sat-night', date: '2026-03-14', volunteerId: 'cy' },
        {
          kind: 'swap',
          first: { shiftId: 'sat-night', date: '2026-03-14' },
          second: { shiftId: 'sun-day', date: '2026-03-15' },
        },
      ],
    });
    expect(holders(r).slice(0, 2)).toEqual(['sat-night@2026-03-14 ben', 'sun-day@2026-03-15 cy']);
  });

  it('keeps a cancelled occurrence off even when a later override covers it', () => {
    const r = roster({
      weekly,
      overrides: [
        { kind: 'cancel', shiftId: 'sun-day', date: '2026-03-15' },
        { kind: 'cover', shiftId: 'sun-day', date: '2026-03-15', volunteerId: 'cy' },
      ],
    });
    expect(holders(r)).not.toContain('sun-day@2026-03-15 cy');
    expect(holders(r)).toHaveLength(3);
  });

  it('adds an extra overnight slot on its date only', () => {
    const r = roster({
      weekly,
      overrides: [
        {
          kind: 'extra',
          overrideId: 'storm',
          volunteerId: 'dee',
          date: '2026-03-17',
          start: '23:00',
          end: '03:00',
        },
      ],
    });
    const extra = only(shiftOccurrences(r, from, to, NEW_YORK).filter((o) => o.source === 'extra'));
    expect(extra).toEqual({
      occurrenceId: 'storm@2026-03-17',
      shiftId: 'storm',
      source: 'extra',
      volunteerId: 'dee',
      date: '2026-03-17',
      startsAt: at('2026-03-18T03:00:00Z'),
      endsAt: at('2026-03-18T07:00:00Z'),
    });
  });
});

describe('onShiftAt', () => {
  // Sat 2026-03-14 22:00 EDT (02:00Z) to Sun 06:00 EDT (10:00Z).
  const starts = at('2026-03-15T02:00:00Z');
  const ends = at('2026-03-15T10:00:00Z');

  it('counts a volunteer on shift from the first instant of the shift', () => {
    expect(onShiftAt(saturdayNight, starts - 1, NEW_YORK)).toEqual(new Set());
    expect(onShiftAt(saturdayNight, starts, NEW_YORK)).toEqual(new Set(['ana']));
  });

  it('counts a volunteer off shift from the end instant', () => {
    expect(onShiftAt(saturdayNight, ends - 1, NEW_YORK)).toEqual(new Set(['ana']));
    expect(onShiftAt(saturdayNight, ends, NEW_YORK)).toEqual(new Set());
  });

  it('lists everyone on overlapping shifts once', () => {
    const r = roster({
      weekly: [
        { shiftId: 'a', volunteerId: 'ana', day: 'mon', start: '18:00', end: '22:00' },
        { shiftId: 'b', volunteerId: 'ben', day: 'mon', start: '20:00', end: '23:00' },
        { shiftId: 'c', volunteerId: 'ana', day: 'mon', start: '21:00', end: '23:00' },
      ],
    });
    // Monday 2026-03-16 21:30 EDT.
    expect(onShiftAt(r, at('2026-03-17T01:30:00Z'), NEW_YORK)).toEqual(new Set(['ana', 'ben']));
  });
});

describe('shiftTransitions', () => {
  const starts = at('2026-03-15T02:00:00Z');
  const ends = at('2026-03-15T10:00:00Z');

  it('reports a start to the first tick at or after it, and never again', () => {
    const first = shiftTransitions(saturdayNight, starts - MINUTE, starts, NEW_YORK);
    const next = shiftTransitions(saturdayNight, starts, starts + MINUTE, NEW_YORK);
    expect(first.started.map((o) => o.occurrenceId)).toEqual(['sat-night@2026-03-14']);
    expect(first.ended).toEqual([]);
    expect(next).toEqual({ started: [], ended: [] });
  });

  it('reports an end, including after a late tick that spans it', () => {
    const late = shiftTransitions(saturdayNight, ends - 5 * MINUTE, ends + 3 * MINUTE, NEW_YORK);
    expect(late.ended.map((o) => o.occurrenceId)).toEqual(['sat-night@2026-03-14']);
    expect(late.started).toEqual([]);
  });

  it('reports both when one shift hands over to the next at the same instant', () => {
    const r = roster({
      weekly: [
        { shiftId: 'eve', volunteerId: 'ana', day: 'mon', start: '18:00', end: '22:00' },
        { shiftId: 'late', volunteerId: 'ben', day: 'mon', start: '22:00', end: '24:00' },
      ],
    });
    const handover = at('2026-03-17T02:00:00Z');
    const result = shiftTransitions(r, handover - MINUTE, handover, NEW_YORK);
    expect(result.ended.map((o) => o.volunteerId)).toEqual(['ana']);
    expect(result.started.map((o) => o.volunteerId)).toEqual(['ben']);
  });
});

describe('remindersDue', () => {
  const starts = at('2026-03-15T02:00:00Z');

  it('reminds once, at the lead time before the start', () => {
    const due = remindersDue(saturdayNight, starts - 31 * MINUTE, starts - 30 * MINUTE, 30, NEW_YORK);
    expect(due.map((r) => [r.occurrence.occurrenceId, r.remindAt])).toEqual([
      ['sat-night@2026-03-14', starts - 30 * MINUTE],
    ]);
    expect(remindersDue(saturdayNight, starts - 30 * MINUTE, starts - 29 * MINUTE, 30, NEW_YORK)).toEqual([]);
  });

  it('does not remind a volunteer who runs straight on from their own shift', () => {
    const r = roster({
      weekly: [
        { shiftId: 'eve', volunteerId: 'ana', day: 'mon', start: '18:00', end: '22:00' },
        { shiftId: 'late', volunteerId: 'ana', day: 'mon', start: '22:00', end: '24:00' },
      ],
    });
    const lateStarts = at('2026-03-17T02:00:00Z');
    expect(remindersDue(r, lateStarts - 31 * MINUTE, lateStarts - 30 * MINUTE, 30, NEW_YORK)).toEqual([]);
  });

  it('reminds the cover, not the usual volunteer', () => {
    const r = roster({
      weekly: [{ shiftId: 'sat-night', volunteerId: 'ana', day: 'sat', start: '22:00', end: '06:00' }],
      overrides: [{ kind: 'cover', shiftId: 'sat-night', date: '2026-03-14', volunteerId: 'cy' }],
    });
    const due = remindersDue(r, starts - 61 * MINUTE, starts - 60 * MINUTE, 60, NEW_YORK);
    expect(due.map((reminder) => reminder.occurrence.volunteerId)).toEqual(['cy']);
  });
});

describe('coverageGaps', () => {
  const mondayHours = LineHoursSchema.parse({ windows: [{ day: 'mon', start: '08:00', end: '24:00' }] });
  // Monday 2026-03-16 (EDT): the whole day.
  const from = at('2026-03-16T04:00:00Z');
  const to = at('2026-03-17T04:00:00Z');

  it('finds the open stretches nobody is rostered for', () => {
    const r = roster({
      weekly: [
        { shiftId: 'morning', volunteerId: 'ana', day: 'mon', start: '08:00', end: '12:00' },
        { shiftId: 'evening', volunteerId: 'ben', day: 'mon', start: '13:00', end: '22:00' },
        { shiftId: 'night', volunteerId: 'cy', day: 'mon', start: '21:00', end: '02:00' },
      ],
    });
    expect(coverageGaps(r, mondayHours, from, to, NEW_YORK)).toEqual([
      { startsAt: at('2026-03-16T16:00:00Z'), endsAt: at('2026-03-16T17:00:00Z') },
    ]);
  });

  it('opens a gap where an occurrence is cancelled', () => {
    const r = roster({
      weekly: [{ shiftId: 'all-day', volunteerId: 'ana', day: 'mon', start: '08:00', end: '24:00' }],
      overrides: [{ kind: 'cancel', shiftId: 'all-day', date: '2026-03-16' }],
    });
    expect(coverageGaps(r, mondayHours, from, to, NEW_YORK)).toEqual([
      { startsAt: at('2026-03-16T12:00:00Z'), endsAt: at('2026-03-17T04:00:00Z') },
    ]);
  });

  it('finds no gaps while the line is closed, even with nobody rostered', () => {
    const sunday = { from: at('2026-03-15T04:00:00Z'), to: at('2026-03-16T04:00:00Z') };
    expect(coverageGaps(roster({}), mondayHours, sunday.from, sunday.to, NEW_YORK)).toEqual([]);
  });
});
