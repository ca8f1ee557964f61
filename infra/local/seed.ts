// Demo data for a local run: three volunteers on shift now and a line that is always open.
import type { Volunteer } from '../../flows/model.js';
import type { PhoneVault } from '../../flows/ports.js';
import type { Language } from '../../flows/replies.js';
import type { DynamoStore } from '../../functions/store/dynamo-store.js';

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
