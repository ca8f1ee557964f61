// /admin/volunteers: list, add, edit with a version, deactivate, and CSV out and in (whole or nothing).
import {
  VersionOnlySchema,
  VolunteerInputSchema,
  VolunteerPatchSchema,
} from '../../flows/admin/admin-schemas.js';
import type { CsvRowError } from '../../flows/admin/csv.js';
import { maskPhone, normalisePhone } from '../../flows/admin/phone-format.js';
import { parseVolunteerCsv, volunteersToCsv } from '../../flows/admin/volunteer-csv.js';
import { jsonResponse, type WebResponse } from '../http/web-request.js';
import { type AdminContext, audit } from './admin-deps.js';
import {
  badRequest,
  conflict,
  csvRejected,
  csvResponse,
  errorResponse,
  invalid,
  notFound,
  readJson,
} from './responses.js';
import {
  changedFields,
  createVolunteer,
  updateVolunteer,
  volunteerView,
  type WriteResult,
} from './volunteer-writes.js';

/** Rows written a few at a time: a large file stays within the API's time limit without a burst. */
const IMPORT_CONCURRENCY = 8;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += IMPORT_CONCURRENCY) {
    await Promise.all(items.slice(i, i + IMPORT_CONCURRENCY).map(work));
  }
}

const PHONE_TAKEN = { path: 'phone', message: 'is already the number of another volunteer' };

function failure(context: AdminContext, result: Exclude<WriteResult, { kind: 'saved' }>): WebResponse {
  switch (result.kind) {
    case 'phone-taken':
      return badRequest([PHONE_TAKEN]);
    case 'id-taken':
      return errorResponse(409, 'volunteer-exists', 'a volunteer with that id already exists');
    case 'stale':
      return result.current
        ? conflict('this volunteer', volunteerView(context.deps, result.current), result.current.version)
        : notFound('volunteer');
  }
}

export async function listVolunteers(context: AdminContext): Promise<WebResponse> {
  const volunteers = await context.deps.admin.listVolunteers();
  return jsonResponse({ volunteers: volunteers.map((v) => volunteerView(context.deps, v)) });
}

export async function addVolunteer(context: AdminContext): Promise<WebResponse> {
  const body = readJson(context.request.body);
  if (!body.ok) return body.response;
  const parsed = VolunteerInputSchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const phone = normalisePhone(parsed.data.phone);
  if (!phone.ok) return badRequest([{ path: 'phone', message: phone.message }]);
  const volunteerId = `vol-${context.deps.ids.newId()}`;
  const result = await createVolunteer(
    context.deps,
    volunteerId,
    { ...parsed.data, phone: phone.e164 },
    context.now,
  );
  if (result.kind !== 'saved') return failure(context, result);
  await audit(context, {
    action: 'volunteer.create',
    target: volunteerId,
    summary: `added ${result.volunteer.name} (${maskPhone(phone.e164)})`,
  });
  return jsonResponse({ volunteer: volunteerView(context.deps, result.volunteer) }, 201);
}

export async function getVolunteer(context: AdminContext, volunteerId: string): Promise<WebResponse> {
  const volunteer = await context.deps.store.getVolunteer(volunteerId);
  return volunteer
    ? jsonResponse({ volunteer: volunteerView(context.deps, volunteer) })
    : notFound('volunteer');
}

export async function patchVolunteer(context: AdminContext, volunteerId: string): Promise<WebResponse> {
  const body = readJson(context.request.body);
  if (!body.ok) return body.response;
  const parsed = VolunteerPatchSchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const { version, phone: phoneInput, ...rest } = parsed.data;
  let phone: string | undefined;
  if (phoneInput !== undefined) {
    const checked = normalisePhone(phoneInput);
    if (!checked.ok) return badRequest([{ path: 'phone', message: checked.message }]);
    phone = checked.e164;
  }
  const existing = await context.deps.store.getVolunteer(volunteerId);
  if (!existing) return notFound('volunteer');
  // A partial patch must not reset omitted fields to their input defaults.
  const fields = {
    name: rest.name,
    languages: rest.languages,
    notes: rest.notes,
    phone,
    active: 'active' in (body.value as object) ? rest.active : undefined,
    maxTextSessions: 'maxTextSessions' in (body.value as object) ? rest.maxTextSessions : undefined,
    supervisor: 'supervisor' in (body.value as object) ? rest.supervisor : undefined,
  };
  const result = await updateVolunteer(context.deps, existing, fields, version);
  if (result.kind !== 'saved') return failure(context, result);
  await audit(context, {
    action: 'volunteer.update',
    target: volunteerId,
    summary: `changed ${changedFields(fields)} of ${result.volunteer.name}`,
  });
  return jsonResponse({ volunteer: volunteerView(context.deps, result.volunteer) });
}

export async function deactivateVolunteer(context: AdminContext, volunteerId: string): Promise<WebResponse> {
  const raw = context.query.get('version');
  const parsed = VersionOnlySchema.safeParse({
    version: raw === null || raw === '' ? undefined : Number(raw),
  });
  if (!parsed.success) return invalid(parsed.error);
  const existing = await context.deps.store.getVolunteer(volunteerId);
  if (!existing) return notFound('volunteer');
  const result = await updateVolunteer(context.deps, existing, { active: false }, parsed.data.version);
  if (result.kind !== 'saved') return failure(context, result);
  await audit(context, {
    action: 'volunteer.deactivate',
    target: volunteerId,
    summary: `deactivated ${existing.name}`,
  });
  return jsonResponse({ volunteer: volunteerView(context.deps, result.volunteer) });
}

export async function exportVolunteers(context: AdminContext): Promise<WebResponse> {
  const volunteers = await context.deps.admin.listVolunteers();
  const rows = volunteers.map((v) => {
    const view = volunteerView(context.deps, v);
    return { ...view, maskedPhone: view.phoneMasked };
  });
  return csvResponse(volunteersToCsv(rows), 'volunteers.csv');
}

/** Every row and every number is checked before the first write; any problem and nothing is written. */
export async function importVolunteers(context: AdminContext): Promise<WebResponse> {
  const { deps } = context;
  const existing = new Map((await deps.admin.listVolunteers()).map((v) => [v.volunteerId, v]));
  const { volunteers, errors } = parseVolunteerCsv(context.request.body, new Set(existing.keys()));
  if (errors.length) return csvRejected(errors);
  const phoneErrors: CsvRowError[] = [];
  await inBatches(volunteers, async (row) => {
    if (!row.phone) return;
    const owner = await deps.admin.phoneOwner(deps.vault.keyOf(row.phone));
    if (owner !== undefined && owner !== row.volunteerId) {
      phoneErrors.push({ row: row.row, field: 'phone', message: PHONE_TAKEN.message });
    }
  });
  if (phoneErrors.length) return csvRejected(phoneErrors.sort((a, b) => a.row - b.row));
  let created = 0;
  let updated = 0;
  await inBatches(volunteers, async (row) => {
    const current = row.volunteerId ? existing.get(row.volunteerId) : undefined;
    const fields = {
      name: row.name,
      phone: row.phone,
      languages: row.languages,
      active: row.active,
      maxTextSessions: row.maxTextSessions,
      notes: row.notes ?? '',
    };
    if (current) {
      const result = await updateVolunteer(deps, current, fields, undefined);
      if (result.kind === 'saved') updated++;
    } else if (row.phone) {
      const id = row.volunteerId ?? `vol-${deps.ids.newId()}`;
      const result = await createVolunteer(deps, id, { ...fields, phone: row.phone }, context.now);
      if (result.kind === 'saved') created++;
    }
  });
  await audit(context, {
    action: 'volunteers.import',
    target: 'volunteers.csv',
    summary: `imported ${volunteers.length} rows: ${created} added, ${updated} updated`,
  });
  return jsonResponse({ created, updated });
}
