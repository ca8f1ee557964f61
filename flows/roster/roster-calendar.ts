// Who is rostered when: weekly shifts expanded into dated occurrences with overrides applied, and the
// questions the minute tick and the console ask of them (on shift now, starts/ends, reminders, gaps).
//
// Occurrences are half-open [startsAt, endsAt): a volunteer is on shift from the start instant and off at
// the end instant. An occurrence is named by the shift and the local date it starts on, so its id stays
// the same whatever range is asked for. Overrides apply in list order (see ShiftOverrideSchema); a cancel
// always wins. Wall-clock times that DST skips or repeats follow the rules in local-time.ts, so an
// overnight shift across a change is an hour (or half an hour, on Lord Howe Island) shorter or longer.
import { type Interval, subtractIntervals } from './intervals.js';
import { openIntervals } from './line-hours.js';
import {
  type DayNumber,
  dayFromIsoDate,
  isoDateOfDay,
  localDayOf,
  minutesOfLocalTime,
  weekdayOfDay,
  zonedInstant,
} from './local-time.js';
import type { LineHours, Roster } from './roster-schema.js';

export type ShiftOccurrence = {
  /** `${shiftId}@${date}`: stable for the tick's idempotency and the console's links. */
  occurrenceId: string;
  /** The weekly shift's id, or an extra slot's overrideId. */
  shiftId: string;
  source: 'weekly' | 'extra';
  volunteerId: string;
  /** The local date the occurrence starts on, "YYYY-MM-DD". */
  date: string;
  startsAt: number;
  endsAt: number;
};

export type ShiftTransitions = { started: ShiftOccurrence[]; ended: ShiftOccurrence[] };
export type ShiftReminder = { occurrence: ShiftOccurrence; remindAt: number };

const MINUTE_MS = 60_000;

type Assignment = { volunteerId: string; cancelled: boolean };

function occurrenceKey(shiftId: string, date: string): string {
  return `${shiftId}@${date}`;
}

/** Every occurrence the overrides touch, with who holds it once the whole list has been applied. */
function resolveOverrides(roster: Roster): Map<string, Assignment> {
  const baseVolunteer = new Map(roster.weekly.map((shift) => [shift.shiftId, shift.volunteerId]));
  const touched = new Map<string, Assignment>();
  const current = (shiftId: string, date: string): Assignment => {
    const key = occurrenceKey(shiftId, date);
    let assignment = touched.get(key);
    if (!assignment) {
      // RosterSchema has already checked that every override names a weekly shift.
      assignment = { volunteerId: baseVolunteer.get(shiftId) ?? '', cancelled: false };
      touched.set(key, assignment);
    }
    return assignment;
  };
  for (const override of roster.overrides) {
    if (override.kind === 'cancel') current(override.shiftId, override.date).cancelled = true;
    else if (override.kind === 'cover')
      current(override.shiftId, override.date).volunteerId = override.volunteerId;
    else if (override.kind === 'swap') {
      const first = current(override.first.shiftId, override.first.date);
      const second = current(override.second.shiftId, override.second.date);
      [first.volunteerId, second.volunteerId] = [second.volunteerId, first.volunteerId];
    }
  }
  return touched;
}

function slotInstants(day: DayNumber, start: string, end: string, timeZone: string): Interval {
  const startMinute = minutesOfLocalTime(start);
  const endMinute = minutesOfLocalTime(end);
  const endDay = endMinute < startMinute ? day + 1 : day;
  return {
    startsAt: zonedInstant(day, startMinute, timeZone),
    endsAt: zonedInstant(endDay, endMinute, timeZone),
  };
}

function byStartThenId(a: ShiftOccurrence, b: ShiftOccurrence): number {
  return a.startsAt - b.startsAt || a.occurrenceId.localeCompare(b.occurrenceId);
}

/** Occurrences overlapping [fromMs, toMs), overrides applied, sorted by start. */
export function shiftOccurrences(
  roster: Roster,
  fromMs: number,
  toMs: number,
  timeZone: string,
): ShiftOccurrence[] {
  if (toMs <= fromMs) return [];
  const assignments = resolveOverrides(roster);
  // A shift started the day before can still be running at fromMs.
  const firstDay = localDayOf(fromMs, timeZone) - 1;
  const lastDay = localDayOf(toMs - 1, timeZone);
  const overlaps = (slot: Interval) => slot.startsAt < toMs && slot.endsAt > fromMs;
  const found: ShiftOccurrence[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const weekday = weekdayOfDay(day);
    const date = isoDateOfDay(day);
    for (const shift of roster.weekly) {
      if (shift.day !== weekday) continue;
      const occurrenceId = occurrenceKey(shift.shiftId, date);
      const assignment = assignments.get(occurrenceId) ?? {
        volunteerId: shift.volunteerId,
        cancelled: false,
      };
      if (assignment.cancelled) continue;
      const slot = slotInstants(day, shift.start, shift.end, timeZone);
      if (!overlaps(slot)) continue;
      found.push({
        occurrenceId,
        shiftId: shift.shiftId,
        source: 'weekly',
        volunteerId: assignment.volunteerId,
        date,
        ...slot,
      });
    }
  }
  for (const override of roster.overrides) {
    if (override.kind !== 'extra') continue;
    const day = dayFromIsoDate(override.date);
    if (day < firstDay || day > lastDay) continue;
    const slot = slotInstants(day, override.start, override.end, timeZone);
    if (!overlaps(slot)) continue;
    found.push({
      occurrenceId: occurrenceKey(override.overrideId, override.date),
      shiftId: override.overrideId,
      source: 'extra',
      volunteerId: override.volunteerId,
      date: override.date,
      ...slot,
    });
  }
  return found.sort(byStartThenId);
}

/** Volunteers rostered at `now` (start inclusive, end exclusive). */
export function onShiftAt(roster: Roster, now: number, timeZone: string): Set<string> {
  return new Set(shiftOccurrences(roster, now, now + 1, timeZone).map((o) => o.volunteerId));
}

/**
 * Occurrences that start, and that end, in (fromMs, toMs]: the window since the previous tick. A tick
 * that runs late still sees everything once; consecutive ticks never see the same change twice.
 */
export function shiftTransitions(
  roster: Roster,
  fromMs: number,
  toMs: number,
  timeZone: string,
): ShiftTransitions {
  const inWindow = (instant: number) => instant > fromMs && instant <= toMs;
  const nearby = shiftOccurrences(roster, fromMs, toMs + 1, timeZone);
  return {
    started: nearby.filter((o) => inWindow(o.startsAt)),
    ended: nearby
      .filter((o) => inWindow(o.endsAt))
      .sort((a, b) => a.endsAt - b.endsAt || byStartThenId(a, b)),
  };
}

/**
 * Reminders whose moment (start minus the lead) falls in (fromMs, toMs]. A lead of zero reminds at the
 * start. A volunteer going straight from one of their shifts into the next gets no reminder for the
 * second, since they are already on shift.
 */
export function remindersDue(
  roster: Roster,
  fromMs: number,
  toMs: number,
  leadMinutes: number,
  timeZone: string,
): ShiftReminder[] {
  const lead = leadMinutes * MINUTE_MS;
  return shiftOccurrences(roster, fromMs + lead, toMs + lead + 1, timeZone)
    .filter((o) => o.startsAt - lead > fromMs && o.startsAt - lead <= toMs)
    .filter((o) => !onShiftAt(roster, o.startsAt - 1, timeZone).has(o.volunteerId))
    .map((occurrence) => ({ occurrence, remindAt: occurrence.startsAt - lead }));
}

/** Stretches within [fromMs, toMs) when the line is open but nobody is rostered. */
export function coverageGaps(
  roster: Roster,
  hours: LineHours,
  fromMs: number,
  toMs: number,
  timeZone: string,
): Interval[] {
  return subtractIntervals(
    openIntervals(hours, fromMs, toMs, timeZone),
    shiftOccurrences(roster, fromMs, toMs, timeZone),
  );
}
