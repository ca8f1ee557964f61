// Shift CSV: one weekly shift a row, the whole roster checked before it replaces the old one.
import { describe, expect, it } from 'vitest';
import { parseShiftCsv, shiftsToCsv } from '../../../flows/admin/shift-csv.js';
import type { Roster } from '../../../flows/roster/roster-schema.js';

const KNOWN = new Set(['ana', 'ben']);

describe('shiftsToCsv and parseShiftCsv', () => {
  it('round-trips the weekly shifts, overnight ones included, keeping the overrides', () => {
    const weekly: Roster['weekly'] = [
      { shiftId: 'mon-eve', volunteerId: 'ana', day: 'mon', start: '18:00', end: '22:00' },
      { shiftId: 'fri-night', volunteerId: 'ben', day: 'fri', start: '22:00', end: '02:00' },
    ];
    const overrides: Roster['overrides'] = [{ kind: 'cancel', shiftId: 'mon-eve', date: '2026-11-23' }];

    const { roster, errors } = parseShiftCsv(shiftsToCsv(weekly), KNOWN, overrides);

    expect(errors).toEqual([]);
    expect(roster).toEqual({ weekly, overrides });
  });

  it('accepts weekday names in any case', () => {
    const { roster } = parseShiftCsv('shiftId,volunteerId,day,start,end\ns,ana,MON,08:00,12:00\n', KNOWN, []);

    expect(roster?.weekly[0]?.day).toBe('mon');
  });

  it('refuses a file that would orphan an override, as an error on row 1', () => {
    const overrides: Roster['overrides'] = [{ kind: 'cancel', shiftId: 'mon-eve', date: '2026-11-23' }];

    const { roster, errors } = parseShiftCsv(
      'shiftId,volunteerId,day,start,end\nother,ana,tue,08:00,12:00\n',
      KNOWN,
      overrides,
    );

    expect(roster).toBeUndefined();
    expect(errors).toEqual([
      { row: 1, field: 'overrides.0.shiftId', message: 'shift "mon-eve" is not in the weekly roster' },
    ]);
  });

  it('names a duplicate shift id on the row that repeats it', () => {
    const text = 'shiftId,volunteerId,day,start,end\ns,ana,mon,08:00,12:00\ns,ben,tue,08:00,12:00\n';

    const { errors } = parseShiftCsv(text, KNOWN, []);

    expect(errors).toEqual([{ row: 3, field: 'shiftId', message: 'shift id "s" is used twice' }]);
  });
});
