// The figures funders and coordinators ask for, computed from the anonymized contact log and the roster log.
//
// Definitions (also shown in the console):
// - queued: contacts that reached the queue (queuedAt set); after-hours, unstaffed and blocked never do;
// - answer rate: answered (answeredAt set) / queued;
// - abandonment rate: outcome "abandoned" / queued;
// - wait: seconds from joining the queue to a volunteer answering, over answered contacts (average, p90
//   by nearest rank);
// - repeat callers: caller keys with more than one contact in the range;
// - hour of week: the local weekday and hour (line timezone) a contact started, Monday first;
// - daily: per local date in the range, contacts by outcome, the answer rate and the median and p90 wait,
//   for trend charts (the console groups days into weeks for long ranges);
// - coverage: rostered volunteer-hours per hour of week from the roster as it was at each hour (every saved
//   version is kept, see roster-history.ts), set against contacts started in that hour of week.
// - wrap-up: contacts by topic code and by referral code (a contact counts once per topic it was coded with),
//   over the range and per day, by code id as the log keeps it: a code since removed from the settings still
//   counts under its id, and the console names it as no longer in the list; `wrapUpRecorded` is how many
//   contacts had codes at all, `safetyConcerns` how many were coded with a safety concern.
import { logFigures } from '../contact-log.js';
import type { Contact } from '../model.js';
import {
  dayFromIsoDate,
  isoDateOfDay,
  localDayOf,
  localMinuteOf,
  weekdayOfDay,
} from '../roster/local-time.js';
import type { ShiftOccurrence } from '../roster/roster-calendar.js';
import { toCsv } from './csv.js';

export const WEEKDAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HOUR_MS = 3_600_000;

export interface ContactReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly totals: {
    readonly contacts: number;
    readonly queued: number;
    readonly answered: number;
    readonly abandoned: number;
    readonly escalated: number;
    readonly uniqueCallers: number;
    readonly repeatCallers: number;
  };
  /** channel -> outcome -> count */
  readonly byChannelOutcome: Record<string, Record<string, number>>;
  readonly answerRate: number | null;
  readonly abandonmentRate: number | null;
  readonly averageWaitSeconds: number | null;
  readonly p90WaitSeconds: number | null;
  readonly escalationsByTrigger: Record<string, number>;
  /** [weekday 0 = Monday][hour 0..23] contacts started. */
  readonly heatMap: number[][];
  /** [weekday][hour] rostered volunteer-hours. */
  readonly coverageHours: number[][];
  readonly rosteredHours: number;
  readonly contactsPerRosteredHour: number | null;
  /** Every local date from `from` to `to`, including days without contacts. */
  readonly daily: readonly DailyFigures[];
  readonly wrapUp: WrapUpFigures;
}

/** Wrap-up codes counted by code id: topic id -> contacts, referral id -> contacts. */
export interface WrapUpFigures {
  readonly recorded: number;
  readonly safetyConcerns: number;
  readonly byTopic: Record<string, number>;
  readonly byReferral: Record<string, number>;
}

export interface DailyFigures {
  readonly date: string;
  /** outcome -> count, over both channels; a contact still going counts as "live". */
  readonly byOutcome: Record<string, number>;
  readonly queued: number;
  readonly answered: number;
  readonly p50WaitSeconds: number | null;
  readonly p90WaitSeconds: number | null;
  readonly byTopic: Record<string, number>;
  readonly byReferral: Record<string, number>;
}

/** Accumulates one day's contacts; the waits are kept to take percentiles at the end. */
interface DayTally {
  byOutcome: Record<string, number>;
  queued: number;
  answered: number;
  waits: number[];
  wrapUp: WrapUpTally;
}

type WrapUpTally = { -readonly [K in keyof WrapUpFigures]: WrapUpFigures[K] };
const wrapUpTally = (): WrapUpTally => ({ recorded: 0, safetyConcerns: 0, byTopic: {}, byReferral: {} });

function countWrapUp(tally: WrapUpTally, contact: Contact): void {
  if (contact.wrapUpAt === undefined) return;
  tally.recorded++;
  if (contact.safetyConcern) tally.safetyConcerns++;
  for (const topic of new Set(contact.topics ?? [])) tally.byTopic[topic] = (tally.byTopic[topic] ?? 0) + 1;
  if (contact.referral) tally.byReferral[contact.referral] = (tally.byReferral[contact.referral] ?? 0) + 1;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const grid = (): number[][] => WEEKDAY_ORDER.map(() => Array.from({ length: 24 }, () => 0));

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Monday-first weekday index and local hour of an instant. */
export function hourOfWeek(instant: number, timeZone: string): { weekday: number; hour: number } {
  const weekday = WEEKDAY_ORDER.indexOf(
    weekdayOfDay(localDayOf(instant, timeZone)) as (typeof WEEKDAY_ORDER)[number],
  );
  return { weekday, hour: Math.floor(localMinuteOf(instant, timeZone) / 60) };
}

function bump(cells: number[][], at: { weekday: number; hour: number }, by: number): void {
  const row = cells[at.weekday];
  if (row) row[at.hour] = (row[at.hour] ?? 0) + by;
}

/** Splits each occurrence, clipped to the range, at local hour boundaries. */
export function rosteredHoursByHourOfWeek(
  occurrences: readonly Pick<ShiftOccurrence, 'startsAt' | 'endsAt'>[],
  fromMs: number,
  toMs: number,
  timeZone: string,
): number[][] {
  const cells = grid();
  for (const occurrence of occurrences) {
    let at = Math.max(occurrence.startsAt, fromMs);
    const end = Math.min(occurrence.endsAt, toMs);
    while (at < end) {
      const minute = localMinuteOf(at, timeZone);
      const next = Math.min(end, at - (at % 60_000) + (60 - (minute % 60)) * 60_000);
      bump(cells, hourOfWeek(at, timeZone), (next - at) / HOUR_MS);
      at = next;
    }
  }
  return cells;
}

export function buildContactReport(input: {
  readonly from: string;
  readonly to: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly timeZone: string;
  readonly contacts: readonly Contact[];
  readonly occurrences: readonly Pick<ShiftOccurrence, 'startsAt' | 'endsAt'>[];
}): ContactReport {
  const { contacts, timeZone } = input;
  const byChannelOutcome: Record<string, Record<string, number>> = {};
  const escalationsByTrigger: Record<string, number> = {};
  const callers = new Map<string, number>();
  const heatMap = grid();
  const waits: number[] = [];
  const days = new Map<string, DayTally>();
  for (let day = dayFromIsoDate(input.from); day <= dayFromIsoDate(input.to); day++)
    days.set(isoDateOfDay(day), { byOutcome: {}, queued: 0, answered: 0, waits: [], wrapUp: wrapUpTally() });
  const wrapUp = wrapUpTally();
  let queued = 0;
  let answered = 0;
  let abandoned = 0;
  let escalated = 0;
  for (const contact of contacts) {
    const outcome = contact.outcome ?? 'unknown';
    const channel = byChannelOutcome[contact.channel] ?? {};
    byChannelOutcome[contact.channel] = channel;
    channel[outcome] = (channel[outcome] ?? 0) + 1;
    const day = days.get(isoDateOfDay(localDayOf(contact.startedAt, timeZone)));
    if (day) day.byOutcome[outcome] = (day.byOutcome[outcome] ?? 0) + 1;
    if (contact.queuedAt !== undefined) {
      queued++;
      if (day) day.queued++;
    }
    if (contact.answeredAt !== undefined) {
      answered++;
      if (day) day.answered++;
      const wait = logFigures(contact).waitSeconds;
      if (wait !== undefined) {
        waits.push(wait);
        day?.waits.push(wait);
      }
    }
    if (outcome === 'abandoned') abandoned++;
    if (contact.escalation) {
      escalated++;
      escalationsByTrigger[contact.escalation.trigger] =
        (escalationsByTrigger[contact.escalation.trigger] ?? 0) + 1;
    }
    countWrapUp(wrapUp, contact);
    if (day) countWrapUp(day.wrapUp, contact);
    callers.set(contact.callerKey, (callers.get(contact.callerKey) ?? 0) + 1);
    bump(heatMap, hourOfWeek(contact.startedAt, timeZone), 1);
  }
  const coverageHours = rosteredHoursByHourOfWeek(input.occurrences, input.fromMs, input.toMs, timeZone);
  const rosteredHours = coverageHours.flat().reduce((sum, hours) => sum + hours, 0);
  return {
    from: input.from,
    to: input.to,
    timeZone,
    totals: {
      contacts: contacts.length,
      queued,
      answered,
      abandoned,
      escalated,
      uniqueCallers: callers.size,
      repeatCallers: [...callers.values()].filter((count) => count > 1).length,
    },
    byChannelOutcome,
    answerRate: ratio(answered, queued),
    abandonmentRate: ratio(abandoned, queued),
    averageWaitSeconds: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    p90WaitSeconds: percentile(waits, 90),
    escalationsByTrigger,
    heatMap,
    coverageHours,
    rosteredHours,
    contactsPerRosteredHour: ratio(contacts.length, rosteredHours),
    daily: [...days].map(([date, tally]) => ({
      date,
      byOutcome: tally.byOutcome,
      queued: tally.queued,
      answered: tally.answered,
      p50WaitSeconds: percentile(tally.waits, 50),
      p90WaitSeconds: percentile(tally.waits, 90),
      byTopic: tally.wrapUp.byTopic,
      byReferral: tally.wrapUp.byReferral,
    })),
    wrapUp,
  };
}

const figure = (value: number | null, digits = 3): string =>
  value === null ? '' : String(+value.toFixed(digits));

/** One file a spreadsheet opens cleanly: section, key, value rows, then the two hour-of-week grids. */
export function reportToCsv(report: ContactReport): string {
  const rows: (string | number)[][] = [['section', 'key', 'value']];
  rows.push(
    ['range', 'from', report.from],
    ['range', 'to', report.to],
    ['range', 'timeZone', report.timeZone],
  );
  for (const [key, value] of Object.entries(report.totals)) rows.push(['totals', key, value]);
  rows.push(
    ['rates', 'answerRate', figure(report.answerRate)],
    ['rates', 'abandonmentRate', figure(report.abandonmentRate)],
    ['wait', 'averageWaitSeconds', figure(report.averageWaitSeconds, 1)],
    ['wait', 'p90WaitSeconds', figure(report.p90WaitSeconds, 1)],
    ['coverage', 'rosteredHours', figure(report.rosteredHours, 2)],
    ['coverage', 'contactsPerRosteredHour', figure(report.contactsPerRosteredHour)],
  );
  for (const [channel, outcomes] of Object.entries(report.byChannelOutcome))
    for (const [outcome, count] of Object.entries(outcomes))
      rows.push(['contacts', `${channel}/${outcome}`, count]);
  for (const [trigger, count] of Object.entries(report.escalationsByTrigger))
    rows.push(['escalations', trigger, count]);
  rows.push(
    ['wrap-up', 'recorded', report.wrapUp.recorded],
    ['wrap-up', 'safetyConcerns', report.wrapUp.safetyConcerns],
  );
  for (const [topic, count] of Object.entries(report.wrapUp.byTopic)) rows.push(['topics', topic, count]);
  for (const [referral, count] of Object.entries(report.wrapUp.byReferral))
    rows.push(['referrals', referral, count]);
  const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
  for (const [title, cells] of [
    ['contacts by hour of week', report.heatMap],
    ['rostered volunteer-hours by hour of week', report.coverageHours],
  ] as const) {
    rows.push([], [title, ...hours]);
    cells.forEach((row, day) => {
      rows.push([WEEKDAY_ORDER[day] ?? '', ...row.map((v) => +v.toFixed(2))]);
    });
  }
  return toCsv(rows);
}
