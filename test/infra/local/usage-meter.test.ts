// The benchmark's meter: each invocation is charged only with what it did itself, in capacity units.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredCall, startMeteredLine } from '../../../bench/steps.js';
import { createTableFromSchema } from '../../../functions/store/create-table.js';
import { createDocumentClient } from '../../../functions/store/dynamo-client.js';
import { startEmbeddedDynamo } from '../../../infra/local/embedded-dynamo.js';
import { UsageMeter } from '../../../infra/local/usage-meter.js';

describe('UsageMeter on DynamoDB', () => {
  const meter = new UsageMeter();
  let close: () => Promise<void>;
  let documents: ReturnType<typeof createDocumentClient>;
  const table = 'meter-test';

  beforeAll(async () => {
    const dynamo = await startEmbeddedDynamo();
    const admin = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await createTableFromSchema(admin, table);
    admin.destroy();
    documents = createDocumentClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
      maxAttempts: 2,
      requestTimeoutMs: 5_000,
      instrument: (client) => meter.instrumentStore(client),
    });
    close = async () => {
      documents.destroy();
      await dynamo.close();
    };
  });
  afterAll(() => close());

  const charged = (work: () => Promise<unknown>) =>
    meter.run('twilio-webhook', 'test', work).then(
      () => meter.invocations.at(-1),
      () => meter.invocations.at(-1),
    );

  it('charges a small item outside every index one write unit', async () => {
    const used = await charged(() =>
      documents.send(new PutCommand({ TableName: table, Item: { pk: 'A', sk: 'A', n: 1 } })),
    );
    expect(used).toMatchObject({ dynamoCalls: 1, writeUnits: 1, readUnits: 0 });
  });

  it('charges a write to an item in both indexes for the table and each index', async () => {
    const used = await charged(() =>
      documents.send(
        new PutCommand({
          TableName: table,
          Item: { pk: 'B', sk: 'B', gsi1pk: 'LIVE', gsi1sk: '1', gsi2pk: 'CALLER#x', gsi2sk: '1' },
        }),
      ),
    );
    expect(used?.writeUnits).toBe(3);
  });

  it('charges a BatchWrite one call, and each of its puts as a put', async () => {
    const used = await charged(() =>
      documents.send(
        new BatchWriteCommand({
          RequestItems: {
            [table]: [
              { PutRequest: { Item: { pk: 'D', sk: 'OFFER#1' } } },
              { PutRequest: { Item: { pk: 'D', sk: 'OFFER#2', blob: 'x'.repeat(1_500) } } },
            ],
          },
        }),
      ),
    );
    expect(used).toMatchObject({ dynamoCalls: 1, writeUnits: 3, readUnits: 0 });
  });

  it('charges a 3 KB item three units per copy', async () => {
    const used = await charged(() =>
      documents.send(
        new PutCommand({
          TableName: table,
          Item: { pk: 'C', sk: 'C', gsi1pk: 'LIVE', gsi1sk: '1', blob: 'x'.repeat(2_500) },
        }),
      ),
    );
    expect(used?.writeUnits).toBe(6);
  });

  it('charges an update that moves an item within an index one more write there', async () => {
    const used = await charged(() =>
      documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: 'B', sk: 'B' },
          UpdateExpression: 'SET gsi1sk = :s',
          ExpressionAttributeValues: { ':s': '2' },
        }),
      ),
    );
    // Table 1, gsi1 moved (delete + put) 2; gsi2 holds keys only and its keys did not change: nothing there.
    expect(used?.writeUnits).toBe(3);
  });

  it("charges a keys-only index only when the update sets that index's keys", async () => {
    const used = await charged(() =>
      documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: 'B', sk: 'B' },
          UpdateExpression: 'SET gsi2sk = :s',
          ExpressionAttributeValues: { ':s': '2' },
        }),
      ),
    );
    // Table 1, gsi1 (whole item) rewritten 1, gsi2 moved (delete + put) 2.
    expect(used?.writeUnits).toBe(4);
  });

  it('counts a failed conditional write, which DynamoDB still charges', async () => {
    const used = await charged(() =>
      documents.send(
        new PutCommand({
          TableName: table,
          Item: { pk: 'A', sk: 'A' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    expect(used).toMatchObject({ dynamoCalls: 1, failedConditions: 1, writeUnits: 1 });
  });
});

describe("one function on the caller's ear", () => {
  it('rings, bridges and releases inside the webhooks of the call, with no dispatcher invocation', async () => {
    const meter = new UsageMeter();
    const line = await startMeteredLine(meter, { ringGroupSize: 3 });
    try {
      const from = meter.invocations.length;
      await answeredCall(line, 0);
      const during = meter.invocations.slice(from);
      const step = (name: string) => during.find((i) => i.fn === 'twilio-webhook' && i.step === name);

      expect(during.filter((i) => i.fn === 'dispatcher')).toEqual([]);
      // Choosing a language queues the caller, and that same request rings the ring group.
      expect(step('voiceLanguage')?.restCalls).toBe(3);
      // Pressing 1 redirects the caller into the room and cancels the two other phones, in that request.
      expect(step('offerInput')?.restCalls).toBeGreaterThanOrEqual(3);
      // Flat cost: a hold turn is one read (the first comes before anyone can take the call; a later one may
      // find the caller just taken and read the contact too), and a cancelled ring's callback has nothing to do.
      expect(during.find((i) => i.step === 'voiceHold')?.dynamoCalls).toBe(1);
      const legEnds = during.filter((i) => i.step === 'offerStatus');
      expect(legEnds.filter((i) => i.dynamoCalls === 0)).toHaveLength(2);
      // An answered call's end is written once: no abandon tried first and refused.
      expect(step('voiceStatus')?.failedConditions).toBe(0);
      const calls = during.filter((i) => i.fn === 'twilio-webhook').reduce((n, i) => n + i.dynamoCalls, 0);
      expect(calls).toBeLessThanOrEqual(40);

      // The tick's work is charged to the tick, not to any webhook.
      const before = meter.invocations.length;
      await line.tick();
      expect(meter.invocations.slice(before).map((i) => i.fn)).toEqual(['tick']);
    } finally {
      await line.close();
    }
  });
});
