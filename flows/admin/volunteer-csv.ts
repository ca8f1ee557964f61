// Volunteers to and from CSV: phones leave masked, and a masked or empty phone on import keeps the stored one.

import type { Language } from '../replies.js';
import { LanguageSchema } from './admin-schemas.js';
import { type CsvRowError, recordsOf, toCsv } from './csv.js';
import { isMaskedPhone, normalisePhone } from './phone-format.js';

export const VOLUNTEER_CSV_COLUMNS = [
  'volunteerId',
  'name',
  'phone',
  'languages',
  'active',
  'maxTextSessions',
  'notes',
] as const;

export interface VolunteerCsvRow {
  readonly volunteerId: string;
  readonly name: string;
  readonly maskedPhone: string;
  readonly languages: readonly Language[];
  readonly active: boolean;
  readonly maxTextSessions: number;
  readonly notes?: string;
}

export function volunteersToCsv(rows: readonly VolunteerCsvRow[]): string {
  return toCsv([
    [...VOLUNTEER_CSV_COLUMNS],
    ...rows.map((v) => [
      v.volunteerId,
      v.name,
      v.maskedPhone,
      v.languages.join(' '),
      v.active,
      v.maxTextSessions,
      v.notes ?? '',
    ]),
  ]);
}

export interface ImportedVolunteer {
  readonly row: number;
  /** Absent: a new volunteer whose id the API assigns. */
  readonly volunteerId?: string;
  readonly name: string;
  /** E.164; absent: keep the stored number (only allowed for an existing volunteer). */
  readonly phone?: string;
  readonly languages: Language[];
  readonly active: boolean;
  readonly maxTextSessions: number;
  readonly notes?: string;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Every row checked before anything is written; any error means nothing is imported. */
export function parseVolunteerCsv(
  text: string,
  existingIds: ReadonlySet<string>,
): { volunteers: ImportedVolunteer[]; errors: CsvRowError[] } {
  const { records, errors } = recordsOf(text, ['name', 'phone', 'languages']);
  const volunteers: ImportedVolunteer[] = [];
  const seenIds = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  for (const { row, cells } of records) {
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    const before = errors.length;
    const volunteerId = cells.volunteerId || undefined;
    if (volunteerId !== undefined) {
      if (!ID_PATTERN.test(volunteerId)) fail('volunteerId', 'must be letters, digits, - or _ (at most 64)');
      const earlier = seenIds.get(volunteerId);
      if (earlier !== undefined) fail('volunteerId', `is also on row ${earlier}`);
      seenIds.set(volunteerId, row);
    }
    const name = cells.name ?? '';
    if (!name) fail('name', 'must not be empty');
    else if (name.length > 80) fail('name', 'must be at most 80 characters');
    let phone: string | undefined;
    const phoneCell = cells.phone ?? '';
    if (phoneCell === '' || isMaskedPhone(phoneCell)) {
      if (volunteerId === undefined || !existingIds.has(volunteerId))
        fail('phone', 'a new volunteer needs their full phone number');
    } else {
      const checked = normalisePhone(phoneCell);
      if (checked.ok) {
        phone = checked.e164;
        const earlier = seenPhones.get(phone);
        if (earlier !== undefined) fail('phone', `is the same number as row ${earlier}`);
        seenPhones.set(phone, row);
      } else fail('phone', checked.message);
    }
    const languages: Language[] = [];
    const words = (cells.languages ?? '').split(/[\s;|/]+/).filter(Boolean);
    for (const word of words) {
      const parsed = LanguageSchema.safeParse(word.toLowerCase());
      if (parsed.success) languages.push(parsed.data);
      else fail('languages', `"${word}" is not a language the line serves (en, es)`);
    }
    // An unknown language was already named; an empty cell needs its own message.
    if (words.length === 0) fail('languages', 'must list at least one language');
    const activeCell = (cells.active ?? '').toLowerCase();
    const active = activeCell === '' || ['true', 'yes', '1', 'y'].includes(activeCell);
    if (!active && !['false', 'no', '0', 'n'].includes(activeCell)) fail('active', 'must be true or false');
    const maxCell = cells.maxTextSessions ?? '';
    const maxTextSessions = maxCell === '' ? 3 : Number(maxCell);
    if (!Number.isInteger(maxTextSessions) || maxTextSessions < 0 || maxTextSessions > 10)
      fail('maxTextSessions', 'must be a whole number from 0 to 10');
    const notes = cells.notes || undefined;
    if (notes && notes.length > 1000) fail('notes', 'must be at most 1000 characters');
    if (errors.length !== before) continue;
    volunteers.push({
      row,
      ...(volunteerId ? { volunteerId } : {}),
      name,
      ...(phone ? { phone } : {}),
      languages: [...new Set(languages)],
      active,
      maxTextSessions,
      ...(notes ? { notes } : {}),
    });
  }
  return { volunteers, errors };
}
