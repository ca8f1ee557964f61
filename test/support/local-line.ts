// A fresh local warmline for an end-to-end test: fast simulated time, a quiet log, and a table scan.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../flows/ports.js';
import { contactIdForCall } from '../../flows/voice/voice-deps.js';
import { type LocalRunnerOptions, type LocalWarmline, startLocalWarmline } from '../../infra/local/runner.js';
import { postSignedWebhook } from './signed-webhook.js';
import { silentLog } from './silent-log.js';

export interface TestLine extends LocalWarmline {
  readonly logLines: string[];
  /** Every item in the table, for privacy scans and log checks. */
  scanTable(): Promise<Record<string, unknown>[]>;
}

/** A clock the test can move forward; it runs with real time otherwise. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

export async function startTestLine(options: Partial<LocalRunnerOptions> = {}): Promise<TestLine> {
  const log = silentLog();
  // Most tests build their own roster from empty, so the demo week of shifts is opt-in here.
  const line = await startLocalWarmline({ port: 0, timeScale: 0.05, log, seedRoster: false, ...options });
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: line.config.AWS_REGION,
      endpoint: line.config.DYNAMODB_ENDPOINT ?? '',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return Object.assign(line, {
    logLines: log.lines,
    async scanTable() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new ScanCommand({ TableName: line.config.TABLE_NAME, ExclusiveStartKey: start }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
  });
}

/** Every string a raw phone number could leave behind: E.164, national digits, URL-encoded. */
export function numberTraces(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  return [phone, digits, digits.slice(1), encodeURIComponent(phone)];
}

/** Posts a webhook to this line exactly as Twilio would (or, for edge tests, unsigned or wrongly signed). */
export function signedPosterFor(line: Pick<LocalWarmline, 'origin' | 'config'>) {
  return (pathAndQuery: string, params: Record<string, string>, signature?: 'none' | 'wrong') =>
    postSignedWebhook({
      origin: line.origin,
      publicBaseUrl: line.config.PUBLIC_BASE_URL,
      authToken: line.config.TWILIO_AUTH_TOKEN ?? '',
      pathAndQuery,
      params,
      ...(signature ? { signature } : {}),
    });
}

/** The contact id the line gives a call: a keyed hash of its CallSid, as the voice flow computes it. */
export function callContactId(line: LocalWarmline, callSid: string): string {
  return contactIdForCall(line.core.vault, callSid);
}
