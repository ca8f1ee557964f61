// The one composition root: every Lambda and the local runner build the line's core here, from the same few
// inputs (configuration, secrets, a log, and optionally a clock and client middleware), so no value is copied.
import { randomUUID } from 'node:crypto';
import type { LineSettings } from '../../flows/line-settings.js';
import type {
  AuditTrail,
  Clock,
  EventPublisher,
  IdSource,
  Log,
  PhoneVault,
  SurveyStore,
} from '../../flows/ports.js';
import type { MiddlewareHost } from '../aws/client-bounds.js';
import { parseRuntimeConfig, type RuntimeConfig } from '../config.js';
import type { EventOrigin } from '../event-rules.js';
import { busBounds, createEventBusClient } from '../events/event-bus-client.js';
import { createEventPublisher } from '../events/event-publisher.js';
import { createOutboxPublisher, type OutboxPublisher } from '../events/outbox.js';
import { createLogger } from '../logging/logger.js';
import { createPhoneVault } from '../privacy/phone-vault.js';
import { type LineSecrets, loadSecrets } from '../secrets/load-secrets.js';
import { auditTrail } from '../store/audit-log.js';
import { createDocumentClient } from '../store/dynamo-client.js';
import { DynamoStore } from '../store/dynamo-store.js';
import { DynamoSurveyStore } from '../store/survey-store.js';
import { lineDefaults } from './line-defaults.js';

/** The anonymized contact log is kept this long; live state far less (see LineSettings.liveStateHours). */
export const CONTACT_LOG_RETENTION_DAYS = 400;

export const systemClock: Clock = { now: () => Date.now() };

/** Ids for outbox entries. */
export const eventIds: IdSource = { newId: () => randomUUID() };

/** Ids the admin API gives what coordinators create (volunteers, audit entries): short enough to read out. */
export const adminIds: IdSource = { newId: () => randomUUID().replace(/-/g, '').slice(0, 12) };

export interface CoreInputs {
  readonly config: RuntimeConfig;
  readonly secrets: LineSecrets;
  readonly log: Log;
  /** The line's clock; the local runner's tests move it forward. The system clock when unset. */
  readonly clock?: Clock;
  /** Middleware on the SDK clients (the local runner's fault drills and usage meter). */
  readonly instrument?: {
    readonly store?: (client: MiddlewareHost) => void;
    readonly bus?: (client: MiddlewareHost) => void;
  };
}

export interface WarmlineCore {
  readonly config: RuntimeConfig;
  readonly authToken: string;
  readonly defaults: LineSettings;
  readonly store: DynamoStore;
  /** The post-contact survey's live state and answers, in the same table. */
  readonly surveys: SurveyStore;
  /** Where listen-ins and coaching are audited, beside the admin API's own entries. */
  readonly audit: AuditTrail;
  readonly vault: PhoneVault;
  readonly clock: Clock;
  readonly log: Log;
  /** Publishes straight to the bus as `origin`; nothing kept when the bus refuses (see `withOutbox`). */
  busPublisher(origin: EventOrigin): EventPublisher;
}

export function composeCore(inputs: CoreInputs): WarmlineCore {
  const { config, secrets, log } = inputs;
  const clock = inputs.clock ?? systemClock;
  const defaults = lineDefaults(config);
  const documentClient = createDocumentClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: config.STORE_MAX_ATTEMPTS,
    requestTimeoutMs: config.STORE_TIMEOUT_MS,
    deadlineMs: config.STORE_DEADLINE_MS,
    ...(inputs.instrument?.store ? { instrument: inputs.instrument.store } : {}),
  });
  const table = { tableName: config.TABLE_NAME, retentionDays: CONTACT_LOG_RETENTION_DAYS };
  const store = new DynamoStore(documentClient, { ...table, defaults, clock });
  const eventBridge = createEventBusClient({
    ...busBounds(config),
    ...(inputs.instrument?.bus ? { instrument: inputs.instrument.bus } : {}),
  });
  return {
    config,
    authToken: secrets.twilioAuthToken,
    defaults,
    store,
    surveys: new DynamoSurveyStore(documentClient, table),
    audit: auditTrail(documentClient, config.TABLE_NAME),
    vault: createPhoneVault({ pepper: secrets.callerKeyPepper, sessionKeyHex: secrets.sessionKeyHex }),
    clock,
    log,
    busPublisher: (origin) =>
      createEventPublisher({
        client: eventBridge,
        busName: config.EVENT_BUS_NAME,
        origin,
        log,
        deadlineMs: config.BUS_DEADLINE_MS,
      }),
  };
}

/** Publishes to the bus as `origin`; what it refuses waits in the outbox for the tick. */
export function withOutbox(core: WarmlineCore, origin: EventOrigin): OutboxPublisher {
  return createOutboxPublisher({
    bus: core.busPublisher(origin),
    store: core.store,
    clock: core.clock,
    ids: eventIds,
    log: core.log,
  });
}

/** Cold start in AWS: parse the configuration, read the secrets, build the clients once per container. */
export async function bootCoreInAws(
  service: string,
  env: Record<string, string | undefined>,
): Promise<WarmlineCore> {
  const config = parseRuntimeConfig(env);
  return composeCore({ config, secrets: await loadSecrets(config), log: createLogger({ service }) });
}
