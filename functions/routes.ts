// The one route table: the CDK stack and the local runner both mount exactly these.
import { TWILIO_PATHS } from '../flows/webhook-paths.js';

export type RouteTarget = 'twilio-webhook' | 'admin-api';
export type RouteAuth = 'twilio-signature' | 'coordinator-jwt' | 'none';

export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'ANY';
  readonly path: string;
  readonly target: RouteTarget;
  readonly auth: RouteAuth;
}

const twilio = (path: string): RouteDefinition => ({
  method: 'POST',
  path,
  target: 'twilio-webhook',
  auth: 'twilio-signature',
});

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/health', target: 'twilio-webhook', auth: 'none' },
  ...Object.values(TWILIO_PATHS).map(twilio),
  { method: 'ANY', path: '/admin/{proxy+}', target: 'admin-api', auth: 'coordinator-jwt' },
];

/** A route's path as API Gateway reads it: `{name}` is one segment, a trailing `{name+}` one or more. */
function pathPattern(path: string): RegExp {
  const parts = path.split(/(\{[^}]+\})/).map((part) => {
    if (/^\{[^}]+\+\}$/.test(part)) return '.+';
    if (/^\{[^}]+\}$/.test(part)) return '[^/]+';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}$`);
}

/** Exact paths before parameterised ones, as API Gateway prefers the most specific route. */
const MATCHERS = [...routes]
  .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))
  .map((route) => ({ route, pattern: pathPattern(route.path) }));

/** The route API Gateway would pick for this request, or undefined where it answers 404 itself. */
export function routeFor(method: string, rawPath: string): RouteDefinition | undefined {
  const upper = method.toUpperCase();
  return MATCHERS.find(
    ({ route, pattern }) => (route.method === 'ANY' || route.method === upper) && pattern.test(rawPath),
  )?.route;
}

/** The literal start of a route's path, before any `{parameter}`. */
export function literalPrefix(route: RouteDefinition): string {
  return route.path.split('{')[0] ?? '';
}
