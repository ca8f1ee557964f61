// DynamoDB clients with explicit deadlines: a throttled store must still leave time to answer Twilio.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
}

export function createDocumentClient(options: StoreClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs,
      connectionTimeout: Math.min(500, options.requestTimeoutMs),
    },
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
