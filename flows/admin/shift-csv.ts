// The weekly roster to and from CSV: one shift a row; an import replaces the weekly shifts as a whole.

import { type Roster, RosterSchema, type WeeklyShift, WeeklyShiftSchema } from '../roster/roster-schema.js';
import { fieldIssues } from './admin-schemas.js';
import { type CsvRowError, recordsOf, toCsv } from './csv.js';

export const SHIFT_CSV_COLUMNS = ['shiftId', 'volunteerId', 'day', 'start', 'end'] as const;

export function shiftsToCsv(weekly: readonly WeeklyShift[]): string {
  return toCsv([
    [...SHIFT_CSV_COLUMNS],
    ...weekly.map((s) => [s.shiftId, s.volunteerId, s.day, s.start, s.end]),
  ]);
}

/**
 * Checks every row, then the roster the rows would make with the existing overrides (an override naming a
 * shift the file drops is an error on row 1), so an import is either whole or nothing.
 */
export function parseShiftCsv(
  text: string,
  knownVolunteerIds: ReadonlySet<string>,
  overrides: Roster['overrides'],
): { roster?: Roster; errors: CsvRowError[] } {
  const { records, errors } = recordsOf(text, [...SHIFT_CSV_COLUMNS]);
  const weekly: WeeklyShift[] = [];
  for (const { row, cells } of records) {
    const parsed = WeeklyShiftSchema.safeParse({ ...cells, day: (cells.day ?? '').toLowerCase() });
    if (!parsed.success) {
      for (const issue of fieldIssues(parsed.error))
        errors.push({ row, field: issue.path, message: issue.message });
      continue;
    }
    if (!knownVolunteerIds.has(parsed.data.volunteerId)) {
      errors.push({ row, field: 'volunteerId', message: `no volunteer has id "${parsed.data.volunteerId}"` });
      continue;
    }
    weekly.push(parsed.data);
  }
  if (errors.length) return { errors };
  const roster = RosterSchema.safeParse({ weekly, overrides });
  if (!roster.success) {
    for (const issue of fieldIssues(roster.error)) {
      const [list, index, ...rest] = issue.path.split('.');
      const row = list === 'weekly' ? Number(index) + 2 : 1;
      errors.push({ row, field: list === 'weekly' ? rest.join('.') : issue.path, message: issue.message });
    }
    return { errors };
  }
  return { roster: roster.data, errors };
}
