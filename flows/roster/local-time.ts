// Wall-clock dates and times in a named timezone <-> instants, using only Intl (no date library).
//
// Rules for wall-clock times that do not map to exactly one instant:
// - a time skipped by a spring-forward change (02:30 on 2026-03-08 in New York) becomes the first valid
//   instant after the gap, which is the moment of the change (03:00 EDT): a shift "starting at 02:30"
//   has started by the time clocks read 03:00;
// - a time that happens twice in a fall-back change (01:30 on 2026-11-01 in New York) becomes the first
//   of the two instants (01:30 EDT), so nobody's shift starts or ends an hour late.
// The search assumes a timezone changes its offset at most once within a day either side of the time,
// which holds for every zone in the tz database since the early twentieth century.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A calendar date in the line's timezone, counted in days since 1970-01-01. */
export type DayNumber = number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what a caller passing a bad zone should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (an IANA name such as America/New_York). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds to add to an instant to read the wall clock in the zone as if it were UTC. */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(whole)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wall - whole;
}

/** The local calendar date of an instant. */
export function localDayOf(instant: number, timeZone: string): DayNumber {
  return Math.floor((instant + offsetAt(instant, timeZone)) / DAY_MS);
}

/** Minutes since local midnight of an instant, ignoring seconds. */
export function localMinuteOf(instant: number, timeZone: string): number {
  const wall = instant + offsetAt(instant, timeZone);
  return Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/**
 * The instant a wall-clock time happens on a local date. `minuteOfDay` may be 1440 (24:00), meaning the
 * next date's midnight. Skipped times move to the end of the gap; repeated times take the first instant.
 */
export function zonedInstant(day: DayNumber, minuteOfDay: number, timeZone: string): number {
  const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter(
    (instant) => offsetAt(instant, timeZone) === wall - instant,
  );
  if (valid.length > 0) return Math.min(...valid);
  // A gap: the wall time never shows. Find the first instant carrying the later offset.
  let lo = wall - after; // still on the earlier offset
  let hi = wall - before; // already on the later offset
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** "YYYY-MM-DD" -> day number; the string must already be a valid date. */
export function dayFromIsoDate(date: string): DayNumber {
  const [year, month, day] = date.split('-').map(Number);
  return Math.floor(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS);
}

/** Day number -> "YYYY-MM-DD". */
export function isoDateOfDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a "YYYY-MM-DD" string names a real calendar date (no 2026-02-30). */
export function isRealIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isoDateOfDay(dayFromIsoDate(date)) === date;
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** The weekday of a local date (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: DayNumber): WeekdayName {
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] ?? 'sun';
}

/** "HH:MM" (or "24:00") -> minutes since midnight; the string must already be valid. */
export function minutesOfLocalTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
