// The DynamoDB store's own side: raw items on dynalite (keys, index partitions, TTL) and what faults look like.

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../flows/model.js';
import { createDocumentClient } from '../../../functions/store/dynamo-client.js';
import { DynamoStore } from '../../../functions/store/dynamo-store.js';
import { type StoreForTest, startStoreForTest, testLineDefaults } from '../../support/dynalite-table.js';
import { contactAt } from '../../support/store-fixtures.js';

const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
const defaults = testLineDefaults;
/** The store's clock: live state is judged at this instant, which a test may move. */
let clockAt = NOW;
const clock = { now: () => clockAt };

const contact = (overrides: Partial<Contact> = {}) => contactAt(NOW, overrides);

describe('DynamoStore on dynalite: what the store contract cannot see', () => {
  // The port's behaviour is in store-contract.ts (run against this store by dynamo-store-contract.test.ts);
  // these tests read raw items for what lives only in the table: keys, index partitions, TTL attributes.
  let local: StoreForTest;
  let store: DynamoStore;

  beforeAll(async () => {
    local = await startStoreForTest({ clock });
    store = local.store;
  });
  afterAll(async () => {
    await local.close();
  });
  const rawItem = async (pk: string, sk: string) =>
    (await local.documentClient.send(new GetCommand({ TableName: local.tableName, Key: { pk, sk } }))).Item;

  it("moves an ended contact into its month's log partition, without the removed fields", async () => {
    const live = contact({ status: 'queued', queuedAt: NOW });
    await store.createContact(live);

    const ended = await store.updateContact(live.contactId, {
      channel: 'voice',
      expectStatus: ['queued'],
      set: { status: 'ended', outcome: 'abandoned', endedAt: NOW + 5_000 },
      remove: ['callerSealed'],
    });

    expect(ended).not.toHaveProperty('gsi1pk');
    const stored = await rawItem(`CONTACT#${live.contactId}`, 'CONTACT');
    expect(stored?.callerSealed).toBeUndefined();
    expect(stored?.gsi1pk).toBe('LOG#2026-11');
  });

  it('reads the defaults for a new line and merges saved edits field by field', async () => {
    await local.documentClient.send(
      new UpdateCommand({
        TableName: local.tableName,
        Key: { pk: 'LINE', sk: 'LINE' },
        UpdateExpression: 'REMOVE settings',
      }),
    );

    const before = await store.getLine();
    await store.saveSettings({ ringGroupSize: 1 });
    await store.saveSettings({ maxWaitSeconds: 120, overflow: { kind: 'text-back' } });
    const after = await store.getLine();

    expect(before.settings).toEqual(defaults);
    expect(after.settings).toEqual({
      ...defaults,
      ringGroupSize: 1,
      maxWaitSeconds: 120,
      overflow: { kind: 'text-back' },
    });
  });

  it('reads the blocked caller keys kept in the line item', async () => {
    await local.documentClient.send(
      new UpdateCommand({
        TableName: local.tableName,
        Key: { pk: 'LINE', sk: 'LINE' },
        UpdateExpression: 'SET blockedKeys = :keys',
        ExpressionAttributeValues: { ':keys': new Set(['blocked-1', 'blocked-2']) },
      }),
    );

    const line = await store.getLine();

    expect([...line.blockedKeys].sort()).toEqual(['blocked-1', 'blocked-2']);
    expect(line.blockedKeys.has('key-1')).toBe(false);
  });

  it('treats a marker past its expiry as unseen, since TTL deletes late, and renews it', async () => {
    await local.documentClient.send(
      new PutCommand({
        TableName: local.tableName,
        Item: { pk: 'SEEN#SM-old', sk: 'SEEN', expiresAt: Math.floor(NOW / 1000) - 60 },
      }),
    );

    expect(await store.firstTime('SM-old', 3600)).toBe(true);
    expect(await store.firstTime('SM-old', 3600)).toBe(false);
    expect((await rawItem('SEEN#SM-old', 'SEEN'))?.expiresAt).toBeGreaterThan(NOW / 1000);
  });

  it('keeps no sealed number or waiting messages in the item once they are removed', async () => {
    const texter = contact({ channel: 'sms', status: 'queued', queuedAt: NOW });
    await store.createContact(texter);
    await store.recordMessage(texter.contactId, 'SM-r', ['queued'], NOW + 1, 'v1.sealed.r.x');

    await store.updateContact(texter.contactId, {
      channel: 'sms',
      expectStatus: ['queued'],
      set: { status: 'ended', outcome: 'abandoned', endedAt: NOW + 10 },
      remove: ['callerSealed', 'pendingSealed'],
    });
    const stored = await rawItem(`CONTACT#${texter.contactId}`, 'CONTACT');

    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('callerSealed');
    expect(stored).not.toHaveProperty('pendingSealed');
  });

  it('writes nothing into an item whose live state has expired', async () => {
    const live = contact({ channel: 'sms', status: 'connected' });
    await store.createContact(live);

    clockAt = NOW + 7 * 3_600_000;
    try {
      await store.recordMessage(live.contactId, 'SM-late', ['connected'], NOW, 'v1.late');
    } finally {
      clockAt = NOW;
    }

    expect((await rawItem(`CONTACT#${live.contactId}`, 'CONTACT'))?.pendingSealed).toBeUndefined();
  });

  it("sets an escalation reference's TTL from its liveUntil", async () => {
    await store.saveEscalationRef({
      reference: 'R7K2',
      contactId: 'c-esc',
      callerSealed: 'v1.iv.body.tag',
      liveUntil: NOW + 3_600_500,
    });

    expect((await rawItem('REF#R7K2', 'REF'))?.expiresAt).toBe(Math.ceil((NOW + 3_600_500) / 1000));
  });
});

describe('DynamoStore faults', () => {
  /** A real client whose send is replaced: the faults arrive as the SDK would raise them, retries aside. */
  function faultyStore() {
    const client = createDocumentClient({ region: 'us-east-1', maxAttempts: 1, requestTimeoutMs: 300 });
    const mock = mockClient(client);
    const store = new DynamoStore(client, { tableName: 't', defaults, retentionDays: 400, clock });
    return { store, mock };
  }
  const conditionFailed = () =>
    new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
  const throttled = () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput'), {
      name: 'ProvisionedThroughputExceededException',
    });

  it('maps a conditional check failure to undefined', async () => {
    const { store, mock } = faultyStore();
    mock.on(UpdateCommand).rejects(conditionFailed());

    const contactResult = await store.updateContact('c-1', {
      channel: 'voice',
      expectStatus: ['queued'],
      set: { status: 'ended', endedAt: NOW },
    });
    const volunteerResult = await store.updateVolunteer('v-1', { expectState: ['available'] });
    const offerResult = await store.updateOffer('c-1', 'v-1', {
      expectStatus: ['ringing'],
      set: { status: 'accepted' },
    });

    expect(contactResult).toBeUndefined();
    expect(volunteerResult).toBeUndefined();
    expect(offerResult).toBeUndefined();
    expect(mock.commandCalls(UpdateCommand)).toHaveLength(3);
  });

  it("sends a ring group's offers again when DynamoDB leaves some unprocessed, and fails if it keeps doing so", async () => {
    const offer = (volunteerId: string) =>
      ({ contactId: 'c-1', volunteerId, channel: 'voice', status: 'ringing', offeredAt: NOW }) as const;
    const { store, mock } = faultyStore();
    mock.on(BatchWriteCommand).callsFake((input: BatchWriteCommandInput) => {
      const rest = (input.RequestItems?.t ?? []).slice(1);
      // Throttled in part: DynamoDB takes the first put and hands the rest back.
      return { UnprocessedItems: rest.length ? { t: rest } : {} };
    });

    await store.putOffers([offer('ana'), offer('ben'), offer('cy')]);

    const sent = mock
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.t?.length);
    expect(sent).toEqual([3, 2, 1]);

    mock.reset();
    mock
      .on(BatchWriteCommand)
      .callsFake((input: BatchWriteCommandInput) => ({ UnprocessedItems: input.RequestItems }));
    await expect(store.putOffers([offer('ana')])).rejects.toThrow(/could not all be stored/);
    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(4);
  });

  it('reads a failed create, marker or link as a replay', async () => {
    const { store, mock } = faultyStore();
    mock.on(PutCommand).rejects(conditionFailed()).on(UpdateCommand).rejects(conditionFailed());

    expect(await store.createContact(contact())).toBe('exists');
    expect(await store.firstTime('SM1', 60)).toBe(false);
    expect(await store.linkTexter('texter', 'c-1', undefined)).toBe(false);
  });

  it('tells a replayed message from a refused one by reading the contact after the check fails', async () => {
    const { store, mock } = faultyStore();
    mock
      .on(UpdateCommand)
      .rejects(conditionFailed())
      .on(GetCommand)
      .resolvesOnce({ Item: { ...contact({ status: 'connected' }), relayedSids: ['SM1'] } })
      .resolvesOnce({ Item: { ...contact({ status: 'ended' }), relayedSids: ['SM1'] } });

    expect(await store.recordMessage('c-1', 'SM1', ['connected'], NOW)).toBe('duplicate');
    expect(await store.recordMessage('c-1', 'SM2', ['connected'], NOW)).toBeUndefined();
    expect(mock.commandCalls(GetCommand)).toHaveLength(2);
  });

  it('lets throttling propagate so the edge can answer with safe TwiML', async () => {
    const { store, mock } = faultyStore();
    const error = throttled();
    mock.rejects(error);

    await expect(store.getLine()).rejects.toThrow(error);
    await expect(
      store.updateContact('c-1', { channel: 'voice', set: { status: 'ended', endedAt: NOW } }),
    ).rejects.toThrow(error);
    await expect(store.listQueued('voice', 'en', 10)).rejects.toThrow(error);
  });

  it('never mistakes throttling for a replay', async () => {
    const { store, mock } = faultyStore();
    const error = throttled();
    mock.on(PutCommand).rejects(error).on(UpdateCommand).rejects(error).on(QueryCommand).rejects(error);

    await expect(store.createContact(contact())).rejects.toThrow(error);
    await expect(store.firstTime('SM1', 60)).rejects.toThrow(error);
    await expect(store.linkTexter('texter', 'c-1', undefined)).rejects.toThrow(error);
    await expect(store.recordMessage('c-1', 'SM1', ['connected'], NOW)).rejects.toThrow(error);
    await expect(store.saveSettings({ ringGroupSize: 2 })).rejects.toThrow(error);
    await expect(store.countQueuedAhead('voice', 'en', NOW)).rejects.toThrow(error);
  });
});
