// The admin API's error bodies, one shape each, so the console can show any of them the same way.
import type * as z from 'zod';
import { type FieldIssue, fieldIssues } from '../../flows/admin/admin-schemas.js';
import type { CsvRowError } from '../../flows/admin/csv.js';
import { codeIssue, type IssueCode } from '../../flows/admin/issue-codes.js';
import { jsonResponse, type WebResponse } from '../http/web-request.js';

const coded = <T extends FieldIssue>(issue: T): T =>
  issue.code ? issue : { ...issue, ...codeIssue(issue.message) };

/**
 * An error not tied to a field: the English sentence for API clients and a stable code for the console.
 * Every error body has this shape, plus `issues` for field errors.
 */
export function errorResponse(
  status: number,
  code: IssueCode,
  error: string,
  extra: object = {},
): WebResponse {
  return jsonResponse({ error, code, ...extra }, status);
}

/** 400 naming the first field and its problem, with every issue listed and coded. */
export function badRequest(issues: readonly FieldIssue[]): WebResponse {
  const first = issues[0] ?? { path: '(body)', message: 'is not valid' };
  return errorResponse(400, 'invalid', `${first.path}: ${first.message}`, { issues: issues.map(coded) });
}

export function invalid(error: z.core.$ZodError, prefix = ''): WebResponse {
  return badRequest(
    fieldIssues(error).map((issue) => ({
      ...issue,
      path: prefix && issue.path === '(body)' ? prefix : prefix ? `${prefix}.${issue.path}` : issue.path,
    })),
  );
}

export function csvRejected(errors: readonly CsvRowError[]): WebResponse {
  const issues = errors.map((e) => coded({ row: e.row, path: e.field, message: e.message }));
  const first = issues[0];
  const error = first
    ? `row ${first.row}, ${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}; nothing was imported`
    : 'nothing was imported';
  return errorResponse(400, 'invalid', error, { issues });
}

export function conflict(what: string, current: unknown, version: number): WebResponse {
  return errorResponse(
    409,
    'conflict',
    `${what} was changed by someone else; here is the current version, review and save again`,
    { current, version },
  );
}

export function notFound(what: string): WebResponse {
  return errorResponse(404, 'not-found', `${what} not found`);
}

export function csvResponse(body: string, filename: string): WebResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    },
    body,
  };
}

/** JSON bodies: a malformed one is a 400 on "(body)", never a 500. */
export function readJson(body: string): { ok: true; value: unknown } | { ok: false; response: WebResponse } {
  try {
    return { ok: true, value: body.trim() === '' ? {} : JSON.parse(body) };
  } catch {
    return { ok: false, response: badRequest([{ path: '(body)', message: 'must be JSON' }]) };
  }
}
