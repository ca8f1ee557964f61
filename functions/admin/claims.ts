// Who is calling the admin API, from the JWT claims API Gateway (or the local login) already verified.
import * as z from 'zod';
import { ADMIN_SCOPE_CLAIM } from '../../flows/admin/admin-api-types.js';

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  username: z.string().optional(),
  /** Space-separated in an access token; some authorizers pass it as "[a b]" or an array. */
  scope: z.union([z.string(), z.array(z.string())]).optional(),
});

export type CoordinatorCheck = { ok: true; who: string } | { ok: false; status: 401 | 403; error: string };

function scopesOf(scope: string | string[] | undefined): string[] {
  if (scope === undefined) return [];
  const text = Array.isArray(scope) ? scope.join(' ') : scope;
  return text
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The same check in AWS and locally: a subject, and the admin scope among the token's scopes. */
export function checkCoordinator(claims: unknown): CoordinatorCheck {
  const parsed = ClaimsSchema.safeParse(claims);
  if (!parsed.success) return { ok: false, status: 401, error: 'sign in first: the token names nobody' };
  if (!scopesOf(parsed.data.scope).includes(ADMIN_SCOPE_CLAIM)) {
    return { ok: false, status: 403, error: `this sign-in lacks the ${ADMIN_SCOPE_CLAIM} scope` };
  }
  return { ok: true, who: parsed.data.email ?? parsed.data.username ?? parsed.data.sub };
}
