// The survey store against real dynalite: expiry checked on read, conditional steps, one answer per question.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingSurvey, SurveyAnswer } from '../../../flows/survey/survey-types.js';
import { DynamoSurveyStore } from '../../../functions/store/survey-store.js';
import { type StoreForTest, startStoreForTest } from '../../support/dynalite-table.js';

const T0 = Date.UTC(2026, 9, 31, 23, 30);
let table: StoreForTest;
let surveys: DynamoSurveyStore;

const pending = (phoneKey: string): PendingSurvey => ({
  phoneKey,
  contactId: `s-${phoneKey}`,
  language: 'es',
  step: 0,
  reasked: false,
  liveUntil: T0 + 3_600_000,
});
const answer = (contactId: string, value: number, at: number): SurveyAnswer => ({
  contactId,
  questionId: 'better',
  kind: 'scale1to5',
  value,
  language: 'en',
  at,
});

beforeAll(async () => {
  table = await startStoreForTest();
  surveys = new DynamoSurveyStore(table.documentClient, { tableName: table.tableName, retentionDays: 400 });
}, 30_000);
afterAll(() => table?.close());

describe('the survey store', () => {
  it('returns a pending survey only before its expiry, and none once closed', async () => {
    await surveys.openSurvey(pending('k1'));
    expect(await surveys.getSurvey('k1', T0)).toEqual(pending('k1'));
    // The number's record says a survey may be waiting, so other numbers' texts never look for one.
    expect(await table.store.getPhone('k1')).toMatchObject({ surveyUntil: pending('k1').liveUntil });
    // dynalite never deletes expired items, like TTL running late in AWS: the read checks.
    expect(await surveys.getSurvey('k1', T0 + 3_600_000)).toBeUndefined();
    await surveys.closeSurvey('k1');
    expect(await surveys.getSurvey('k1', T0)).toBeUndefined();
    // Closed by an update (the webhook may not delete): nothing beside the keys and the expiry links anything.
    const closed = (
      await table.documentClient.send(
        new GetCommand({ TableName: table.tableName, Key: { pk: 'SURVEY#k1', sk: 'SURVEY' } }),
      )
    ).Item;
    expect(Object.keys(closed ?? {}).sort()).toEqual(['expiresAt', 'liveUntil', 'pk', 'sk']);
    await surveys.closeSurvey('never-opened');
    const stub = await table.documentClient.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'SURVEY#never-opened', sk: 'SURVEY' } }),
    );
    expect(stub.Item).toBeUndefined();
  });

  it('moves a survey on only from the step it was read at', async () => {
    const read = pending('k2');
    await surveys.openSurvey(read);
    expect(await surveys.advanceSurvey(read, { step: 1, reasked: false })).toBe(true);
    expect(await surveys.advanceSurvey(read, { step: 1, reasked: false })).toBe(false);
    expect((await surveys.getSurvey('k2', T0))?.step).toBe(1);
  });

  it('keeps the first answer to a question and lists answers across a month boundary by time', async () => {
    await surveys.saveAnswer(answer('c1', 4, T0));
    await surveys.saveAnswer(answer('c1', 1, T0));
    await surveys.saveAnswer(answer('c2', 5, T0 + 3_600_000));
    await surveys.saveAnswer(answer('c3', 2, T0 + 48 * 3_600_000));
    const listed = await surveys.listAnswers(T0 - 1, T0 + 24 * 3_600_000);
    expect(listed.map((a) => [a.contactId, a.value]).sort()).toEqual([
      ['c1', 4],
      ['c2', 5],
    ]);
  });
});
