// An in-memory dynalite with the line's table, for store tests against real DynamoDB semantics.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableFromSchema } from '../../functions/store/create-table.js';
import { startEmbeddedDynamo } from '../../infra/local/embedded-dynamo.js';

export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  close(): Promise<void>;
}

export async function startDynalite(tableName = 'warmline-test'): Promise<LocalDynamo> {
  const dynamo = await startEmbeddedDynamo();
  const raw = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createTableFromSchema(raw, tableName);
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return {
    endpoint: dynamo.endpoint,
    client,
    tableName,
    close: async () => {
      raw.destroy();
      await dynamo.close();
    },
  };
}
