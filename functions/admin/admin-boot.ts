// Cold start of the admin Lambda: the same configuration, secrets and clients as the other functions, but
// built here rather than through the webhook wiring, so the bundle carries no TwiML or voice flows.
import { randomUUID } from 'node:crypto';
import { lineDefaults } from '../app/line-defaults.js';
import { parseRuntimeConfig } from '../config.js';
import { busBounds, createEventBusClient } from '../events/event-bus-client.js';
import { createEventPublisher } from '../events/event-publisher.js';
import { createLogger } from '../logging/logger.js';
import { createPhoneVault } from '../privacy/phone-vault.js';
import { loadSecrets } from '../secrets/load-secrets.js';
import { createAdminStore } from '../store/admin-store.js';
import { createDocumentClient } from '../store/dynamo-client.js';
import { DynamoStore } from '../store/dynamo-store.js';
import { DynamoSurveyStore } from '../store/survey-store.js';
import { type AdminApp, createAdminApp } from './admin-app.js';

/** Same retention the other functions give the contact log; the admin API never creates contacts. */
const CONTACT_LOG_RETENTION_DAYS = 400;

export async function bootAdminInAws(env: Record<string, string | undefined>): Promise<AdminApp> {
  const log = createLogger({ service: 'admin-api' });
  const config = parseRuntimeConfig(env);
  const secrets = await loadSecrets(config);
  const defaults = lineDefaults(config);
  const documentClient = createDocumentClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: config.STORE_MAX_ATTEMPTS,
    requestTimeoutMs: config.STORE_TIMEOUT_MS,
    deadlineMs: config.STORE_DEADLINE_MS,
  });
  const retention = { tableName: config.TABLE_NAME, retentionDays: CONTACT_LOG_RETENTION_DAYS };
  const store = new DynamoStore(documentClient, { ...retention, defaults });
  const eventBridge = createEventBusClient(busBounds(config));
  return createAdminApp({
    store,
    admin: createAdminStore(config),
    surveys: new DynamoSurveyStore(documentClient, retention),
    vault: createPhoneVault({ pepper: secrets.callerKeyPepper, sessionKeyHex: secrets.sessionKeyHex }),
    events: createEventPublisher({
      client: eventBridge,
      busName: config.EVENT_BUS_NAME,
      origin: 'admin',
      log,
      deadlineMs: config.BUS_DEADLINE_MS,
    }),
    clock: { now: () => Date.now() },
    ids: { newId: () => randomUUID().replace(/-/g, '').slice(0, 12) },
    defaults,
    log,
  });
}
