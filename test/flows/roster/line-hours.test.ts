// Opening hours in the line's timezone: windows, overnight windows, holidays and the next opening.
import { describe, expect, it } from 'vitest';
import { isLineOpen, nextOpening, openIntervals } from '../../../flows/roster/line-hours.js';
import { type LineHours, LineHoursSchema } from '../../../flows/roster/roster-schema.js';
import { DEFAULT_LINE_HOURS } from '../../../flows/standard-settings.js';

const NEW_YORK = 'America/New_York';
const at = Date.parse;
const HOUR = 3_600_000;

function hours(input: unknown): LineHours {
  return LineHoursSchema.parse(input);
}

const weekdays = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));

describe('isLineOpen', () => {
  const officeHours = hours({ windows: weekdays });

  it('opens at the start of a window and closes at its end', () => {
    // Monday 2026-03-02, EST (UTC-5).
    expect(isLineOpen(officeHours, at('2026-03-02T13:59:59.999Z'), NEW_YORK)).toBe(false);
    expect(isLineOpen(officeHours, at('2026-03-02T14:00:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(officeHours, at('2026-03-02T21:59:59.999Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(officeHours, at('2026-03-02T22:00:00Z'), NEW_YORK)).toBe(false);
  });

  it('stays closed on a day with no window', () => {
    // Saturday 2026-03-07 at noon.
    expect(isLineOpen(officeHours, at('2026-03-07T17:00:00Z'), NEW_YORK)).toBe(false);
  });

  it('follows the wall clock after the change to daylight time', () => {
    // Monday 2026-03-09 is EDT (UTC-4): 09:00 local is 13:00Z.
    expect(isLineOpen(officeHours, at('2026-03-09T13:00:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(officeHours, at('2026-03-09T21:00:00Z'), NEW_YORK)).toBe(false);
  });

  it('keeps an overnight window open past midnight into the next day', () => {
    const nights = hours({ windows: [{ day: 'fri', start: '20:00', end: '02:00' }] });
    // Friday 2026-03-06 20:00 EST to Saturday 02:00 EST.
    expect(isLineOpen(nights, at('2026-03-07T01:00:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(nights, at('2026-03-07T06:30:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(nights, at('2026-03-07T07:00:00Z'), NEW_YORK)).toBe(false);
    expect(isLineOpen(nights, at('2026-03-06T00:30:00Z'), NEW_YORK)).toBe(false);
  });

  it('closes for the whole of a holiday', () => {
    const daily = hours({ ...DEFAULT_LINE_HOURS, holidays: ['2026-11-26'] });
    // Thanksgiving 2026-11-26, EST: noon and 23:00 are closed; the day before and after are open.
    expect(isLineOpen(daily, at('2026-11-26T17:00:00Z'), NEW_YORK)).toBe(false);
    expect(isLineOpen(daily, at('2026-11-27T04:00:00Z'), NEW_YORK)).toBe(false);
    expect(isLineOpen(daily, at('2026-11-25T17:00:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(daily, at('2026-11-27T17:00:00Z'), NEW_YORK)).toBe(true);
  });

  it('stops an overnight window from the evening before at the holiday midnight', () => {
    const nights = hours({
      windows: [{ day: 'wed', start: '22:00', end: '02:00' }],
      holidays: ['2026-11-26'],
    });
    expect(isLineOpen(nights, at('2026-11-26T04:59:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(nights, at('2026-11-26T05:00:00Z'), NEW_YORK)).toBe(false);
  });

  it('is open around the clock when alwaysOpen, except on holidays', () => {
    const always = hours({ alwaysOpen: true, holidays: ['2026-12-25'] });
    expect(isLineOpen(always, at('2026-03-08T07:30:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(always, at('2026-12-25T12:00:00Z'), NEW_YORK)).toBe(false);
  });

  it('opens the deploy-time defaults from 08:00 to midnight', () => {
    // 2026-06-10 is EDT (UTC-4).
    expect(isLineOpen(DEFAULT_LINE_HOURS, at('2026-06-10T11:59:00Z'), NEW_YORK)).toBe(false);
    expect(isLineOpen(DEFAULT_LINE_HOURS, at('2026-06-10T12:00:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(DEFAULT_LINE_HOURS, at('2026-06-11T03:59:00Z'), NEW_YORK)).toBe(true);
    expect(isLineOpen(DEFAULT_LINE_HOURS, at('2026-06-11T04:00:00Z'), NEW_YORK)).toBe(false);
  });

  it('reads windows in a half-hour-offset southern zone', () => {
    const adelaide = hours({ windows: [{ day: 'mon', start: '09:00', end: '17:00' }] });
    // Monday 2026-01-12 is summer time (UTC+10:30); Monday 2026-07-13 is standard time (UTC+9:30).
    expect(isLineOpen(adelaide, at('2026-01-11T22:30:00Z'), 'Australia/Adelaide')).toBe(true);
    expect(isLineOpen(adelaide, at('2026-01-11T22:29:00Z'), 'Australia/Adelaide')).toBe(false);
    expect(isLineOpen(adelaide, at('2026-07-12T23:30:00Z'), 'Australia/Adelaide')).toBe(true);
    expect(isLineOpen(adelaide, at('2026-07-12T23:29:00Z'), 'Australia/Adelaide')).toBe(false);
  });
});

describe('openIntervals', () => {
  it('joins back-to-back windows and measures a whole fall-back day as 25 hours', () => {
    const allDay = hours({
      windows: [
        { day: 'sat', start: '00:00', end: '24:00' },
        { day: 'sun', start: '00:00', end: '24:00' },
      ],
    });
    const intervals = openIntervals(allDay, at('2026-10-30T00:00:00Z'), at('2026-11-04T00:00:00Z'), NEW_YORK);
    expect(intervals).toEqual([{ startsAt: at('2026-10-31T04:00:00Z'), endsAt: at('2026-11-02T05:00:00Z') }]);
    const sunday = openIntervals(allDay, at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'), NEW_YORK);
    expect(sunday.map((i) => (i.endsAt - i.startsAt) / HOUR)).toEqual([25]);
  });

  it('clips to the asked-for range', () => {
    const office = hours({ windows: weekdays });
    const intervals = openIntervals(office, at('2026-03-02T16:00:00Z'), at('2026-03-02T18:00:00Z'), NEW_YORK);
    expect(intervals).toEqual([{ startsAt: at('2026-03-02T16:00:00Z'), endsAt: at('2026-03-02T18:00:00Z') }]);
  });
});

describe('nextOpening', () => {
  const officeHours = hours({ windows: weekdays });

  it('returns now when the line is already open', () => {
    const now = at('2026-03-02T15:00:00Z');
    expect(nextOpening(officeHours, now, NEW_YORK)).toBe(now);
  });

  it('skips the weekend to Monday morning, on the daylight-time clock', () => {
    // Friday 2026-03-06 17:00 EST; Monday 2026-03-09 09:00 is EDT after Sunday's change.
    expect(nextOpening(officeHours, at('2026-03-06T22:00:00Z'), NEW_YORK)).toBe(at('2026-03-09T13:00:00Z'));
  });

  it('skips a holiday to the next open day', () => {
    const daily = hours({ ...DEFAULT_LINE_HOURS, holidays: ['2026-11-26'] });
    // Thanksgiving noon -> Friday 2026-11-27 08:00 EST.
    expect(nextOpening(daily, at('2026-11-26T17:00:00Z'), NEW_YORK)).toBe(at('2026-11-27T13:00:00Z'));
  });

  it('skips a holiday that falls on the next weekday after a weekend', () => {
    // Friday evening 2026-05-22 to Tuesday 2026-05-26 09:00 EDT, with Memorial Day Monday closed.
    const withHoliday = hours({ windows: weekdays, holidays: ['2026-05-25'] });
    expect(nextOpening(withHoliday, at('2026-05-22T23:00:00Z'), NEW_YORK)).toBe(at('2026-05-26T13:00:00Z'));
  });

  it('opens an always-open line at the midnight after a holiday', () => {
    const always = hours({ alwaysOpen: true, holidays: ['2026-12-25'] });
    expect(nextOpening(always, at('2026-12-25T12:00:00Z'), NEW_YORK)).toBe(at('2026-12-26T05:00:00Z'));
  });

  it('finds an opening more than two weeks away', () => {
    const holidays = Array.from({ length: 20 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`);
    const closedForWeeks = hours({ windows: weekdays, holidays });
    // 2026-03-02..21 closed; Monday 2026-03-23 09:00 EDT.
    expect(nextOpening(closedForWeeks, at('2026-03-01T12:00:00Z'), NEW_YORK)).toBe(
      at('2026-03-23T13:00:00Z'),
    );
  });

  it('returns null when the line never opens', () => {
    expect(nextOpening(hours({}), at('2026-03-02T15:00:00Z'), NEW_YORK)).toBeNull();
  });
});
