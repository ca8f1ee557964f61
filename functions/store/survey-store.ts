// The post-contact survey in the single table: a pending survey per number key (live state, expiring) and the
// answers by contact id, listed by month for the reports.
//
// Access patterns:
// - a number's pending survey ......... Get pk=SURVEY#<phoneKey> sk=SURVEY (TTL; reads check liveUntil)
// - one answer per contact and question  conditional Put pk=ANSWER#<contactId> sk=Q#<questionId>
// - answers of a month (reports) ....... Query gsi1 gsi1pk=ANSWERS#<yyyy-mm>, gsi1sk=<at>#<contactId>#<questionId>
// An answer item holds the contact id, the question, the value, the language and when: never a number, a
// phone key or a caller key.
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { SurveyStore } from '../../flows/ports.js';
import type { PendingSurvey, SurveyAnswer } from '../../flows/survey/survey-types.js';
import { monthOf, monthsBetween, phoneRecordKey, sortableTime } from './table-keys.js';

const DAY_MS = 86_400_000;
const surveyKey = (phoneKey: string) => ({ pk: `SURVEY#${phoneKey}`, sk: 'SURVEY' });
const answerMonth = (at: number) => `ANSWERS#${monthOf(at)}`;

const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

export class DynamoSurveyStore implements SurveyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly options: {
      readonly tableName: string;
      /** Answers are kept as long as the contact log they came after. */
      readonly retentionDays: number;
    },
  ) {}

  /**
   * The number's record is marked too, so that a text from a number with no survey (nearly every text) never
   * looks for one: the record is read on every text anyway.
   */
  async openSurvey(survey: PendingSurvey): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.options.tableName,
        Item: { ...surveyKey(survey.phoneKey), ...survey, expiresAt: Math.ceil(survey.liveUntil / 1000) },
      }),
    );
    await this.client.send(
      new UpdateCommand({
        TableName: this.options.tableName,
        Key: phoneRecordKey(survey.phoneKey),
        UpdateExpression: 'SET phoneKey = :k, surveyUntil = :u',
        ExpressionAttributeValues: { ':k': survey.phoneKey, ':u': survey.liveUntil },
      }),
    );
  }

  async getSurvey(phoneKey: string, now: number): Promise<PendingSurvey | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.options.tableName, Key: surveyKey(phoneKey), ConsistentRead: true }),
    );
    if (!Item || Number(Item.liveUntil) <= now) return undefined;
    return {
      phoneKey: String(Item.phoneKey),
      contactId: String(Item.contactId),
      language: Item.language === 'es' ? 'es' : 'en',
      step: Number(Item.step),
      reasked: Item.reasked === true,
      liveUntil: Number(Item.liveUntil),
    };
  }

  async advanceSurvey(
    survey: PendingSurvey,
    next: Pick<PendingSurvey, 'step' | 'reasked'>,
  ): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: {
            ...surveyKey(survey.phoneKey),
            ...survey,
            ...next,
            expiresAt: Math.ceil(survey.liveUntil / 1000),
          },
          ConditionExpression: 'contactId = :contact AND step = :step AND reasked = :reasked',
          ExpressionAttributeValues: {
            ':contact': survey.contactId,
            ':step': survey.step,
            ':reasked': survey.reasked,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * The webhook may not delete (least privilege: only the tick takes items), so closing strips the item to its
   * keys: no contact id is left beside the phone key, and TTL removes the rest.
   */
  async closeSurvey(phoneKey: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.options.tableName,
          Key: surveyKey(phoneKey),
          UpdateExpression: 'SET liveUntil = :closed REMOVE contactId, phoneKey, #language, step, reasked',
          // Closing what was never opened (a STOP from any number) must not leave a stub behind.
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#language': 'language' },
          ExpressionAttributeValues: { ':closed': 0 },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async saveAnswer(answer: SurveyAnswer): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: {
            pk: `ANSWER#${answer.contactId}`,
            sk: `Q#${answer.questionId}`,
            gsi1pk: answerMonth(answer.at),
            gsi1sk: `${sortableTime(answer.at)}#${answer.contactId}#${answer.questionId}`,
            ...answer,
            expiresAt: Math.floor((answer.at + this.options.retentionDays * DAY_MS) / 1000),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      // The same question answered twice (two replies racing): the first answer stands.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async listAnswers(fromMs: number, toMs: number): Promise<SurveyAnswer[]> {
    const months = monthsBetween(fromMs, toMs);
    const pages = await Promise.all(months.map((month) => this.queryMonth(month, fromMs, toMs)));
    return pages.flat();
  }

  private async queryMonth(month: string, fromMs: number, toMs: number): Promise<SurveyAnswer[]> {
    const answers: SurveyAnswer[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':p': `ANSWERS#${month}`,
            ':from': sortableTime(fromMs),
            // "~" sorts after the "#<contactId>#<questionId>" tail of every key at the last instant.
            ':to': `${sortableTime(toMs - 1)}~`,
          },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        answers.push({
          contactId: String(item.contactId),
          questionId: String(item.questionId),
          kind: item.kind === 'yesNo' ? 'yesNo' : 'scale1to5',
          value: item.value === 'yes' || item.value === 'no' ? item.value : Number(item.value),
          language: item.language === 'es' ? 'es' : 'en',
          at: Number(item.at),
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return answers;
  }
}
