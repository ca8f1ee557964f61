// The local runner serves exactly functions/routes.ts, as API Gateway does: every route reaches its target and
// anything else is API Gateway's own 404, so a route that works locally works deployed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textResponse } from '../../functions/http/web-request.js';
import { type RouteDefinition, routes } from '../../functions/routes.js';
import { type LocalWarmline, startLocalWarmline } from '../../infra/local/runner.js';
import { silentLog } from '../support/silent-log.js';

/** A concrete request path for a route: each `{parameter}` filled in. */
const concretePath = (route: RouteDefinition) =>
  route.path.replace(/\{[^}]+\+\}/g, 'some/deeper/path').replace(/\{[^}]+\}/g, 'one');

const methodsOf = (route: RouteDefinition) => (route.method === 'ANY' ? ['GET', 'POST'] : [route.method]);

describe('the local runner mounts the route table', () => {
  let line: LocalWarmline;
  beforeAll(async () => {
    line = await startLocalWarmline({ port: 0, timeScale: 0.01, log: silentLog(), seed: false });
    line.mountTarget('admin-api', async (request) => textResponse(200, `admin ${request.rawPath}`));
  });
  afterAll(() => line.close());

  const send = async (method: string, path: string) => {
    const response = await fetch(`${line.origin}${path}`, {
      method,
      ...(method === 'POST'
        ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' }
        : {}),
    });
    return { status: response.status, body: await response.text() };
  };
  const isGatewayNotFound = (answer: { status: number; body: string }) =>
    answer.status === 404 && answer.body === JSON.stringify({ message: 'Not Found' });

  it.each(
    routes.flatMap((route) => methodsOf(route).map((method) => [method, concretePath(route), route.target])),
  )('serves %s %s from %s', async (method, path, target) => {
    const answer = await send(method, path);
    expect(isGatewayNotFound(answer)).toBe(false);
    if (target === 'admin-api') expect(answer.body).toBe(`admin ${path}`);
    // Unsigned, so the webhook's own check answers: it was reached, and refused the forgery.
    else if (method === 'POST')
      expect(answer).toEqual({ status: 400, body: 'missing X-Twilio-Signature header' });
    else expect(answer.status).toBe(200);
  });

  /** Near misses of every exact route: a wrong method, a path one segment longer or shorter, a trailing slash. */
  const nearMisses = routes
    .filter((route) => !route.path.includes('{'))
    .flatMap((route) => {
      const path = concretePath(route);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      const misses: [string, string][] = [
        ['POST', `${path}/extra`],
        ['POST', `${path}/`],
      ];
      if (!routes.some((other) => other.path === parent)) misses.push(['POST', parent]);
      if (route.method !== 'ANY') misses.push([route.method === 'GET' ? 'POST' : 'GET', path]);
      return misses;
    });

  it.each(nearMisses)('answers %s %s with API Gateway’s 404', async (method, path) => {
    expect(isGatewayNotFound(await send(method, path))).toBe(true);
  });

  it('answers a path no route names with API Gateway’s 404', async () => {
    expect(isGatewayNotFound(await send('GET', '/'))).toBe(true);
    expect(isGatewayNotFound(await send('POST', '/twilio/voice/not-a-leg'))).toBe(true);
    expect(isGatewayNotFound(await send('GET', '/admin'))).toBe(true);
  });

  it('refuses to mount a local tool where it would hide a route of the table', () => {
    const tool = async () => textResponse(200, 'tool');
    expect(() => line.mount('/admin/', tool)).toThrow(/hide the route ANY \/admin\/\{proxy\+\}/);
    expect(() => line.mount('/twilio', tool)).toThrow(/hide the route POST \/twilio\/voice/);
    expect(() => line.mount('/health', tool)).toThrow(/hide the route GET \/health/);
  });
});
