// Report maths: rates, waits, repeat callers, the hour-of-week heat map and rostered coverage.
import { describe, expect, it } from 'vitest';
import {
  buildContactReport,
  hourOfWeek,
  percentile,
  reportToCsv,
  rosteredHoursByHourOfWeek,
} from '../../../flows/admin/contact-report.js';
import { parseCsv } from '../../../flows/admin/csv.js';
import type { Contact } from '../../../flows/model.js';
import { dayFromIsoDate, zonedInstant } from '../../../flows/roster/local-time.js';

const TZ = 'America/New_York';
/** Local wall time in New York; 2026-11-23 is a Monday. */
const at = (time: string, date = '2026-11-23') => {
  const [h, m] = time.split(':').map(Number);
  return zonedInstant(dayFromIsoDate(date), (h ?? 0) * 60 + (m ?? 0), TZ);
};

let serial = 0;
function contact(extra: Partial<Contact>): Contact {
  serial++;
  return {
    contactId: `c${serial}`,
    channel: 'voice',
    language: 'en',
    status: 'ended',
    callerKey: `caller-${serial}`,
    startedAt: at('18:00'),
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: 0,
    ...extra,
  };
}

const RANGE = {
  from: '2026-11-23',
  to: '2026-11-29',
  fromMs: at('00:00'),
  toMs: at('00:00', '2026-11-30'),
  timeZone: TZ,
};

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];

    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile([42], 90)).toBe(42);
  });

  it('has no value for no data', () => {
    expect(percentile([], 90)).toBeNull();
  });
});

describe('hourOfWeek', () => {
  it('places an instant by local weekday, Monday first, and local hour', () => {
    expect(hourOfWeek(at('18:30'), TZ)).toEqual({ weekday: 0, hour: 18 });
    expect(hourOfWeek(at('00:10', '2026-11-29'), TZ)).toEqual({ weekday: 6, hour: 0 });
  });
});

describe('buildContactReport', () => {
  it('computes answer and abandonment rates over queued contacts only', () => {
    const contacts = [
      contact({ outcome: 'completed', queuedAt: at('18:00'), answeredAt: at('18:01') }),
      contact({ outcome: 'completed', queuedAt: at('18:00'), answeredAt: at('18:03') }),
      contact({ outcome: 'abandoned', queuedAt: at('18:00'), endedAt: at('18:05') }),
      contact({ outcome: 'after-hours' }),
    ];

    const report = buildContactReport({ ...RANGE, contacts, occurrences: [] });

    expect(report.totals).toMatchObject({ contacts: 4, queued: 3, answered: 2, abandoned: 1 });
    expect(report.answerRate).toBeCloseTo(2 / 3);
    expect(report.abandonmentRate).toBeCloseTo(1 / 3);
    // Waits of answered contacts only: the abandoned caller's 300 s is not a wait for an answer.
    expect(report.averageWaitSeconds).toBe(120);
    expect(report.p90WaitSeconds).toBe(180);
    expect(report.byChannelOutcome).toEqual({ voice: { completed: 2, abandoned: 1, 'after-hours': 1 } });
  });

  it('derives a wait from the timestamps when the log has none', () => {
    const contacts = [
      contact({ outcome: 'completed', queuedAt: at('18:00'), answeredAt: at('18:00') + 45_000 }),
    ];

    const report = buildContactReport({ ...RANGE, contacts, occurrences: [] });

    expect(report.averageWaitSeconds).toBe(45);
  });

  it('counts repeat callers, escalations by trigger and the heat map', () => {
    const contacts = [
      contact({ callerKey: 'k1', startedAt: at('18:10') }),
      contact({
        callerKey: 'k1',
        startedAt: at('18:50'),
        escalation: { trigger: 'caller-key', kind: 'keypress', at: 0 },
      }),
      contact({ callerKey: 'k2', channel: 'sms', startedAt: at('09:00', '2026-11-25') }),
    ];

    const report = buildContactReport({ ...RANGE, contacts, occurrences: [] });

    expect(report.totals).toMatchObject({ uniqueCallers: 2, repeatCallers: 1, escalated: 1 });
    expect(report.escalationsByTrigger).toEqual({ 'caller-key': 1 });
    expect(report.heatMap[0]?.[18]).toBe(2);
    expect(report.heatMap[2]?.[9]).toBe(1);
    expect(report.heatMap.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('gives every local date in the range its outcomes, answer counts and median and p90 waits', () => {
    const contacts = [
      contact({ outcome: 'completed', queuedAt: at('18:00'), answeredAt: at('18:00') + 20_000 }),
      contact({ outcome: 'completed', queuedAt: at('18:00'), answeredAt: at('18:00') + 40_000 }),
      contact({ outcome: 'completed', queuedAt: at('18:00'), answeredAt: at('18:00') + 90_000 }),
      // 23:30 in New York is already the next day in UTC: the day is the line's local date.
      contact({ outcome: 'abandoned', startedAt: at('23:30'), queuedAt: at('23:30') }),
    ];

    const report = buildContactReport({ ...RANGE, contacts, occurrences: [] });

    expect(report.daily.map((d) => d.date)).toEqual(expectedDates(RANGE.from, RANGE.to));
    expect(report.daily[0]).toEqual({
      date: RANGE.from,
      byOutcome: { completed: 3, abandoned: 1 },
      queued: 4,
      answered: 3,
      p50WaitSeconds: 40,
      p90WaitSeconds: 90,
      byTopic: {},
      byReferral: {},
    });
    expect(report.daily[1]).toMatchObject({ byOutcome: {}, queued: 0, p50WaitSeconds: null });
  });

  it('has no rates for an empty range rather than dividing by zero', () => {
    const report = buildContactReport({ ...RANGE, contacts: [], occurrences: [] });

    expect([
      report.answerRate,
      report.abandonmentRate,
      report.averageWaitSeconds,
      report.p90WaitSeconds,
    ]).toEqual([null, null, null, null]);
    expect(report.contactsPerRosteredHour).toBeNull();
  });

  it('sets contacts against rostered hours', () => {
    const occurrences = [{ startsAt: at('18:00'), endsAt: at('22:00') }];
    const contacts = [contact({}), contact({})];

    const report = buildContactReport({ ...RANGE, contacts, occurrences });

    expect(report.rosteredHours).toBe(4);
    expect(report.contactsPerRosteredHour).toBe(0.5);
  });
});

describe('rosteredHoursByHourOfWeek', () => {
  it('splits a shift at local hour boundaries and clips it to the range', () => {
    const cells = rosteredHoursByHourOfWeek(
      [
        { startsAt: at('18:30'), endsAt: at('20:15') },
        { startsAt: at('22:00', '2026-11-22'), endsAt: at('01:00') },
      ],
      RANGE.fromMs,
      RANGE.toMs,
      TZ,
    );

    expect(cells[0]?.slice(17, 21)).toEqual([0, 0.5, 1, 0.25]);
    // The Sunday-night shift counts only from Monday 00:00, where the range starts.
    expect(cells[0]?.[0]).toBe(1);
    expect(cells[6]?.[23]).toBe(0);
  });

  it('counts a night across the autumn change as the hours actually worked', () => {
    // 2026-11-01, New York: 01:00-02:00 happens twice.
    const cells = rosteredHoursByHourOfWeek(
      [{ startsAt: at('00:00', '2026-11-01'), endsAt: at('03:00', '2026-11-01') }],
      at('00:00', '2026-10-26'),
      at('00:00', '2026-11-02'),
      TZ,
    );

    expect(cells[6]?.slice(0, 3)).toEqual([1, 2, 1]);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('reportToCsv', () => {
  it('writes the figures and both grids as rows a spreadsheet reads', () => {
    const report = buildContactReport({
      ...RANGE,
      contacts: [contact({ outcome: 'completed', queuedAt: at('18:00'), answeredAt: at('18:01') })],
      occurrences: [{ startsAt: at('18:00'), endsAt: at('19:00') }],
    });

    const rows = parseCsv(reportToCsv(report));

    expect(rows).toContainEqual(['totals', 'answered', '1']);
    expect(rows).toContainEqual(['rates', 'answerRate', '1']);
    expect(rows).toContainEqual(['wait', 'averageWaitSeconds', '60']);
    expect(rows).toContainEqual(['contacts', 'voice/completed', '1']);
    const heatTitle = rows.findIndex((r) => r[0] === 'contacts by hour of week');
    expect(rows[heatTitle]?.[19]).toBe('18:00');
    expect(rows[heatTitle + 1]?.[0]).toBe('mon');
    expect(rows[heatTitle + 1]?.[19]).toBe('1');
  });
});

function expectedDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

describe('wrap-up figures', () => {
  it('counts contacts by topic and referral over the range and per day, by code id, with uncoded contacts left out', () => {
    const coded = (date: string, topics: string[], referral: string | undefined, safetyConcern?: boolean) =>
      contact({
        startedAt: at('18:00', date),
        wrapUpAt: at('18:30', date),
        topics,
        ...(referral ? { referral } : {}),
        ...(safetyConcern === undefined ? {} : { safetyConcern }),
      });
    const contacts = [
      coded('2026-11-23', ['grief', 'housing'], 'crisis-line', true),
      coded('2026-11-23', ['grief', 'grief'], 'none', false),
      coded('2026-11-24', ['a-removed-topic'], undefined),
      contact({ startedAt: at('19:00') }),
    ];

    const report = buildContactReport({ ...RANGE, contacts, occurrences: [] });

    expect(report.wrapUp).toEqual({
      recorded: 3,
      safetyConcerns: 1,
      byTopic: { grief: 2, housing: 1, 'a-removed-topic': 1 },
      byReferral: { 'crisis-line': 1, none: 1 },
    });
    expect(report.daily[0]).toMatchObject({
      byTopic: { grief: 2, housing: 1 },
      byReferral: { 'crisis-line': 1, none: 1 },
    });
    expect(report.daily[1]).toMatchObject({ byTopic: { 'a-removed-topic': 1 }, byReferral: {} });
    const rows = parseCsv(reportToCsv(report));
    expect(rows).toContainEqual(['topics', 'grief', '2']);
    expect(rows).toContainEqual(['referrals', 'crisis-line', '1']);
    expect(rows).toContainEqual(['wrap-up', 'safetyConcerns', '1']);
  });
});
