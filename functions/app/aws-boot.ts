// Cold start in AWS: parse the configuration, read the secrets, build the clients once per container.
import { randomUUID } from 'node:crypto';
import { parseRuntimeConfig } from '../config.js';
import type { EventOrigin } from '../event-rules.js';
import { busBounds, createEventBusClient } from '../events/event-bus-client.js';
import { createEventPublisher } from '../events/event-publisher.js';
import { createOutboxPublisher, type OutboxPublisher } from '../events/outbox.js';
import { createLogger } from '../logging/logger.js';
import { createPhoneVault } from '../privacy/phone-vault.js';
import { loadSecrets } from '../secrets/load-secrets.js';
import { createDocumentClient } from '../store/dynamo-client.js';
import { DynamoStore } from '../store/dynamo-store.js';
import { DynamoSurveyStore } from '../store/survey-store.js';
import { lineDefaults } from './line-defaults.js';
import { systemClock, type WarmlineCore } from './warmline.js';

/** The anonymized contact log is kept this long; live state far less (see LineSettings.liveStateHours). */
const CONTACT_LOG_RETENTION_DAYS = 400;

export interface AwsWarmline {
  readonly core: WarmlineCore;
  /** Publishes to the bus; what it refuses waits in the outbox for the tick. */
  readonly events: OutboxPublisher;
  /** The same, as `handoff`: to the dispatcher function, for what an in-process dispatch left undone. */
  readonly handoff: OutboxPublisher;
}

export async function bootInAws(
  service: string,
  origin: EventOrigin,
  env: Record<string, string | undefined>,
): Promise<AwsWarmline> {
  const log = createLogger({ service });
  const config = parseRuntimeConfig(env);
  const secrets = await loadSecrets(config);
  const documentClient = createDocumentClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: config.STORE_MAX_ATTEMPTS,
    requestTimeoutMs: config.STORE_TIMEOUT_MS,
    deadlineMs: config.STORE_DEADLINE_MS,
  });
  const defaults = lineDefaults(config);
  const store = new DynamoStore(documentClient, {
    tableName: config.TABLE_NAME,
    defaults,
    retentionDays: CONTACT_LOG_RETENTION_DAYS,
  });
  const vault = createPhoneVault({ pepper: secrets.callerKeyPepper, sessionKeyHex: secrets.sessionKeyHex });
  const eventBridge = createEventBusClient(busBounds(config));
  const publisherAs = (as: EventOrigin) =>
    createOutboxPublisher({
      bus: createEventPublisher({
        client: eventBridge,
        busName: config.EVENT_BUS_NAME,
        origin: as,
        log,
        deadlineMs: config.BUS_DEADLINE_MS,
      }),
      store,
      clock: systemClock,
      ids: { newId: () => randomUUID() },
      log,
    });
  const core: WarmlineCore = {
    config,
    authToken: secrets.twilioAuthToken,
    defaults,
    store,
    surveys: new DynamoSurveyStore(documentClient, {
      tableName: config.TABLE_NAME,
      retentionDays: CONTACT_LOG_RETENTION_DAYS,
    }),
    vault,
    clock: systemClock,
    log,
  };
  return { core, events: publisherAs(origin), handoff: publisherAs('handoff') };
}
