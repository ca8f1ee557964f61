// Wall-clock <-> instant conversion, especially the times DST skips and repeats.
import { describe, expect, it } from 'vitest';
import {
  dayFromIsoDate,
  isKnownTimeZone,
  isoDateOfDay,
  isRealIsoDate,
  localDayOf,
  localMinuteOf,
  offsetAt,
  weekdayOfDay,
  zonedInstant,
} from '../../../flows/roster/local-time.js';

const NEW_YORK = 'America/New_York';
const at = Date.parse;
const HOUR = 3_600_000;

function wallToIso(date: string, time: string, timeZone: string): string {
  const [h, m] = time.split(':').map(Number);
  return new Date(zonedInstant(dayFromIsoDate(date), (h ?? 0) * 60 + (m ?? 0), timeZone)).toISOString();
}

describe('offsetAt', () => {
  it('reads standard and daylight offsets in New York', () => {
    expect(offsetAt(at('2026-01-15T12:00:00Z'), NEW_YORK)).toBe(-5 * HOUR);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), NEW_YORK)).toBe(-4 * HOUR);
  });

  it('reads half-hour offsets in Adelaide on both sides of its summer', () => {
    expect(offsetAt(at('2026-01-15T00:00:00Z'), 'Australia/Adelaide')).toBe(10.5 * HOUR);
    expect(offsetAt(at('2026-07-15T00:00:00Z'), 'Australia/Adelaide')).toBe(9.5 * HOUR);
  });

  it('changes at the exact instant of the spring-forward change', () => {
    const change = at('2026-03-08T07:00:00Z');
    expect(offsetAt(change - 1, NEW_YORK)).toBe(-5 * HOUR);
    expect(offsetAt(change, NEW_YORK)).toBe(-4 * HOUR);
  });
});

describe('zonedInstant', () => {
  it('maps an ordinary wall time to its single instant', () => {
    expect(wallToIso('2026-06-01', '09:15', NEW_YORK)).toBe('2026-06-01T13:15:00.000Z');
  });

  it('moves a time skipped by spring forward to the moment of the change', () => {
    expect(wallToIso('2026-03-08', '02:30', NEW_YORK)).toBe('2026-03-08T07:00:00.000Z');
    expect(wallToIso('2026-03-08', '02:00', NEW_YORK)).toBe('2026-03-08T07:00:00.000Z');
    expect(wallToIso('2026-03-08', '03:00', NEW_YORK)).toBe('2026-03-08T07:00:00.000Z');
    expect(wallToIso('2026-03-08', '01:59', NEW_YORK)).toBe('2026-03-08T06:59:00.000Z');
  });

  it('takes the first of the two instants of a time repeated by fall back', () => {
    expect(wallToIso('2026-11-01', '01:30', NEW_YORK)).toBe('2026-11-01T05:30:00.000Z');
    expect(wallToIso('2026-11-01', '01:00', NEW_YORK)).toBe('2026-11-01T05:00:00.000Z');
    expect(wallToIso('2026-11-01', '02:00', NEW_YORK)).toBe('2026-11-01T07:00:00.000Z');
  });

  it('treats 24:00 as the next midnight', () => {
    expect(zonedInstant(dayFromIsoDate('2026-03-07'), 1440, NEW_YORK)).toBe(
      zonedInstant(dayFromIsoDate('2026-03-08'), 0, NEW_YORK),
    );
  });

  it('handles the southern-hemisphere changes in Adelaide', () => {
    // 2026-10-04 02:00 ACST jumps to 03:00 ACDT; 2026-04-05 03:00 ACDT falls back to 02:00 ACST.
    expect(wallToIso('2026-10-04', '02:30', 'Australia/Adelaide')).toBe('2026-10-03T16:30:00.000Z');
    expect(wallToIso('2026-04-05', '02:30', 'Australia/Adelaide')).toBe('2026-04-04T16:00:00.000Z');
  });

  it('handles the half-hour change on Lord Howe Island', () => {
    // 2026-10-04 02:00 jumps to 02:30; 2026-04-05 02:00 falls back to 01:30.
    expect(wallToIso('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:30:00.000Z');
    expect(wallToIso('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  it('round-trips every quarter hour of a fall-back day through localDayOf and localMinuteOf', () => {
    const day = dayFromIsoDate('2026-11-01');
    for (let minute = 0; minute < 1440; minute += 15) {
      const instant = zonedInstant(day, minute, NEW_YORK);
      expect([localDayOf(instant, NEW_YORK), localMinuteOf(instant, NEW_YORK)]).toEqual([day, minute]);
    }
  });
});

describe('calendar dates', () => {
  it('names weekdays from day numbers', () => {
    expect(weekdayOfDay(dayFromIsoDate('2026-03-08'))).toBe('sun');
    expect(weekdayOfDay(dayFromIsoDate('2026-11-26'))).toBe('thu');
    expect(weekdayOfDay(dayFromIsoDate('1969-12-31'))).toBe('wed');
  });

  it('round-trips ISO dates and rejects impossible ones', () => {
    expect(isoDateOfDay(dayFromIsoDate('2028-02-29'))).toBe('2028-02-29');
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-1-5')).toBe(false);
  });

  it('knows IANA zones and rejects made-up ones', () => {
    expect(isKnownTimeZone('Australia/Adelaide')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
