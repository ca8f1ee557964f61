// /admin/supervision and /admin/read-along: the live board's Listen, Coach and Read along buttons. The line rings the chosen supervisor into the
// call (the dispatcher does, as for a LISTEN text); the coordinator who asked is audited beside the supervisor.
import { SupervisionBodySchema } from '../../flows/admin/admin-schemas.js';
import type { IssueCode } from '../../flows/admin/issue-codes.js';
import { contactReference } from '../../flows/supervision/contact-reference.js';
import { requestSupervision, type SupervisionRefusal } from '../../flows/supervision/listen-in.js';
import { READ_ALONG_MINUTES, readAlong, startReadAlong } from '../../flows/supervision/read-along.js';
import { jsonResponse, type WebResponse } from '../http/web-request.js';
import { type AdminContext, audit } from './admin-deps.js';
import { errorResponse, invalid, readJson } from './responses.js';

const REFUSALS: Readonly<Record<SupervisionRefusal, readonly [number, IssueCode, string]>> = {
  disabled: [409, 'supervision-off', 'listening in is switched off in the line settings; nobody was called'],
  'coaching-off': [409, 'coaching-off', 'coaching is switched off in the line settings; nobody was called'],
  'not-supervisor': [
    409,
    'not-supervisor',
    'that volunteer is not marked as a supervisor; nobody was called',
  ],
  unknown: [404, 'call-not-live', 'that contact is no longer live; nobody was called and nothing is kept'],
  ambiguous: [404, 'call-not-live', 'that call is no longer live; nobody was called'],
  text: [409, 'call-is-text', 'that is a text conversation: read along on the board; nobody was called'],
  'not-connected': [409, 'call-not-connected', 'no volunteer is with that caller yet; nobody was called'],
};

export async function superviseCall(context: AdminContext): Promise<WebResponse> {
  const body = readJson(context.request.body);
  if (!body.ok) return body.response;
  const parsed = SupervisionBodySchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const { contactId, supervisorId, mode } = parsed.data;
  const answer = await requestSupervision(context.deps, {
    supervisorId,
    mode,
    contact: { contactId },
    requestId: `console-${context.deps.ids.newId()}`,
    via: 'console',
  });
  if (answer.kind === 'refused') return refusal(answer.reason);
  await audit(context, {
    action: 'supervision.request',
    target: contactId,
    summary: `asked the line to call supervisor ${supervisorId} to ${mode === 'coach' ? 'coach' : 'listen in'}`,
  });
  return jsonResponse({ contactId, reference: answer.reference, mode }, 202);
}

/** POST read-along/:id starts (or renews) reading along, audited; GET read-along/:id reads the recent messages. */
export async function startReadingAlong(context: AdminContext, contactId: string): Promise<WebResponse> {
  const { settings } = await context.deps.store.getLine();
  if (!settings.supervisionEnabled) return refusal('disabled');
  if (!(await startReadAlong(context.deps, contactId))) return refusal('unknown');
  await audit(context, {
    action: 'supervision.read-along',
    target: contactId,
    summary: `started reading along for ${READ_ALONG_MINUTES} minutes`,
  });
  return readingAlong(context, contactId);
}

export async function readingAlong(context: AdminContext, contactId: string): Promise<WebResponse> {
  const messages = await readAlong(context.deps, contactId);
  if (!messages) return refusal('unknown');
  return jsonResponse({ contactId, reference: contactReference(contactId), messages });
}

function refusal(reason: SupervisionRefusal): WebResponse {
  const [status, code, error] = REFUSALS[reason];
  return errorResponse(status, code, error);
}
