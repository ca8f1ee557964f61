// Store clients keep their deadline: a DynamoDB that never answers fails the call fast, retries included.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../functions/store/dynamo-client.js';
import { UsageMeter } from '../../../infra/local/usage-meter.js';

describe('createDocumentClient with a DynamoDB endpoint that never answers', () => {
  let server: Server;
  let endpoint: string;
  let requests = 0;

  beforeAll(async () => {
    // Reads each request and never answers: a stalled endpoint, the worst case for a webhook's deadline.
    server = createServer(() => {
      requests++;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fails a store call within about a second after two attempts of 300 ms', async () => {
    const meter = new UsageMeter();
    const client = createDocumentClient({
      region: 'us-east-1',
      endpoint,
      maxAttempts: 2,
      requestTimeoutMs: 300,
      instrument: (raw) => meter.instrumentStore(raw),
    });
    const started = performance.now();

    const failure = await client
      .send(new GetCommand({ TableName: 'warmline', Key: { pk: 'LINE', sk: 'LINE' } }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    const elapsed = performance.now() - started;

    expect(failure).toBeInstanceOf(Error);
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(1_200);
    expect(requests).toBe(2);
    // The benchmark's meter counts the logical call once, retries included.
    expect(meter.unscoped.dynamoCalls).toBe(1);
  }, 5_000);
});
