// Roster and settings through the admin API: edits apply at once, stale versions get 409, every change is audited.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  RosterResponse,
  SettingsResponse,
  VolunteerView,
} from '../../../flows/admin/admin-api-types.js';
import type { ContactReport } from '../../../flows/admin/contact-report.js';
import type { LiveBoard } from '../../../flows/admin/live-board.js';
import { isoDateOfDay, localDayOf, weekdayOfDay } from '../../../flows/roster/local-time.js';
import { WeekdaySchema } from '../../../flows/roster/roster-schema.js';
import { movableClock } from '../../support/local-line.js';
import { type AdminClient, type AdminLine, startAdminLine } from './admin-line.js';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

async function timeZone(): Promise<string> {
  return (await admin.api.request<SettingsResponse>('GET', '/admin/settings')).body.settings.timeZone;
}

/** A shift on today's local weekday, all day: it covers now whenever the test runs. */
async function allDayToday(shiftId: string, volunteerId: string) {
  const day = weekdayOfDay(localDayOf(Date.now(), await timeZone()));
  return { shiftId, volunteerId, day, start: '00:00', end: '24:00' };
}

describe('admin roster', () => {
  it('puts a volunteer rostered now on shift at once, and shows them on the board', async () => {
    admin = await startAdminLine();
    const dana = (
      await admin.api.request<{ volunteer: VolunteerView }>('POST', '/admin/volunteers', {
        name: 'Dana',
        phone: '(202) 555-0142',
        languages: ['en'],
      })
    ).body.volunteer;

    const saved = await admin.api.request<RosterResponse>('PUT', '/admin/roster', {
      version: 0,
      weekly: [await allDayToday('today', dana.volunteerId)],
      overrides: [],
    });
    const board = await admin.api.request<LiveBoard>('GET', '/admin/board');

    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.onShiftNow).toEqual([dana.volunteerId]);
    expect((await admin.line.store.getVolunteer(dana.volunteerId))?.onShift).toBe(true);
    expect((await admin.line.store.getLine()).onShiftIds.has(dana.volunteerId)).toBe(true);
    const row = board.body.volunteers.find((v) => v.volunteerId === dana.volunteerId);
    expect(row).toMatchObject({ name: 'Dana', rostered: true, activity: 'available' });
    // Ana, Ben and Caro are on shift by the demo seed, not by the roster.
    expect(board.body.volunteers.find((v) => v.volunteerId === 'vol-ana')?.rostered).toBe(false);
  });

  it('takes a volunteer off shift when the shift covering now is removed', async () => {
    admin = await startAdminLine();
    const first = await admin.api.request<RosterResponse>('PUT', '/admin/roster', {
      version: 0,
      weekly: [await allDayToday('today', 'vol-ben')],
      overrides: [],
    });

    const cleared = await admin.api.request<RosterResponse>('PUT', '/admin/roster', {
      version: first.body.version,
      weekly: [],
      overrides: [],
    });

    expect(cleared.body.onShiftNow).toEqual([]);
    expect((await admin.line.store.getVolunteer('vol-ben'))?.onShift).toBe(false);
    expect((await admin.line.store.getLine()).onShiftIds.has('vol-ben')).toBe(false);
    const audit = await admin.api.request<{ entries: AuditEntry[] }>('GET', '/admin/audit');
    expect(audit.body.entries[0]).toMatchObject({ action: 'roster.update', target: 'roster' });
    expect(audit.body.entries[0]?.summary).toContain('off shift now: vol-ben');
  });

  it('answers 409 with the current roster to a save on a stale version', async () => {
    admin = await startAdminLine();
    const shift = { shiftId: 'mon-eve', volunteerId: 'vol-ana', day: 'mon', start: '18:00', end: '22:00' };
    await admin.api.request('PUT', '/admin/roster', { version: 0, weekly: [shift], overrides: [] });

    const stale = await admin.api.request<{ current: RosterResponse; version: number; code: string }>(
      'PUT',
      '/admin/roster',
      {
        version: 0,
        weekly: [],
        overrides: [],
      },
    );

    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    expect(stale.body.version).toBe(1);
    expect(stale.body.current.roster.weekly).toEqual([shift]);
  });

  it('answers 400 naming the shift field, the override and the unknown volunteer', async () => {
    admin = await startAdminLine();

    const badTime = await admin.api.request('PUT', '/admin/roster', {
      version: 0,
      weekly: [{ shiftId: 'a', volunteerId: 'vol-ana', day: 'mon', start: '18:00', end: '25:00' }],
      overrides: [],
    });
    const wrongDay = await admin.api.request('PUT', '/admin/roster', {
      version: 0,
      weekly: [{ shiftId: 'a', volunteerId: 'vol-ana', day: 'mon', start: '18:00', end: '22:00' }],
      overrides: [{ kind: 'cancel', shiftId: 'a', date: '2026-11-24' }],
    });
    const nobody = await admin.api.request('PUT', '/admin/roster', {
      version: 0,
      weekly: [{ shiftId: 'a', volunteerId: 'vol-nobody', day: 'mon', start: '18:00', end: '22:00' }],
      overrides: [],
    });

    expect(badTime.status).toBe(400);
    expect(badTime.body.error).toMatch(/^weekly\.0\.end: must be a 24-hour time/);
    expect(wrongDay.body.error).toBe(
      'overrides.0.date: 2026-11-24 is a Tuesday, but that shift is on Mondays',
    );
    expect(nobody.body.error).toBe('weekly.0.volunteerId: no volunteer has id "vol-nobody"');
  });

  it('lists coverage gaps in the next seven days', async () => {
    admin = await startAdminLine();

    const roster = await admin.api.request<RosterResponse>('GET', '/admin/roster');

    // The demo line is always open and nobody is rostered: one gap, the whole week.
    expect(roster.body.gaps).toHaveLength(1);
    const [gap] = roster.body.gaps;
    expect((gap?.end ?? 0) - (gap?.start ?? 0)).toBe(7 * 86_400_000);
  });
});

describe('admin settings', () => {
  it('saves a change at the version read and answers 409 to a stale one', async () => {
    admin = await startAdminLine();
    const before = await admin.api.request<SettingsResponse>('GET', '/admin/settings');

    const saved = await admin.api.request<SettingsResponse>('PATCH', '/admin/settings', {
      version: before.body.version,
      settings: { maxWaitSeconds: 240, ringGroupSize: 2 },
    });
    const stale = await admin.api.request<{ current: SettingsResponse; version: number }>(
      'PATCH',
      '/admin/settings',
      {
        version: before.body.version,
        settings: { wrapUpSeconds: 30 },
      },
    );
    const line = await admin.line.store.getLine();

    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(before.body.version + 1);
    expect(saved.body.settings).toMatchObject({ maxWaitSeconds: 240, ringGroupSize: 2 });
    // The demo seed's always-open hours survive an edit to other fields.
    expect(saved.body.settings.hours.alwaysOpen).toBe(true);
    expect(stale.status).toBe(409);
    expect(stale.body.current.settings.maxWaitSeconds).toBe(240);
    expect(line.settings.maxWaitSeconds).toBe(240);
    expect(line.settings.wrapUpSeconds).toBe(before.body.settings.wrapUpSeconds);
  });

  it('answers 400 naming the setting and the problem', async () => {
    admin = await startAdminLine();

    const tooMany = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { ringGroupSize: 11 },
    });
    const unknown = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { colour: 'red' },
    });
    const noVersion = await admin.api.request('PATCH', '/admin/settings', { settings: {} });

    expect(tooMany.body.error).toBe('settings.ringGroupSize: Twilio rings at most 10');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/^settings: /);
    expect(noVersion.body.error).toMatch(/^version: /);
  });

  it('refuses a greeting that is too long or holds markup, naming the field, and keeps the line name plain too', async () => {
    admin = await startAdminLine();

    const tooLong = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { greeting: { en: 'Hello there. '.repeat(30) } },
    });
    const markup = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { greeting: { es: 'Hola <Hangup/>' } },
    });
    const name = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { lineName: 'the <b>warmline</b>' },
    });
    const line = await admin.line.store.getLine();

    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toBe('settings.greeting.en: must be at most 300 characters');
    expect(markup.status).toBe(400);
    expect(markup.body.error).toBe(
      'settings.greeting.es: must not contain < or > (plain words only, no markup)',
    );
    expect(name.body.error).toBe('settings.lineName: must not contain < or > (plain words only, no markup)');
    expect(line.settings.greeting).toBeUndefined();
    expect(line.settings.lineName).toBeUndefined();
  });

  it('refuses a timezone the calendar does not know', async () => {
    admin = await startAdminLine();

    const result = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { timeZone: 'Mars/Olympus_Mons' },
    });

    expect(result.status).toBe(400);
    expect(result.body.error).toBe('settings.timeZone: must be an IANA timezone such as America/New_York');
    // The English sentence stays for API clients; the code is what the console words in its language.
    expect(result.body).toMatchObject({
      code: 'invalid',
      issues: [{ path: 'settings.timeZone', code: 'timezone' }],
    });
  });

  it('audits a settings change by field name', async () => {
    admin = await startAdminLine();

    await admin.api.request('PATCH', '/admin/settings', { version: 0, settings: { voiceIntake: false } });
    const audit = await admin.api.request<{ entries: AuditEntry[] }>('GET', '/admin/audit');

    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        action: 'settings.update',
        summary: 'changed voiceIntake',
        who: 'coordinator@example.org',
      }),
    ]);
  });
});

describe('coverage in reports', () => {
  const DAY = 86_400_000;
  /** Every weekday, all day: a roster anyone can tell from an empty one in the figures. */
  const aroundTheClock = (volunteerId: string) =>
    WeekdaySchema.options.map((day) => ({
      shiftId: `all-${day}`,
      volunteerId,
      day,
      start: '00:00',
      end: '24:00',
    }));
  let api: AdminClient;
  const signInAgain = async () => {
    const login = await admin.clientWith(undefined).request<{ token: string }>('POST', '/admin/dev-login', {
      email: 'coordinator@example.org',
    });
    api = admin.clientWith(login.body.token);
  };
  /** Counted in local days, not 24-hour steps: a week holding a DST change is 167 or 169 hours long. */
  const rosteredHours = async (from: number, to: number) => {
    const query = `from=${isoDateOfDay(from)}&to=${isoDateOfDay(to)}`;
    const report = await api.request<ContactReport>('GET', `/admin/reports?${query}`);
    expect(report.status).toBe(200);
    return report.body.rosteredHours;
  };

  it('counts last week from the roster as it was then, after today’s roster was cleared', async () => {
    const clock = movableClock();
    admin = await startAdminLine({ clock });
    const zone = await timeZone();
    const savedOn = localDayOf(clock.now(), zone);
    const first = await admin.api.request<RosterResponse>('PUT', '/admin/roster', {
      version: 0,
      weekly: aroundTheClock('vol-ben'),
      overrides: [],
    });
    expect(first.status).toBe(200);

    clock.advance(9 * DAY);
    await signInAgain(); // the first sign-in has expired by then
    const cleared = await api.request<RosterResponse>('PUT', '/admin/roster', {
      version: first.body.version,
      weekly: [],
      overrides: [],
    });
    expect(cleared.status).toBe(200);

    // Seven whole local days after the first save: rostered around the clock then (DST may make one 23 or 25 h).
    const lastWeek = await rosteredHours(savedOn + 1, savedOn + 7);
    expect(lastWeek).toBeGreaterThanOrEqual(7 * 24 - 1);
    expect(lastWeek).toBeLessThanOrEqual(7 * 24 + 1);
    // The day after the clearing: nobody is rostered, and the day before the first save nobody was.
    const clearedOn = localDayOf(clock.now(), zone);
    expect(await rosteredHours(clearedOn + 1, clearedOn + 1)).toBe(0);
    expect(await rosteredHours(savedOn - 1, savedOn - 1)).toBe(0);
  });
});
