// /admin/contacts (and contacts.csv), blocked, board, reports and audit: read the anonymized log, never a
// number or caller key.

import type { BlockedEntry, ContactRow, ReportResponse } from '../../flows/admin/admin-api-types.js';
import { BlockCallerSchema, DateRangeSchema } from '../../flows/admin/admin-schemas.js';
import { contactsToCsv } from '../../flows/admin/contact-csv.js';
import { buildContactReport, reportToCsv } from '../../flows/admin/contact-report.js';
import { shapeBoard } from '../../flows/admin/live-board.js';
import { isWithheldKey } from '../../flows/caller-identity.js';
import { logFigures } from '../../flows/contact-log.js';
import type { Channel, Contact } from '../../flows/model.js';
import { LANGUAGES } from '../../flows/replies.js';
import { isLineOpen } from '../../flows/roster/line-hours.js';
import { dayFromIsoDate, isoDateOfDay, localDayOf, zonedInstant } from '../../flows/roster/local-time.js';
import { onShiftAt } from '../../flows/roster/roster-calendar.js';
import { occurrencesAsRostered } from '../../flows/roster/roster-history.js';
import { buildSurveyReport } from '../../flows/survey/survey-report.js';
import { jsonResponse, type WebResponse } from '../http/web-request.js';
import type { StoredBlock } from '../store/admin-store.js';
import { type AdminContext, audit } from './admin-deps.js';
import { badRequest, csvResponse, invalid, notFound, readJson } from './responses.js';

const CHANNELS: readonly Channel[] = ['voice', 'sms'];
const DEFAULT_RANGE_DAYS = 30;
/** A list a browser can show; reports count every contact in the range regardless. */
export const CONTACT_LIST_LIMIT = 2000;

interface ResolvedRange {
  readonly from: string;
  readonly to: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly timeZone: string;
}

/** Local dates in the line's timezone, inclusive; both absent means the last 30 days. */
async function resolveRange(
  context: AdminContext,
): Promise<{ ok: true; range: ResolvedRange } | { ok: false; response: WebResponse }> {
  const { settings } = await context.deps.store.getLine();
  const timeZone = settings.timeZone;
  const today = localDayOf(context.now, timeZone);
  const from = context.query.get('from');
  const to = context.query.get('to');
  const input =
    from === null && to === null
      ? { from: isoDateOfDay(today - DEFAULT_RANGE_DAYS + 1), to: isoDateOfDay(today) }
      : { from: from ?? undefined, to: to ?? undefined };
  const parsed = DateRangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, response: invalid(parsed.error) };
  const range = {
    ...parsed.data,
    fromMs: zonedInstant(dayFromIsoDate(parsed.data.from), 0, timeZone),
    toMs: zonedInstant(dayFromIsoDate(parsed.data.to) + 1, 0, timeZone),
    timeZone,
  };
  return { ok: true, range };
}

/** The log is partitioned by when a contact ended; a report counts contacts by when they started. */
async function contactsIn(context: AdminContext, range: ResolvedRange): Promise<Contact[]> {
  const ended = await context.deps.admin.listEndedContacts(range.fromMs, range.toMs + 86_400_000);
  return ended.filter((c) => c.startedAt >= range.fromMs && c.startedAt < range.toMs);
}

function contactRow(contact: Contact): ContactRow {
  return {
    contactId: contact.contactId,
    channel: contact.channel,
    language: contact.language,
    ...(contact.outcome ? { outcome: contact.outcome } : {}),
    startedAt: contact.startedAt,
    ...(contact.queuedAt === undefined ? {} : { queuedAt: contact.queuedAt }),
    ...(contact.endedAt === undefined ? {} : { endedAt: contact.endedAt }),
    ...logFigures(contact),
    ...(contact.escalation ? { escalation: contact.escalation } : {}),
    repeatCount: contact.repeatCount ?? 0,
    ...(contact.volunteerId ? { volunteerId: contact.volunteerId } : {}),
  };
}

export async function listContacts(context: AdminContext): Promise<WebResponse> {
  const resolved = await resolveRange(context);
  if (!resolved.ok) return resolved.response;
  const contacts = await contactsIn(context, resolved.range);
  contacts.sort((a, b) => b.startedAt - a.startedAt);
  const truncated = contacts.length > CONTACT_LIST_LIMIT;
  return jsonResponse({
    contacts: contacts.slice(0, CONTACT_LIST_LIMIT).map(contactRow),
    ...(truncated ? { truncated } : {}),
  });
}

/** Every contact in the range, unlike the list: a spreadsheet has no page to overflow. */
export async function exportContacts(context: AdminContext): Promise<WebResponse> {
  const resolved = await resolveRange(context);
  if (!resolved.ok) return resolved.response;
  const { range } = resolved;
  const csv = contactsToCsv(await contactsIn(context, range), range.timeZone);
  return csvResponse(csv, `contacts-${range.from}-to-${range.to}.csv`);
}

/** Coverage comes from the roster versions in force during the range, so a later edit leaves it as it was. */
async function report(context: AdminContext, range: ResolvedRange): Promise<ReportResponse> {
  const [contacts, versions, answers, line] = await Promise.all([
    contactsIn(context, range),
    context.deps.admin.rosterVersions(range.fromMs, range.toMs),
    context.deps.surveys.listAnswers(range.fromMs, range.toMs),
    context.deps.store.getLine(),
  ]);
  const figures = buildContactReport({
    ...range,
    contacts,
    occurrences: occurrencesAsRostered(versions, range.fromMs, range.toMs, range.timeZone),
  });
  return { ...figures, survey: buildSurveyReport(answers, line.settings.survey) };
}

export async function getReport(context: AdminContext, asCsv: boolean): Promise<WebResponse> {
  const resolved = await resolveRange(context);
  if (!resolved.ok) return resolved.response;
  const built = await report(context, resolved.range);
  if (!asCsv) return jsonResponse(built);
  return csvResponse(reportToCsv(built), `report-${built.from}-to-${built.to}.csv`);
}

export async function getAudit(context: AdminContext): Promise<WebResponse> {
  const resolved = await resolveRange(context);
  if (!resolved.ok) return resolved.response;
  return jsonResponse({
    entries: await context.deps.admin.listAudit(resolved.range.fromMs, resolved.range.toMs),
  });
}

function blockView(block: StoredBlock): BlockedEntry {
  return {
    blockId: block.blockId,
    contactId: block.contactId,
    ...(block.reason ? { reason: block.reason } : {}),
    addedAt: block.addedAt,
    addedBy: block.addedBy,
  };
}

export async function listBlocked(context: AdminContext): Promise<WebResponse> {
  const blocks = await context.deps.admin.listBlocks();
  return jsonResponse({ blocked: blocks.sort((a, b) => b.addedAt - a.addedAt).map(blockView) });
}

/** Blocks the caller behind a logged contact by their key; a caller already blocked keeps the first block. */
export async function blockCaller(context: AdminContext): Promise<WebResponse> {
  const body = readJson(context.request.body);
  if (!body.ok) return body.response;
  const parsed = BlockCallerSchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const contact = await context.deps.store.getContact(parsed.data.contactId);
  if (!contact) return badRequest([{ path: 'contactId', message: 'no contact in the log has this id' }]);
  if (isWithheldKey(contact.callerKey)) {
    return badRequest([
      {
        path: 'contactId',
        message: 'this caller withheld their number, so there is nothing to block them by',
      },
    ]);
  }
  const existing = (await context.deps.admin.listBlocks()).find((b) => b.callerKey === contact.callerKey);
  if (existing) return jsonResponse({ block: blockView(existing) });
  const block: StoredBlock = {
    blockId: `blk-${context.deps.ids.newId()}`,
    contactId: contact.contactId,
    callerKey: contact.callerKey,
    ...(parsed.data.reason ? { reason: parsed.data.reason } : {}),
    addedAt: context.now,
    addedBy: context.who,
  };
  await context.deps.admin.addBlock(block);
  await audit(context, {
    action: 'caller.block',
    target: block.blockId,
    summary: `blocked the caller of contact ${contact.contactId}${block.reason ? `: ${block.reason}` : ''}`,
  });
  return jsonResponse({ block: blockView(block) }, 201);
}

export async function unblockCaller(context: AdminContext, blockId: string): Promise<WebResponse> {
  const removed = await context.deps.admin.removeBlock(blockId, context.who, context.now);
  if (!removed) return notFound('block');
  await audit(context, {
    action: 'caller.unblock',
    target: blockId,
    summary: `unblocked the caller of contact ${removed.contactId}`,
  });
  return jsonResponse({ block: blockView(removed) });
}

export async function getBoard(context: AdminContext): Promise<WebResponse> {
  const { store, admin } = context.deps;
  const { now } = context;
  const queueReads = CHANNELS.flatMap((channel) =>
    LANGUAGES.map(async (language) => ({
      channel,
      language,
      contacts: await store.listQueued(channel, language, 200),
    })),
  );
  const [line, live, onShift, { roster }, ...queues] = await Promise.all([
    store.getLine(),
    store.listLive(),
    store.listOnShift(),
    admin.getRoster(),
    ...queueReads,
  ]);
  return jsonResponse(
    shapeBoard({
      now,
      lineOpen: isLineOpen(line.settings.hours, now, line.settings.timeZone),
      queues,
      live,
      onShift,
      rosteredIds: onShiftAt(roster, now, line.settings.timeZone),
    }),
  );
}
