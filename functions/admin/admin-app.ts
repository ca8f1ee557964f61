// The coordinators' API under /admin, runtime-neutral: Lambda and the local runner both call it with claims.
import { jsonResponse, type WebRequest, type WebResponse } from '../http/web-request.js';
import type { AdminContext, AdminDeps } from './admin-deps.js';
import { checkCoordinator } from './claims.js';
import {
  blockCaller,
  exportContacts,
  getAudit,
  getBoard,
  getReport,
  listBlocked,
  listContacts,
  unblockCaller,
} from './log-routes.js';
import { errorResponse } from './responses.js';
import {
  confirmSettings,
  exportShifts,
  getRoster,
  getSettings,
  importShifts,
  patchSettings,
  putRoster,
} from './roster-routes.js';
import { readingAlong, startReadingAlong, superviseCall } from './supervision-routes.js';
import {
  addVolunteer,
  deactivateVolunteer,
  exportVolunteers,
  getVolunteer,
  importVolunteers,
  listVolunteers,
  patchVolunteer,
} from './volunteer-routes.js';

/** The console's CSV imports are the largest bodies the API takes: 1 MiB is thousands of rows. */
export const ADMIN_BODY_LIMIT_BYTES = 1024 * 1024;

export type AdminApp = (request: WebRequest, claims: unknown) => Promise<WebResponse>;

type Handler = (context: AdminContext, id: string) => Promise<WebResponse>;

/** "GET volunteers/:id" style keys; ":id" matches one path segment. */
const ROUTES: Record<string, Handler> = {
  'GET volunteers': listVolunteers,
  'POST volunteers': addVolunteer,
  'GET volunteers/:id': getVolunteer,
  'PATCH volunteers/:id': patchVolunteer,
  'DELETE volunteers/:id': deactivateVolunteer,
  'GET volunteers.csv': exportVolunteers,
  'POST volunteers.csv': importVolunteers,
  'GET roster': getRoster,
  'PUT roster': putRoster,
  'GET shifts.csv': exportShifts,
  'POST shifts.csv': importShifts,
  'GET settings': getSettings,
  'PATCH settings': patchSettings,
  'POST settings/:id': confirmSettings,
  'GET contacts': listContacts,
  'GET contacts.csv': exportContacts,
  'GET blocked': listBlocked,
  'POST blocked': blockCaller,
  'DELETE blocked/:id': unblockCaller,
  'GET board': getBoard,
  'GET reports': (context) => getReport(context, false),
  'GET reports.csv': (context) => getReport(context, true),
  'GET audit': getAudit,
  'POST supervision': superviseCall,
  'POST read-along/:id': startReadingAlong,
  'GET read-along/:id': readingAlong,
};

function match(
  method: string,
  segments: readonly string[],
): { handler: Handler; id: string } | 'wrong-method' | undefined {
  const [first, second, ...more] = segments;
  if (first === undefined || more.length > 0) return undefined;
  const pattern = second === undefined ? first : `${first}/:id`;
  const handler = ROUTES[`${method} ${pattern}`];
  if (handler) return { handler, id: second ?? '' };
  return Object.keys(ROUTES).some((key) => key.endsWith(` ${pattern}`)) ? 'wrong-method' : undefined;
}

export function createAdminApp(deps: AdminDeps): AdminApp {
  return async (request, claims) => {
    const coordinator = checkCoordinator(claims);
    if (!coordinator.ok) return jsonResponse({ error: coordinator.error }, coordinator.status);
    const rest = request.rawPath.replace(/^\/admin\/?/, '').replace(/\/$/, '');
    let segments: string[];
    try {
      segments = rest === '' ? [] : rest.split('/').map(decodeURIComponent);
    } catch {
      return jsonResponse({ error: 'the path is not valid' }, 404);
    }
    const method = request.method.toUpperCase();
    const found = match(method, segments);
    if (found === undefined)
      return errorResponse(404, 'not-found', `no admin resource at ${request.rawPath}`);
    if (found === 'wrong-method')
      return jsonResponse({ error: `${method} is not allowed on ${request.rawPath}` }, 405);
    const context: AdminContext = {
      deps,
      request,
      segments,
      query: new URLSearchParams(request.rawQuery),
      who: coordinator.who,
      now: deps.clock.now(),
    };
    try {
      return await found.handler(context, found.id);
    } catch (error) {
      deps.log.error('admin request failed', {
        route: `${method} ${segments[0] ?? ''}`,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return errorResponse(500, 'server-error', 'the request failed on our side; nothing more was changed');
    }
  };
}
