// The local line's own minute tick following the roster: reminder, start, end, each once.
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsResponse, VolunteerView } from '../../../flows/admin/admin-api-types.js';
import { localDayOf, localMinuteOf, weekdayOfDay } from '../../../flows/roster/local-time.js';
import { movableClock } from '../../support/local-line.js';
import { type AdminLine, startAdminLine } from './admin-line.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DANA_PHONE = '+12025550142';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

const clockTime = (minute: number) =>
  `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

describe('the minute tick with a roster', () => {
  it('reminds, starts and ends a rostered shift, each once', async () => {
    const clock = movableClock();
    // From the next 16:00 UTC, late morning on the line's New York clock: no DST change falls in the hour ahead,
    // where a skipped or repeated local hour would move the shift's wall-clock end off the end tick.
    clock.advance((16 * HOUR - (clock.now() % DAY) + DAY) % DAY);
    admin = await startAdminLine({ clock });
    const { line } = admin;
    const tz = (await admin.api.request<SettingsResponse>('GET', '/admin/settings')).body.settings.timeZone;
    const dana = (
      await admin.api.request<{ volunteer: VolunteerView }>('POST', '/admin/volunteers', {
        name: 'Dana',
        phone: DANA_PHONE,
        languages: ['en'],
      })
    ).body.volunteer;
    // A 20-minute shift starting 40 minutes from now, on whatever local day that falls.
    const startsAt = clock.now() - (clock.now() % MINUTE) + 40 * MINUTE;
    const startMinute = localMinuteOf(startsAt, tz);
    await admin.api.request('PUT', '/admin/roster', {
      version: 0,
      weekly: [
        {
          shiftId: 'soon',
          volunteerId: dana.volunteerId,
          day: weekdayOfDay(localDayOf(startsAt, tz)),
          start: clockTime(startMinute),
          end: clockTime(startMinute + 20),
        },
      ],
      overrides: [],
    });
    const tickAt = async (instant: number) => {
      clock.advance(instant - clock.now());
      const report = await line.tick();
      await line.idle();
      return report;
    };

    const reminder = await tickAt(startsAt - 30 * MINUTE);
    const reminderAgain = await tickAt(startsAt - 29 * MINUTE);
    const start = await tickAt(startsAt);
    const startAgain = await tickAt(startsAt + MINUTE);
    const onShift = (await line.store.getLine()).onShiftIds.has(dana.volunteerId);
    const end = await tickAt(startsAt + 20 * MINUTE);

    expect([reminder.remindersSent, reminderAgain.remindersSent]).toEqual([1, 0]);
    await line.simulator.phone(DANA_PHONE).waitForMessage('your shift starts in 30 minutes');
    expect(line.simulator.phone(DANA_PHONE).messages).toHaveLength(1);
    expect([start.shiftsStarted, startAgain.shiftsStarted]).toEqual([1, 0]);
    expect(onShift).toBe(true);
    expect(end.shiftsEnded).toBe(1);
    expect((await line.store.getVolunteer(dana.volunteerId))?.onShift).toBe(false);
    const shiftEvents = line.bus.published.filter(
      (e) => e.type === 'ShiftStarted' || e.type === 'ShiftEnded',
    );
    expect(shiftEvents.map((e) => e.type)).toEqual(['ShiftStarted', 'ShiftEnded']);
  });
});
