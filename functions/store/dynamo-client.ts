// DynamoDB clients with explicit deadlines: a throttled or stalled store must still leave time to answer Twilio.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addTotalDeadline, boundedClientConfig, type MiddlewareHost } from '../aws/client-bounds.js';

export interface StoreClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  /** The whole call, retries included; unset: attempts × request timeout. */
  readonly deadlineMs?: number;
  /** Adds middleware to the raw client (the local runner's fault drills and usage meter). */
  readonly instrument?: (client: MiddlewareHost) => void;
}

export function createDocumentClient(options: StoreClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    ...boundedClientConfig({
      maxAttempts: options.maxAttempts,
      requestTimeoutMs: options.requestTimeoutMs,
      deadlineMs: options.deadlineMs ?? options.maxAttempts * options.requestTimeoutMs,
    }),
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  if (options.deadlineMs) addTotalDeadline(client, options.deadlineMs);
  options.instrument?.(client);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
