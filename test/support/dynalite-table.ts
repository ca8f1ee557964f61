// A DynamoStore over the line's table in an in-memory dynalite, built the way the functions build theirs.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LineSettings } from '../../flows/line-settings.js';
import type { Clock } from '../../flows/ports.js';
import { createTableFromSchema } from '../../functions/store/create-table.js';
import { createDocumentClient } from '../../functions/store/dynamo-client.js';
import { DynamoStore } from '../../functions/store/dynamo-store.js';
import { startEmbeddedDynamo } from '../../infra/local/embedded-dynamo.js';
import { testLineDefaults } from './line-defaults.js';

export { testLineDefaults };

export interface StoreForTest {
  readonly store: DynamoStore;
  /** The store's own client, for reading raw items (keys, index attributes) the store hides. */
  readonly documentClient: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly endpoint: string;
  readonly defaults: LineSettings;
  close(): Promise<void>;
}

type StoreOptions = {
  tableName?: string;
  defaults?: LineSettings;
  retentionDays?: number;
  clock?: Clock;
  lineCacheMs?: number;
};

export async function startStoreForTest(options: StoreOptions = {}): Promise<StoreForTest> {
  const server = await startTableServer();
  try {
    const opened = await server.openStore({ tableName: 'warmline-test', ...options });
    return { ...opened, close: server.close };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** One embedded DynamoDB serving a fresh table per store: a clean line for each test, one server per file. */
export async function startTableServer(): Promise<{
  openStore(options?: StoreOptions): Promise<Omit<StoreForTest, 'close'>>;
  close(): Promise<void>;
}> {
  const dynamo = await startEmbeddedDynamo();
  const admin = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // A generous deadline: these tests check store semantics, and a busy test machine must not fail them.
  const documentClient = createDocumentClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    maxAttempts: 2,
    requestTimeoutMs: 5_000,
  });
  let tables = 0;
  return {
    openStore: async (options = {}) => {
      const tableName = options.tableName ?? `warmline-test-${++tables}`;
      const defaults = options.defaults ?? testLineDefaults;
      await createTableFromSchema(admin, tableName);
      const store = new DynamoStore(documentClient, {
        tableName,
        defaults,
        retentionDays: options.retentionDays ?? 400,
        // Store tests write the line record behind the store's back; the cache has tests of its own.
        lineCacheMs: options.lineCacheMs ?? 0,
        ...(options.clock ? { clock: options.clock } : {}),
      });
      return { store, documentClient, tableName, endpoint: dynamo.endpoint, defaults };
    },
    close: async () => {
      admin.destroy();
      documentClient.destroy();
      await dynamo.close();
    },
  };
}
