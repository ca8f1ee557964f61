// Demo data for a local run: three volunteers on shift now, a week of roster shifts, and a line that is always open.
import type { Volunteer } from '../../flows/model.js';
import type { PhoneVault } from '../../flows/ports.js';
import type { Language } from '../../flows/replies.js';
import { type Roster, WeekdaySchema } from '../../flows/roster/roster-schema.js';
import type { DynamoStore } from '../../functions/store/dynamo-store.js';

/** The one admin-store call the roster seed needs. */
export interface RosterSeedStore {
  saveRoster(roster: Roster, expectVersion: number, at: number): Promise<number | undefined>;
}

export interface SeededVolunteer {
  readonly volunteerId: string;
  readonly name: string;
  /** 555-01xx numbers are reserved for fiction: these phones exist only in the simulator. */
  readonly phone: string;
  readonly languages: readonly Language[];
}

export const DEMO_VOLUNTEERS: readonly SeededVolunteer[] = [
  { volunteerId: 'vol-ana', name: 'Ana', phone: '+15550100001', languages: ['en', 'es'] },
  { volunteerId: 'vol-ben', name: 'Ben', phone: '+15550100002', languages: ['en'] },
  { volunteerId: 'vol-caro', name: 'Caro', phone: '+15550100003', languages: ['es', 'en'] },
];

export async function seedDemoLine(
  store: DynamoStore,
  vault: PhoneVault,
  now: number,
): Promise<SeededVolunteer[]> {
  await store.saveSettings({ hours: { alwaysOpen: true, windows: [], holidays: [] } });
  for (const [index, seeded] of DEMO_VOLUNTEERS.entries()) {
    const volunteer: Volunteer = {
      volunteerId: seeded.volunteerId,
      name: seeded.name,
      phoneSealed: vault.seal(seeded.phone),
      phoneKey: vault.keyOf(seeded.phone),
      languages: seeded.languages,
      active: true,
      maxTextSessions: 3,
      onShift: true,
      state: 'available',
      // Staggered so "longest idle first" has a visible order: Ana, then Ben, then Caro.
      idleSince: now - (DEMO_VOLUNTEERS.length - index) * 60_000,
      missedOffers: 0,
      version: 1,
    };
    await store.putVolunteer(volunteer);
    await store.linkVolunteerPhone(volunteer.phoneKey, volunteer.volunteerId);
    await store.setOnShift(volunteer.volunteerId, true);
  }
  return [...DEMO_VOLUNTEERS];
}

/**
 * Every demo volunteer rostered all day, every day. The line is always open and the minute tick takes a
 * volunteer off when their rostered occurrence ends with none running on, so anything short of
 * around-the-clock cover would empty the demo line at the first shift change; whole days that meet at
 * midnight hand over without a gap, and the console's roster grid shows a full week instead of "gap".
 */
export function demoRoster(): Roster {
  return {
    weekly: WeekdaySchema.options.flatMap((day) =>
      DEMO_VOLUNTEERS.map((seeded) => ({
        shiftId: `demo-${seeded.volunteerId}-${day}`,
        volunteerId: seeded.volunteerId,
        day,
        start: '00:00',
        end: '24:00',
      })),
    ),
    overrides: [],
  };
}

/** Saved only when no roster exists yet, so a kept data folder keeps the coordinators' own edits. */
export async function seedDemoRoster(admin: RosterSeedStore, now: number): Promise<void> {
  await admin.saveRoster(demoRoster(), 0, now);
}
