// The admin store's roster log against real dynalite: every version is kept, and a report reads only those in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Roster } from '../../../flows/roster/roster-schema.js';
import { AdminStore } from '../../../functions/store/admin-store.js';
import { type StoreForTest, startStoreForTest } from '../../support/dynalite-table.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1, 12);
let table: StoreForTest;
let admin: AdminStore;

const rosterNamed = (volunteerId: string): Roster => ({
  weekly: [{ shiftId: `s-${volunteerId}`, volunteerId, day: 'mon', start: '09:00', end: '17:00' }],
  overrides: [],
});

beforeAll(async () => {
  table = await startStoreForTest();
  admin = new AdminStore(table.documentClient, table.tableName);
  // Ten versions, one every ten days: v1 (vol-1) from T0, v2 from T0 + 10 days, ...
  for (let version = 0; version < 10; version++)
    expect(await admin.saveRoster(rosterNamed(`vol-${version + 1}`), version, T0 + version * 10 * DAY)).toBe(
      version + 1,
    );
}, 30_000);
afterAll(() => table?.close());

const holders = (versions: { roster: Roster }[]) =>
  versions.map((v) => v.roster.weekly[0]?.volunteerId).sort();

describe('the roster log', () => {
  it('returns the version in force at the start of a range and those saved inside it, nothing older or newer', async () => {
    // From day 25 to day 45: v3 (day 20) was in force at the start, v4 (day 30) and v5 (day 40) came during it.
    const versions = await admin.rosterVersions(T0 + 25 * DAY, T0 + 45 * DAY);

    // The current version (v10) is always read too; it took effect after the range, so it counts for nothing.
    expect(holders(versions)).toEqual(['vol-10', 'vol-3', 'vol-4', 'vol-5']);
    expect(versions.find((v) => v.version === 4)?.effectiveFrom).toBe(T0 + 30 * DAY);
  });

  it('answers a range before the first roster with no version in force then', async () => {
    const versions = await admin.rosterVersions(T0 - 20 * DAY, T0 - 10 * DAY);

    expect(versions.map((v) => v.version)).toEqual([10]);
  });

  it('refuses a save at a stale version and leaves the log and the roster as they were', async () => {
    expect(await admin.saveRoster(rosterNamed('late'), 3, T0 + 200 * DAY)).toBeUndefined();

    const { roster, version } = await admin.getRoster();
    expect(version).toBe(10);
    expect(roster.weekly[0]?.volunteerId).toBe('vol-10');
    // v9 is the last logged before the range (v10, current, is never in the log), and nothing says "late".
    expect(holders(await admin.rosterVersions(T0 + 95 * DAY, T0 + 300 * DAY))).toEqual(['vol-10', 'vol-9']);
  });
});
