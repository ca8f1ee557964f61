// The local demo's seed: a week of roster shifts in the console's grid, and the demo volunteers still on shift
// after the minute tick, now and across a midnight hand-over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeekdaySchema } from '../../../flows/roster/roster-schema.js';
import { DEMO_VOLUNTEERS } from '../../../infra/local/seed.js';
import { type AdminLine, startAdminLine } from '../../functions/admin/admin-line.js';
import { movableClock } from '../../support/local-line.js';

interface RosterView {
  roster: { weekly: { volunteerId: string; day: string }[] };
  gaps: unknown[];
  onShiftNow: string[];
}

const DEMO_IDS = DEMO_VOLUNTEERS.map((v) => v.volunteerId).sort();

describe('local demo seed', () => {
  const clock = movableClock();
  let admin: AdminLine;
  beforeAll(async () => {
    admin = await startAdminLine({ seedRoster: true, clock });
  });
  afterAll(() => admin.line.close());

  const onShiftIds = async () => (await admin.line.store.listOnShift()).map((v) => v.volunteerId).sort();

  it('rosters every demo volunteer on every day of the week, leaving no gap', async () => {
    const { status, body } = await admin.api.request<RosterView>('GET', '/admin/roster');

    expect(status).toBe(200);
    for (const day of WeekdaySchema.options) {
      const rostered = body.roster.weekly.filter((s) => s.day === day).map((s) => s.volunteerId);
      expect(rostered.sort(), day).toEqual(DEMO_IDS);
    }
    expect(body.gaps).toEqual([]);
    expect(body.onShiftNow).toEqual(DEMO_IDS);
  });

  it('keeps the demo volunteers on shift through a tick now and a tick a day later', async () => {
    await admin.line.tick();
    expect(await onShiftIds()).toEqual(DEMO_IDS);

    // A day on, every volunteer's occurrence has ended at midnight; the next day's runs on, so nobody drops.
    clock.advance(86_400_000);
    await admin.line.tick();
    expect(await onShiftIds()).toEqual(DEMO_IDS);
  });
});
