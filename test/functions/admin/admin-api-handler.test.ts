// The Lambda entry: claims from the API Gateway JWT authorizer reach the same checks, against a real table.
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalDynamo, startDynalite } from '../../support/dynalite.js';

let dynamo: LocalDynamo;
let handler: typeof import('../../../functions/handlers/admin-api.js')['handler'];

beforeAll(async () => {
  dynamo = await startDynalite();
  vi.stubEnv('PUBLIC_BASE_URL', 'https://line.example.org');
  vi.stubEnv('TWILIO_ACCOUNT_SID', `AC${'0'.repeat(32)}`);
  vi.stubEnv('TWILIO_AUTH_TOKEN', 'local-token-for-tests');
  vi.stubEnv('CALLER_KEY_PEPPER', 'pepper-for-admin-handler-tests');
  vi.stubEnv('SESSION_KEY', 'a'.repeat(64));
  vi.stubEnv('TABLE_NAME', dynamo.tableName);
  vi.stubEnv('EVENT_BUS_NAME', 'warmline-test');
  vi.stubEnv('DYNAMODB_ENDPOINT', dynamo.endpoint);
  vi.stubEnv('LINE_NUMBER', '+15550009999');
  vi.stubEnv('CLINICIAN_NUMBER', '+15550008888');
  ({ handler } = await import('../../../functions/handlers/admin-api.js'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await dynamo?.close();
});

function event(
  method: string,
  path: string,
  claims: Record<string, string> | undefined,
  body?: unknown,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  return {
    version: '2.0',
    routeKey: 'ANY /admin/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { 'Content-Type': 'application/json' },
    isBase64Encoded: false,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' },
      ...(claims
        ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } }
        : {}),
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const COORDINATOR = { sub: 'b1c2', username: 'lee', scope: 'openid warmline/admin', token_use: 'access' };

describe('the admin-api Lambda', () => {
  it('adds and lists a volunteer with the authorizer claims, auditing the user name', async () => {
    const created = await handler(
      event('POST', '/admin/volunteers', COORDINATOR, {
        name: 'Dana',
        phone: '(202) 555-0142',
        languages: ['en'],
      }),
    );
    const listed = await handler(event('GET', '/admin/volunteers', COORDINATOR));
    const audit = await handler(event('GET', '/admin/audit', COORDINATOR));

    expect(created.statusCode).toBe(201);
    expect(JSON.parse(listed.body ?? '{}').volunteers).toEqual([
      expect.objectContaining({ name: 'Dana', phoneMasked: '•••• 0142' }),
    ]);
    expect(JSON.parse(audit.body ?? '{}').entries).toEqual([
      expect.objectContaining({ who: 'lee', action: 'volunteer.create' }),
    ]);
  });

  it('answers 403 when the token lacks the admin scope, and 401 with no claims', async () => {
    const noScope = await handler(event('GET', '/admin/volunteers', { sub: 'b1c2', scope: 'openid' }));
    const noClaims = await handler(event('GET', '/admin/volunteers', undefined));

    expect(noScope.statusCode).toBe(403);
    expect(noClaims.statusCode).toBe(401);
  });

  it('has no development login', async () => {
    const login = await handler(event('POST', '/admin/dev-login', COORDINATOR, {}));

    expect(login.statusCode).toBe(404);
  });
});
