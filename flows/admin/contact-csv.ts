// One row per contact for a spreadsheet: what happened and how long it took, never who it was.
//
// The columns are chosen, not copied from the contact: no caller key, number, SID or volunteer id is read,
// so a funder's download cannot be joined back to a caller. Wrap-up codes are ids from the line's lists. Times are the line's local wall clock, as
// coordinators read them, and rows run oldest first.
import { logFigures } from '../contact-log.js';
import type { Contact } from '../model.js';
import { isoDateOfDay, localDayOf, localMinuteOf } from '../roster/local-time.js';
import { toCsv } from './csv.js';

export const CONTACT_CSV_HEADER = [
  'started',
  'channel',
  'language',
  'outcome',
  'waitSeconds',
  'talkSeconds',
  'escalationTrigger',
  'escalationKind',
  'concernKind',
  'repeatCount',
  'topics',
  'referral',
  'safetyConcern',
] as const;

/** "2026-11-22 09:05" in the line's timezone. */
export function localDateTime(instant: number, timeZone: string): string {
  const minute = localMinuteOf(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoDateOfDay(localDayOf(instant, timeZone))} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

export function contactsToCsv(contacts: readonly Contact[], timeZone: string): string {
  const rows = [...contacts]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((contact) => ({ contact, figures: logFigures(contact) }))
    .map(({ contact, figures }) => [
      localDateTime(contact.startedAt, timeZone),
      contact.channel,
      contact.language,
      contact.outcome,
      figures.waitSeconds,
      figures.talkSeconds,
      contact.escalation?.trigger,
      contact.escalation?.kind,
      contact.concern?.kind,
      contact.repeatCount ?? 0,
      // Code ids, space-separated: one cell a spreadsheet can filter on.
      contact.topics?.join(' '),
      contact.referral,
      contact.safetyConcern === undefined ? undefined : contact.safetyConcern ? 'yes' : 'no',
    ]);
  return toCsv([[...CONTACT_CSV_HEADER], ...rows]);
}
