// DynamoDB clients with explicit deadlines: a throttled store must still leave time to answer Twilio.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  /** Called once per logical store call (retries not counted): the benchmark counts round trips with it. */
  readonly onCall?: () => void;
}

export function createDocumentClient(options: StoreClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts,
    requestHandler: {
      requestTimeout: options.requestTimeoutMs,
      // Without this the handler only warns when the deadline passes, and a stalled store hangs the webhook.
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(500, options.requestTimeoutMs),
    },
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  const onCall = options.onCall;
  if (onCall) {
    client.middlewareStack.add(
      (next) => (args) => {
        onCall();
        return next(args);
      },
      { step: 'initialize', name: 'countStoreCalls' },
    );
  }
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
