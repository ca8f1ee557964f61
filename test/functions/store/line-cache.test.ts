// The line record is reused for a few seconds per container: each step reads it once, not two to five times.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../functions/store/dynamo-client.js';
import { DynamoStore, LINE_CACHE_MS } from '../../../functions/store/dynamo-store.js';
import { testLineDefaults } from '../../support/dynalite-table.js';

const NOW = Date.UTC(2026, 11, 2, 15, 0, 0);

function cachedStore() {
  const client = createDocumentClient({ region: 'us-east-1', maxAttempts: 1, requestTimeoutMs: 300 });
  const mock = mockClient(client);
  let at = NOW;
  const clock = { now: () => at };
  const store = new DynamoStore(client, {
    tableName: 't',
    defaults: testLineDefaults,
    retentionDays: 400,
    clock,
  });
  const lineWith = (onShift: string[]) => ({
    Item: { pk: 'LINE', sk: 'LINE', onShift: new Set(onShift) },
  });
  const reads = () => mock.commandCalls(GetCommand).length;
  return { store, mock, lineWith, reads, advance: (ms: number) => (at += ms) };
}

describe('the cached line record', () => {
  it('is read once for concurrent and repeated reads within its expiry, then read again', async () => {
    const { store, mock, lineWith, reads, advance } = cachedStore();
    mock
      .on(GetCommand)
      .resolvesOnce(lineWith(['v-1']))
      .resolves(lineWith(['v-1', 'v-2']));

    const [a, b] = await Promise.all([store.getLine(), store.getLine()]);
    advance(LINE_CACHE_MS - 1);
    const c = await store.getLine();
    expect(reads()).toBe(1);
    expect([a, b, c].map((line) => [...line.onShiftIds])).toEqual([['v-1'], ['v-1'], ['v-1']]);

    advance(1);
    expect([...(await store.getLine()).onShiftIds]).toEqual(['v-1', 'v-2']);
    expect(reads()).toBe(2);
  });

  it("is dropped by the store's own writes to the line record, even a failed one", async () => {
    const { store, mock, lineWith, reads } = cachedStore();
    mock.on(GetCommand).resolves(lineWith([])).on(UpdateCommand).resolvesOnce({}).rejects(new Error('boom'));

    await store.getLine();
    await store.setOnShift('v-1', true);
    await store.getLine();
    await expect(store.setPaused('v-1', true)).rejects.toThrow('boom');
    await store.getLine();
    expect(reads()).toBe(3);
  });

  it('does not keep a failed read', async () => {
    const { store, mock, lineWith, reads } = cachedStore();
    mock
      .on(GetCommand)
      .rejectsOnce(new Error('timeout'))
      .resolves(lineWith(['v-1']));

    await expect(store.getLine()).rejects.toThrow('timeout');
    expect([...(await store.getLine()).onShiftIds]).toEqual(['v-1']);
    expect(reads()).toBe(2);
  });
});
