// Every main validation message the schemas and CSV readers write gets its stable code, with its values.
import { describe, expect, it } from 'vitest';
import { fieldIssues, VolunteerInputSchema } from '../../../flows/admin/admin-schemas.js';
import { codeIssue } from '../../../flows/admin/issue-codes.js';
import { normalisePhone } from '../../../flows/admin/phone-format.js';
import { parseShiftCsv } from '../../../flows/admin/shift-csv.js';
import { LineSettingsPatchSchema } from '../../../flows/line-settings.js';
import { RosterSchema } from '../../../flows/roster/roster-schema.js';
import { TimeZoneSchema } from '../../../flows/setting-fields.js';

const codesOf = (result: { success: boolean; error?: unknown }) =>
  result.success
    ? []
    : fieldIssues(result.error as never).map(({ path, code, params }) => ({ path, code, params }));

describe('issue codes', () => {
  it('codes the roster’s time, range, weekday, duplicate and swap messages', () => {
    const result = RosterSchema.safeParse({
      weekly: [
        { shiftId: 'a', volunteerId: 'ana', day: 'mon', start: '25:00', end: '10:00' },
        { shiftId: 'b', volunteerId: '', day: 'tue', start: '10:00', end: '10:00' },
      ],
    });

    expect(codesOf(result)).toEqual([
      { path: 'weekly.0.start', code: 'time' },
      { path: 'weekly.1.volunteerId', code: 'required' },
      { path: 'weekly.1.end', code: 'time-range-empty' },
    ]);
    const crossChecks = RosterSchema.safeParse({
      weekly: [
        { shiftId: 'b', volunteerId: 'ben', day: 'tue', start: '09:00', end: '10:00' },
        { shiftId: 'b', volunteerId: 'ben', day: 'tue', start: '11:00', end: '12:00' },
      ],
      overrides: [
        { kind: 'cancel', shiftId: 'b', date: '2026-11-23' },
        {
          kind: 'swap',
          first: { shiftId: 'b', date: '2026-11-24' },
          second: { shiftId: 'b', date: '2026-11-24' },
        },
      ],
    });
    expect(codesOf(crossChecks)).toEqual([
      { path: 'weekly.1.shiftId', code: 'shift-duplicate-id', params: { id: 'b' } },
      {
        path: 'overrides.0.date',
        code: 'shift-weekday',
        params: { date: '2026-11-23', weekday: 'Monday', day: 'Tuesday' },
      },
      { path: 'overrides.1.second', code: 'swap-same' },
    ]);
  });

  it('codes phone numbers, timezones, required fields and lengths', () => {
    expect(codesOf(LineSettingsPatchSchema.safeParse({ clinicianNumber: '555', crisisNumber: 'x' }))).toEqual(
      [
        { path: 'crisisNumber', code: 'phone-dialable' },
        { path: 'clinicianNumber', code: 'phone-e164' },
      ],
    );
    expect(codesOf(TimeZoneSchema.safeParse('Mars/Olympus'))).toEqual([{ path: '(body)', code: 'timezone' }]);
    expect(
      codesOf(VolunteerInputSchema.safeParse({ name: 'x'.repeat(81), phone: ' ', languages: [] })),
    ).toEqual([
      { path: 'name', code: 'too-long', params: { max: '80' } },
      { path: 'phone', code: 'required' },
      { path: 'languages', code: 'languages-required' },
    ]);
    const phone = normalisePhone('abc');
    expect(phone.ok ? undefined : codeIssue(phone.message)).toEqual({ code: 'phone-format' });
    expect(
      codesOf(LineSettingsPatchSchema.safeParse({ ringGroupSize: 'many', offerRingSeconds: 1 })),
    ).toEqual([
      { path: 'ringGroupSize', code: 'wrong-type' },
      { path: 'offerRingSeconds', code: 'too-small', params: { limit: '5' } },
    ]);
  });

  it('codes CSV row errors and leaves an unknown message as "invalid"', () => {
    const { errors } = parseShiftCsv('shiftId,volunteerId,day\nx,nobody,mon\n', new Set(), []);

    expect(errors.filter((e) => e.row === 1).map((e) => codeIssue(e.message))).toEqual([
      { code: 'csv-no-column', params: { column: 'start' } },
      { code: 'csv-no-column', params: { column: 'end' } },
    ]);
    const rows = parseShiftCsv(
      'shiftId,volunteerId,day,start,end\nx,ana,mon,9,10:00\n',
      new Set(['ana']),
      [],
    );
    expect(rows.errors.map((e) => ({ row: e.row, ...codeIssue(e.message) }))).toEqual([
      { row: 2, code: 'time' },
    ]);
    expect(codeIssue('something nobody wrote')).toEqual({ code: 'invalid' });
  });
});
