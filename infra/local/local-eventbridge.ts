// EventBridge's PutEvents on the local runner: the real SDK client and publisher post here, the bus delivers.
//
// The webhook side therefore runs the same client, timeouts, retries and resends of failed entries as in AWS,
// and the fault drills can fail entries the way PutEvents does: a 200 answer with some entries refused.
import { randomUUID } from 'node:crypto';
import { type LineEvent, LineEventSchema } from '../../flows/events.js';
import { type EventOrigin, originOf } from '../../functions/event-rules.js';
import type { WebApp } from '../../functions/webhook/webhook-app.js';

export const LOCAL_EVENTBRIDGE_PATH = '/local-eventbridge';
/** Set by the fault middleware: refuse this share of the entries, as PutEvents does under load. */
export const ENTRY_FAILURE_HEADER = 'x-warmline-entry-failure';

interface PutEventsBody {
  readonly Entries?: readonly { readonly Detail?: string; readonly Source?: string }[];
}

export function localEventBridge(deliver: (event: LineEvent, origin: EventOrigin) => Promise<void>): WebApp {
  return async (request) => {
    const target = request.headers['x-amz-target'];
    if (request.method !== 'POST' || target !== 'AWSEvents.PutEvents')
      return awsJson(400, { __type: 'UnknownOperationException', message: 'only PutEvents is served here' });
    const failShare = Number(request.headers[ENTRY_FAILURE_HEADER] ?? 0);
    const body = JSON.parse(request.body || '{}') as PutEventsBody;
    const results: Record<string, string>[] = [];
    for (const entry of body.Entries ?? []) {
      const parsed = LineEventSchema.safeParse(JSON.parse(entry.Detail ?? 'null'));
      const origin = originOf(entry.Source);
      if (!parsed.success || !origin) {
        results.push({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not a line event' });
      } else if (Math.random() < failShare) {
        results.push({ ErrorCode: 'InternalFailure', ErrorMessage: 'drill: entry refused' });
      } else {
        await deliver(parsed.data, origin);
        results.push({ EventId: randomUUID() });
      }
    }
    return awsJson(200, {
      FailedEntryCount: results.filter((result) => result.ErrorCode).length,
      Entries: results,
    });
  };
}

function awsJson(status: number, body: unknown) {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(body),
  };
}
