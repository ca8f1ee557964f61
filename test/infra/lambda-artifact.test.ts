// The webhook as Lambda runs it: the split bundle the house construct builds, imported in a fresh node and
// handed an API Gateway event. The text and crisis flows load from their chunks on first use, with DynamoDB
// and EventBridge unreachable, and the texter still gets the crisis options at once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_ENTRY, lambdaBuildOptions } from '../../infra/constructs/bundle-options.js';
import { LOCAL_DEFAULTS } from '../../infra/local/local-settings.js';

const BASE = 'https://warmline.example.org';
// Nothing listens on the discard port: every store and bus call fails at once.
const DEAD = 'http://127.0.0.1:9';
const ENV = {
  ...LOCAL_DEFAULTS,
  PUBLIC_BASE_URL: BASE,
  TWILIO_API_BASE: DEAD,
  DYNAMODB_ENDPOINT: DEAD,
  EVENTBRIDGE_ENDPOINT: DEAD,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
};

let dir: string;
let handlerFile: string;

beforeAll(async () => {
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'lambda-artifact-'));
  await build(lambdaBuildOptions('functions/handlers/twilio-webhook.ts', dir));
  handlerFile = join(dir, `${LAMBDA_ENTRY}.mjs`);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bundle's handler once in a fresh node, as a cold start would, and returns its result and time. */
function invokeCold(event: unknown): { statusCode: number; body: string; ms: number } {
  const driver = join(dir, 'driver.mjs');
  writeFileSync(
    driver,
    `const { handler } = await import(${JSON.stringify(handlerFile)});
const started = performance.now();
const result = await handler(JSON.parse(process.argv[2]));
process.stdout.write('\\nRESULT ' + JSON.stringify({ ...result, ms: performance.now() - started }));`,
  );
  const run = spawnSync(process.execPath, [driver, JSON.stringify(event)], {
    env: { PATH: process.env.PATH, ...ENV },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (run.status !== 0) throw new Error(`the handler failed: ${run.stderr}`);
  // The function's own log lines come first, on stdout as on Lambda.
  const [, result = ''] = run.stdout.split('\nRESULT ');
  return JSON.parse(result);
}

function signedSms(params: Record<string, string>) {
  const body = new URLSearchParams(params).toString();
  return {
    version: '2.0',
    rawPath: '/twilio/sms',
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(ENV.TWILIO_AUTH_TOKEN, `${BASE}/twilio/sms`, params),
    },
    requestContext: { http: { method: 'POST', path: '/twilio/sms' } },
    body,
    isBase64Encoded: false,
  };
}

describe('the built webhook Lambda', () => {
  it('answers a crisis text from a cold start with the store and bus down, loading its chunks on first use', () => {
    const result = invokeCold(
      signedSms({
        MessageSid: `SM${'c'.repeat(32)}`,
        From: '+15557654321',
        To: ENV.LINE_NUMBER,
        Body: 'i cant do this anymore, i want to end my life tonight',
      }),
    );
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('call 988 or text 988');
    expect(result.body).toMatch(new RegExp(`<Message to="\\${ENV.CLINICIAN_NUMBER}">Warmline CRISIS`));
    // Inside the webhook's own deadline, boot and chunk loading included.
    expect(result.ms).toBeLessThan(3_000);
  });
});
