// /admin/roster, /admin/shifts.csv and /admin/settings: versioned edits that take effect at once.

import type { RosterResponse, SettingsResponse } from '../../flows/admin/admin-api-types.js';
import {
  ConfirmSettingsBodySchema,
  RosterPutSchema,
  SettingsPatchBodySchema,
} from '../../flows/admin/admin-schemas.js';
import { type RoutingField, routingChanges } from '../../flows/admin/routing-change.js';
import { parseShiftCsv, shiftsToCsv } from '../../flows/admin/shift-csv.js';
import { type LineSettingsPatch, LineSettingsSchema } from '../../flows/line-settings.js';
import { coverageGaps, onShiftAt } from '../../flows/roster/roster-calendar.js';
import { type Roster, RosterSchema } from '../../flows/roster/roster-schema.js';
import { applyRosterEdit } from '../../flows/roster/roster-tick.js';
import { applySettingsPatch } from '../../flows/standard-settings.js';
import { jsonResponse, type WebResponse } from '../http/web-request.js';
import { type AdminContext, audit } from './admin-deps.js';
import {
  badRequest,
  conflict,
  csvRejected,
  csvResponse,
  errorResponse,
  invalid,
  readJson,
} from './responses.js';

const GAP_HORIZON_MS = 7 * 86_400_000;

async function rosterView(context: AdminContext, roster: Roster, version: number): Promise<RosterResponse> {
  const { settings } = await context.deps.store.getLine();
  const { now } = context;
  return {
    roster: { weekly: roster.weekly, overrides: roster.overrides },
    version,
    gaps: coverageGaps(roster, settings.hours, now, now + GAP_HORIZON_MS, settings.timeZone).map((gap) => ({
      start: gap.startsAt,
      end: gap.endsAt,
    })),
    onShiftNow: [...onShiftAt(roster, now, settings.timeZone)].sort(),
  };
}

export async function getRoster(context: AdminContext): Promise<WebResponse> {
  const { roster, version } = await context.deps.admin.getRoster();
  return jsonResponse(await rosterView(context, roster, version));
}

/** Saves at the version read, then puts on or takes off shift whoever the change affects now. */
async function saveRoster(
  context: AdminContext,
  before: Roster,
  after: Roster,
  expectVersion: number,
  summary: string,
): Promise<WebResponse> {
  const { deps } = context;
  const version = await deps.admin.saveRoster(after, expectVersion, context.now);
  if (version === undefined) {
    const current = await deps.admin.getRoster();
    return conflict(
      'the roster',
      await rosterView(context, current.roster, current.version),
      current.version,
    );
  }
  const moved = await applyRosterEdit(deps, before, after, context.now);
  const movedText = [
    moved.started.length ? `; on shift now: ${moved.started.join(', ')}` : '',
    moved.ended.length ? `; off shift now: ${moved.ended.join(', ')}` : '',
  ].join('');
  await audit(context, { action: 'roster.update', target: 'roster', summary: `${summary}${movedText}` });
  return jsonResponse(await rosterView(context, after, version));
}

/** Names any shift or override whose volunteer does not exist, by its place in the body. */
async function unknownVolunteers(context: AdminContext, roster: Roster) {
  const known = new Set((await context.deps.admin.listVolunteers()).map((v) => v.volunteerId));
  const issues: { path: string; message: string }[] = [];
  roster.weekly.forEach((shift, index) => {
    if (!known.has(shift.volunteerId))
      issues.push({
        path: `weekly.${index}.volunteerId`,
        message: `no volunteer has id "${shift.volunteerId}"`,
      });
  });
  roster.overrides.forEach((override, index) => {
    if ((override.kind === 'cover' || override.kind === 'extra') && !known.has(override.volunteerId))
      issues.push({
        path: `overrides.${index}.volunteerId`,
        message: `no volunteer has id "${override.volunteerId}"`,
      });
  });
  return issues;
}

export async function putRoster(context: AdminContext): Promise<WebResponse> {
  const body = readJson(context.request.body);
  if (!body.ok) return body.response;
  const shape = RosterPutSchema.safeParse(body.value);
  if (!shape.success) return invalid(shape.error);
  // The roster's own cross-checks (duplicate ids, overrides naming real shifts on the right weekday).
  const parsed = RosterSchema.safeParse({ weekly: shape.data.weekly, overrides: shape.data.overrides });
  if (!parsed.success) return invalid(parsed.error);
  const issues = await unknownVolunteers(context, parsed.data);
  if (issues.length) return badRequest(issues);
  const before = await context.deps.admin.getRoster();
  return saveRoster(
    context,
    before.roster,
    parsed.data,
    shape.data.version,
    `${parsed.data.weekly.length} weekly shifts, ${parsed.data.overrides.length} overrides`,
  );
}

export async function exportShifts(context: AdminContext): Promise<WebResponse> {
  const { roster } = await context.deps.admin.getRoster();
  return csvResponse(shiftsToCsv(roster.weekly), 'shifts.csv');
}

/** Replaces the weekly shifts as a whole at the version read; overrides stay. */
export async function importShifts(context: AdminContext): Promise<WebResponse> {
  const before = await context.deps.admin.getRoster();
  const known = new Set((await context.deps.admin.listVolunteers()).map((v) => v.volunteerId));
  const { roster, errors } = parseShiftCsv(context.request.body, known, before.roster.overrides);
  if (!roster) return csvRejected(errors);
  return saveRoster(
    context,
    before.roster,
    roster,
    before.version,
    `imported ${roster.weekly.length} weekly shifts from shifts.csv`,
  );
}

async function settingsView(context: AdminContext): Promise<SettingsResponse> {
  const { patch, version, pending } = await context.deps.admin.getSettingsRecord();
  return {
    settings: applySettingsPatch(context.deps.defaults, patch),
    version,
    ...(pending ? { pending } : {}),
  };
}

/** 409 with the settings as they are now, to review and save again. */
async function settingsConflict(context: AdminContext, what: string): Promise<WebResponse> {
  const view = await settingsView(context);
  return conflict(what, view, view.version);
}

export async function getSettings(context: AdminContext): Promise<WebResponse> {
  return jsonResponse(await settingsView(context));
}

/**
 * Saves a settings edit at the version it was made against. An edit that changes where callers in danger go
 * (crisis, clinician, partner numbers) is kept as a proposal instead, and every coordinator is told.
 */
export async function patchSettings(context: AdminContext): Promise<WebResponse> {
  const body = readJson(context.request.body);
  if (!body.ok) return body.response;
  const parsed = SettingsPatchBodySchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const { patch: stored, version: current } = await context.deps.admin.getSettingsRecord();
  const merged: LineSettingsPatch = { ...stored, ...parsed.data.settings };
  const whole = LineSettingsSchema.safeParse(applySettingsPatch(context.deps.defaults, merged));
  if (!whole.success) return invalid(whole.error, 'settings');
  const fields = routingChanges(applySettingsPatch(context.deps.defaults, stored), whole.data);
  if (fields.length > 0) {
    if (parsed.data.version !== current) return settingsConflict(context, 'the settings');
    return proposeRoutingChange(context, parsed.data.settings, current, fields);
  }
  const version = await context.deps.admin.saveSettingsRecord(merged, parsed.data.version);
  if (version === undefined) return settingsConflict(context, 'the settings');
  await audit(context, {
    action: 'settings.update',
    target: 'settings',
    summary: `changed ${Object.keys(parsed.data.settings).join(', ') || 'nothing'}`,
  });
  return jsonResponse({ settings: whole.data, version });
}

async function proposeRoutingChange(
  context: AdminContext,
  settings: LineSettingsPatch,
  baseVersion: number,
  fields: readonly RoutingField[],
): Promise<WebResponse> {
  const pending = {
    id: context.deps.ids.newId(),
    proposedBy: context.who,
    proposedAt: context.now,
    baseVersion,
    fields,
    settings,
  };
  await context.deps.admin.proposeSettings(pending);
  await audit(context, {
    action: 'settings.propose',
    target: 'settings',
    summary: `proposed a change to the ${fields.join(', ')}; a second coordinator must confirm it`,
  });
  await context.deps.events.publish([
    { type: 'RoutingChangeProposed', changeId: pending.id, fields: [...fields] },
  ]);
  return jsonResponse({ ...(await settingsView(context)), pending }, 202);
}

/** POST /admin/settings/confirm {id}: a second coordinator applies a pending routing change. */
export async function confirmSettings(context: AdminContext, action: string): Promise<WebResponse> {
  if (action !== 'confirm')
    return errorResponse(404, 'not-found', `no admin resource at ${context.request.rawPath}`);
  const body = readJson(context.request.body);
  if (!body.ok) return body.response;
  const parsed = ConfirmSettingsBodySchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const { patch: stored, version, pending } = await context.deps.admin.getSettingsRecord();
  if (pending?.id !== parsed.data.id)
    return errorResponse(
      404,
      'no-pending-change',
      'there is no pending change with that id; it was confirmed or replaced',
    );
  if (pending.proposedBy === context.who)
    return errorResponse(403, 'own-proposal', 'a second coordinator must confirm a change you proposed');
  const merged: LineSettingsPatch = { ...stored, ...pending.settings };
  const whole = LineSettingsSchema.safeParse(applySettingsPatch(context.deps.defaults, merged));
  if (!whole.success) return invalid(whole.error, 'settings');
  const saved =
    version === pending.baseVersion
      ? await context.deps.admin.saveSettingsRecord(merged, version, pending.id)
      : undefined;
  if (saved === undefined) return settingsConflict(context, 'the settings, since this change was proposed,');
  await audit(context, {
    action: 'settings.confirm',
    target: 'settings',
    summary: `confirmed the change to the ${pending.fields.join(', ')} proposed by ${pending.proposedBy}`,
  });
  await context.deps.events.publish([
    { type: 'RoutingChangeConfirmed', changeId: pending.id, fields: [...pending.fields] },
  ]);
  return jsonResponse({ settings: whole.data, version: saved });
}
