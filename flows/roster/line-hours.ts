// Whether the line is open at an instant, and when it next opens, from weekly windows and holidays.
//
// Windows repeat weekly in the line's timezone; an end before the start runs overnight into the next day.
// A holiday closes the whole local date: windows starting that day do not run, and an overnight window
// from the evening before stops at the holiday's midnight. `alwaysOpen` ignores the windows but still
// honours holidays. Wall-clock times that DST skips or repeats follow the rules in local-time.ts.
import { clipIntervals, type Interval, mergeIntervals } from './intervals.js';
import {
  type DayNumber,
  dayFromIsoDate,
  localDayOf,
  minutesOfLocalTime,
  weekdayOfDay,
  zonedInstant,
} from './local-time.js';
import type { LineHours } from './roster-schema.js';

const DAY_MINUTES = 1440;
/** How far nextOpening looks ahead: a year and a bit, so a year of listed holidays cannot hide an opening. */
const OPENING_HORIZON_DAYS = 400;
const SEARCH_CHUNK_DAYS = 14;

/** The instants the line is open within [fromMs, toMs), merged and sorted. */
export function openIntervals(hours: LineHours, fromMs: number, toMs: number, timeZone: string): Interval[] {
  if (toMs <= fromMs) return [];
  const holidays = new Set(hours.holidays.map(dayFromIsoDate));
  // An overnight window from the day before can still be running at fromMs.
  const firstDay = localDayOf(fromMs, timeZone) - 1;
  const lastDay = localDayOf(toMs - 1, timeZone);
  const open: Interval[] = [];
  for (let day: DayNumber = firstDay; day <= lastDay; day += 1) {
    if (holidays.has(day)) continue;
    if (hours.alwaysOpen) {
      open.push({
        startsAt: zonedInstant(day, 0, timeZone),
        endsAt: zonedInstant(day, DAY_MINUTES, timeZone),
      });
      continue;
    }
    const weekday = weekdayOfDay(day);
    for (const window of hours.windows) {
      if (window.day !== weekday) continue;
      const start = minutesOfLocalTime(window.start);
      const end = minutesOfLocalTime(window.end);
      const overnight = end < start;
      const endsAt =
        overnight && holidays.has(day + 1)
          ? zonedInstant(day + 1, 0, timeZone)
          : zonedInstant(overnight ? day + 1 : day, end, timeZone);
      open.push({ startsAt: zonedInstant(day, start, timeZone), endsAt });
    }
  }
  return clipIntervals(mergeIntervals(open), fromMs, toMs);
}

/** Open at `now`: inside a window (start inclusive, end exclusive) and not on a holiday. */
export function isLineOpen(hours: LineHours, now: number, timeZone: string): boolean {
  return openIntervals(hours, now, now + 1, timeZone).length > 0;
}

/**
 * The first instant at or after `now` when the line is open: `now` itself when it is open already, and
 * null when it does not open within about a year (no windows, or every date listed as a holiday).
 */
export function nextOpening(hours: LineHours, now: number, timeZone: string): number | null {
  const startDay = localDayOf(now, timeZone);
  for (let offset = 0; offset < OPENING_HORIZON_DAYS; offset += SEARCH_CHUNK_DAYS) {
    const fromMs = offset === 0 ? now : zonedInstant(startDay + offset, 0, timeZone);
    const toMs = zonedInstant(startDay + offset + SEARCH_CHUNK_DAYS, 0, timeZone);
    const first = openIntervals(hours, fromMs, toMs, timeZone)[0];
    if (first) return first.startsAt;
  }
  return null;
}
