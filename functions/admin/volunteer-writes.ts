// Creating and changing volunteers: the phone is sealed and keyed, its link claimed, the shift set kept true.
import type { VolunteerView } from '../../flows/admin/admin-api-types.js';
import { maskPhone } from '../../flows/admin/phone-format.js';
import type { Volunteer } from '../../flows/model.js';
import type { Language } from '../../flows/replies.js';
import type { AdminDeps } from './admin-deps.js';

export interface VolunteerFields {
  readonly name?: string | undefined;
  /** E.164, already normalised. */
  readonly phone?: string | undefined;
  readonly languages?: readonly Language[] | undefined;
  readonly active?: boolean | undefined;
  readonly maxTextSessions?: number | undefined;
  readonly notes?: string | undefined;
  readonly supervisor?: boolean | undefined;
}

export function volunteerView(deps: Pick<AdminDeps, 'vault'>, volunteer: Volunteer): VolunteerView {
  return {
    volunteerId: volunteer.volunteerId,
    name: volunteer.name,
    phoneMasked: maskPhone(deps.vault.open(volunteer.phoneSealed)),
    languages: volunteer.languages,
    active: volunteer.active,
    maxTextSessions: volunteer.maxTextSessions,
    ...(volunteer.notes ? { notes: volunteer.notes } : {}),
    supervisor: volunteer.supervisor === true,
    onShift: volunteer.onShift,
    version: volunteer.version,
  };
}

export type WriteResult =
  | { kind: 'saved'; volunteer: Volunteer }
  | { kind: 'phone-taken' }
  | { kind: 'id-taken' }
  | { kind: 'stale'; current: Volunteer | undefined };

export async function createVolunteer(
  deps: AdminDeps,
  volunteerId: string,
  fields: Required<Pick<VolunteerFields, 'name' | 'phone' | 'languages'>> & VolunteerFields,
  now: number,
): Promise<WriteResult> {
  const phoneKey = deps.vault.keyOf(fields.phone);
  // Claimed first: two volunteers created at once with one number cannot both get it.
  if (!(await deps.admin.claimPhone(phoneKey, volunteerId))) return { kind: 'phone-taken' };
  const volunteer: Volunteer = {
    volunteerId,
    name: fields.name,
    phoneSealed: deps.vault.seal(fields.phone),
    phoneKey,
    languages: [...fields.languages],
    active: fields.active ?? true,
    maxTextSessions: fields.maxTextSessions ?? 3,
    ...(fields.notes ? { notes: fields.notes } : {}),
    ...(fields.supervisor ? { supervisor: true } : {}),
    onShift: false,
    state: 'available',
    idleSince: now,
    missedOffers: 0,
    version: 1,
  };
  if (!(await deps.admin.createVolunteer(volunteer))) {
    await deps.admin.releasePhone(phoneKey, volunteerId);
    return { kind: 'id-taken' };
  }
  return { kind: 'saved', volunteer };
}

/**
 * Applies fields at `expectVersion` (undefined: whatever the version is). A new phone is claimed before the
 * record changes and the old one released after; deactivating also takes the volunteer off shift.
 */
export async function updateVolunteer(
  deps: AdminDeps,
  existing: Volunteer,
  fields: VolunteerFields,
  expectVersion: number | undefined,
): Promise<WriteResult> {
  const newKey = fields.phone === undefined ? undefined : deps.vault.keyOf(fields.phone);
  const phoneChanges = newKey !== undefined && newKey !== existing.phoneKey;
  if (phoneChanges && !(await deps.admin.claimPhone(newKey, existing.volunteerId))) {
    return { kind: 'phone-taken' };
  }
  const deactivating = fields.active === false && existing.active;
  const updated = await deps.store.updateVolunteer(existing.volunteerId, {
    ...(expectVersion === undefined ? {} : { expectVersion }),
    set: {
      ...(fields.name === undefined ? {} : { name: fields.name }),
      ...(fields.languages === undefined ? {} : { languages: [...fields.languages] }),
      ...(fields.active === undefined ? {} : { active: fields.active }),
      ...(fields.maxTextSessions === undefined ? {} : { maxTextSessions: fields.maxTextSessions }),
      ...(fields.notes === undefined ? {} : { notes: fields.notes }),
      ...(fields.supervisor === undefined ? {} : { supervisor: fields.supervisor }),
      ...(phoneChanges && fields.phone
        ? { phoneKey: newKey, phoneSealed: deps.vault.seal(fields.phone) }
        : {}),
      ...(deactivating && existing.onShift ? { onShift: false } : {}),
    },
  });
  if (!updated) {
    if (phoneChanges) await deps.admin.releasePhone(newKey, existing.volunteerId);
    return { kind: 'stale', current: await deps.store.getVolunteer(existing.volunteerId) };
  }
  if (phoneChanges) await deps.admin.releasePhone(existing.phoneKey, existing.volunteerId);
  if (deactivating) await deps.store.setOnShift(existing.volunteerId, false);
  await deps.admin.joinDirectory(existing.volunteerId);
  return { kind: 'saved', volunteer: updated };
}

/** Which fields a change touched, for the audit summary (never the values of phone or notes). */
export function changedFields(fields: VolunteerFields): string {
  const names = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name]) => name);
  return names.length ? names.join(', ') : 'nothing';
}
