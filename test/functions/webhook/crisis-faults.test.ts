// Crisis paths with the database and the event bus both failing on every call (faults injected in the SDKs).
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WarmlineCore } from '../../../functions/app/composition-root.js';
import { lineDefaults } from '../../../functions/app/line-defaults.js';
import { webhookAppPublishingTo } from '../../../functions/app/warmline.js';
import { createEventPublisher } from '../../../functions/events/event-publisher.js';
import type { WebRequest } from '../../../functions/http/web-request.js';
import { createPhoneVault } from '../../../functions/privacy/phone-vault.js';
import { createDocumentClient } from '../../../functions/store/dynamo-client.js';
import { DynamoStore } from '../../../functions/store/dynamo-store.js';
import { DynamoSurveyStore } from '../../../functions/store/survey-store.js';
import { localConfig } from '../../../infra/local/local-settings.js';
import { silentLog } from '../../support/silent-log.js';

const BASE = 'https://warmline.example.org';
const TEXTER = '+15557654321';

class Throttled extends Error {
  override readonly name = 'ProvisionedThroughputExceededException';
}

const dynamo = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

beforeEach(() => {
  dynamo.reset();
  bus.reset();
  dynamo.onAnyCommand().rejects(new Throttled('throttled'));
  bus.on(PutEventsCommand).rejects(new Error('EventBridge unavailable'));
});
afterEach(() => {
  dynamo.reset();
  bus.reset();
});

function lineWithBrokenBackends() {
  const config = localConfig({ PUBLIC_BASE_URL: BASE, DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' }, BASE);
  const log = silentLog();
  const defaults = lineDefaults(config);
  const brokenClient = createDocumentClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    maxAttempts: 1,
    requestTimeoutMs: 200,
  });
  const store = new DynamoStore(brokenClient, { tableName: config.TABLE_NAME, defaults, retentionDays: 30 });
  const surveys = new DynamoSurveyStore(brokenClient, { tableName: config.TABLE_NAME, retentionDays: 30 });
  const vault = createPhoneVault({
    pepper: config.CALLER_KEY_PEPPER ?? '',
    sessionKeyHex: config.SESSION_KEY ?? '',
  });
  const events = createEventPublisher({
    client: new EventBridgeClient({ region: 'us-east-1' }),
    busName: 'b',
    origin: 'webhook',
    log,
    sleep: async () => {},
  });
  const core: WarmlineCore = {
    config,
    authToken: config.TWILIO_AUTH_TOKEN ?? '',
    defaults,
    store,
    surveys,
    audit: { writeAudit: async () => undefined },
    vault,
    clock: { now: () => Date.now() },
    log,
    busPublisher: () => events,
  };
  return { app: webhookAppPublishingTo(core, events), config, log };
}

function signed(
  config: { TWILIO_AUTH_TOKEN?: string | undefined },
  pathAndQuery: string,
  params: Record<string, string>,
): WebRequest {
  const [rawPath = '', rawQuery = ''] = pathAndQuery.split('?');
  return {
    method: 'POST',
    rawPath,
    rawQuery,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(
        config.TWILIO_AUTH_TOKEN ?? '',
        `${BASE}${pathAndQuery}`,
        params,
      ),
    },
    body: new URLSearchParams(params).toString(),
  };
}

describe('crisis escalation with DynamoDB and EventBridge failing', () => {
  it('still answers a crisis text with the crisis options and the clinician alert', async () => {
    const { app, config, log } = lineWithBrokenBackends();
    const body = 'i cant do this anymore, i want to end my life tonight';
    const response = await app(
      signed(config, '/twilio/sms', {
        MessageSid: `SM${'e'.repeat(32)}`,
        From: TEXTER,
        To: config.LINE_NUMBER,
        Body: body,
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toContain('call 988 or text 988');
    expect(response.body).toMatch(new RegExp(`<Message to="\\${config.CLINICIAN_NUMBER}">Warmline CRISIS`));
    // The faults really were hit: the store was asked and the bus was tried.
    expect(dynamo.calls().length).toBeGreaterThan(0);
    expect(bus.calls().length).toBeGreaterThan(0);
    const logged = log.lines.join('\n');
    expect(logged).not.toContain('end my life');
    expect(logged).not.toContain('7654321');
  });

  it('still dials the crisis line from the line number when a caller presses 9', async () => {
    const { app, config } = lineWithBrokenBackends();
    const params = {
      CallSid: `CA${'f'.repeat(32)}`,
      From: TEXTER,
      To: config.LINE_NUMBER,
      CallStatus: 'in-progress',
      Digits: '9',
    };
    const response = await app(
      signed(config, `/twilio/voice/hold-input?c=v-CA${'f'.repeat(32)}&cn=988&l=en`, params),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatch(
      new RegExp(
        `<Dial callerId="\\${config.LINE_NUMBER}" timeout="30" action="[^"]*/twilio/voice/crisis-dial-ended[^"]*" method="POST"><Number>988</Number></Dial>`,
      ),
    );
    expect(dynamo.calls().length).toBeGreaterThan(0);
    expect(bus.calls().length).toBeGreaterThan(0);
  });

  it('still gives a new caller the crisis key when the store cannot be read', async () => {
    const { app, config } = lineWithBrokenBackends();
    const params = {
      CallSid: `CA${'1'.repeat(32)}`,
      From: TEXTER,
      To: config.LINE_NUMBER,
      CallStatus: 'ringing',
    };
    const response = await app(signed(config, '/twilio/voice', params));
    expect(response.body).toContain('press 9 to reach the crisis line, 9 8 8');
  });
});
