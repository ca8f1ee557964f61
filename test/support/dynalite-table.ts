// A DynamoStore over the line's table in an in-memory dynalite, built the way the functions build theirs.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LineSettings } from '../../flows/line-settings.js';
import type { Clock } from '../../flows/ports.js';
import { CONTACT_LOG_RETENTION_DAYS } from '../../functions/app/composition-root.js';
import { lineDefaults } from '../../functions/app/line-defaults.js';
import { parseRuntimeConfig } from '../../functions/config.js';
import { createTableFromSchema } from '../../functions/store/create-table.js';
import { createDocumentClient } from '../../functions/store/dynamo-client.js';
import { DynamoStore } from '../../functions/store/dynamo-store.js';
import { startEmbeddedDynamo } from '../../infra/local/embedded-dynamo.js';

export interface StoreForTest {
  readonly store: DynamoStore;
  /** The store's own client, for reading raw items (keys, index attributes) the store hides. */
  readonly documentClient: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly endpoint: string;
  readonly defaults: LineSettings;
  close(): Promise<void>;
}

/** Line defaults from a complete test configuration, so they match what a deployed line starts with. */
export const testLineDefaults: LineSettings = lineDefaults(
  parseRuntimeConfig({
    PUBLIC_BASE_URL: 'https://line.example.org',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'token-for-tests',
    CALLER_KEY_PEPPER: 'pepper-for-tests-0123',
    SESSION_KEY: 'a'.repeat(64),
    TABLE_NAME: 'warmline',
    EVENT_BUS_NAME: 'warmline',
    LINE_NUMBER: '+15550001111',
    CLINICIAN_NUMBER: '+15550002222',
  }),
);

export async function startStoreForTest(
  options: { tableName?: string; defaults?: LineSettings; retentionDays?: number; clock?: Clock } = {},
): Promise<StoreForTest> {
  const tableName = options.tableName ?? 'warmline-test';
  const defaults = options.defaults ?? testLineDefaults;
  const dynamo = await startEmbeddedDynamo();
  const admin = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await createTableFromSchema(admin, tableName);
  } catch (error) {
    await dynamo.close();
    throw error;
  } finally {
    admin.destroy();
  }
  // A generous deadline: these tests check store semantics, and a busy test machine must not fail them.
  const documentClient = createDocumentClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    maxAttempts: 2,
    requestTimeoutMs: 5_000,
  });
  const store = new DynamoStore(documentClient, {
    tableName,
    defaults,
    retentionDays: options.retentionDays ?? CONTACT_LOG_RETENTION_DAYS,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    store,
    documentClient,
    tableName,
    endpoint: dynamo.endpoint,
    defaults,
    close: async () => {
      documentClient.destroy();
      await dynamo.close();
    },
  };
}
