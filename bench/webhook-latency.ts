// p50/p99 latency and DynamoDB calls of each voice webhook, through the local runner over HTTP.

import { contactIdForCall } from '../flows/voice/voice-deps.js';
import type { LocalWarmline } from '../infra/local/runner.js';
import { callFields, postSignedWebhook } from '../test/support/signed-webhook.js';

export interface WebhookFigures {
  readonly route: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Median DynamoDB calls one request of this webhook makes. */
  readonly storeCalls: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/**
 * Walks `samples` callers through greeting, language, hold and the hold keypad, and one volunteer leg per
 * caller through whisper and accept, one request at a time so each request's store calls can be counted.
 */
export async function measureWebhooks(
  line: LocalWarmline,
  samples: number,
  storeCalls: () => number,
): Promise<WebhookFigures[]> {
  const timings = new Map<string, { ms: number[]; calls: number[] }>();
  const post = async (route: string, pathAndQuery: string, params: Record<string, string>) => {
    // Let the work earlier requests set off (events, offers) finish, so only this request's calls count.
    await line.idle();
    const before = storeCalls();
    const started = performance.now();
    const response = await postSignedWebhook({
      origin: line.origin,
      publicBaseUrl: line.config.PUBLIC_BASE_URL,
      authToken: line.config.TWILIO_AUTH_TOKEN ?? '',
      pathAndQuery,
      params,
    });
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${route} answered ${response.status}`);
    const entry = timings.get(route) ?? { ms: [], calls: [] };
    entry.ms.push(ms);
    entry.calls.push(storeCalls() - before);
    timings.set(route, entry);
    return response.body;
  };
  const line_ = line.config.LINE_NUMBER;
  for (let i = 0; i < samples; i++) {
    const sid = `CA${i.toString(16).padStart(32, '0')}`;
    const caller = `+1555020${String(i % 10000).padStart(4, '0')}`;
    const fields = callFields(sid, caller, line_);
    const contact = contactIdForCall(line.core.vault, sid);
    await post('incoming', '/twilio/voice', fields);
    await post('language', `/twilio/voice/language?c=${contact}&cn=988`, { ...fields, Digits: '1' });
    await post('hold', `/twilio/voice/hold?c=${contact}&cn=988&l=en`, fields);
    await post('hold-input', `/twilio/voice/hold-input?c=${contact}&cn=988&l=en`, { ...fields, Digits: '5' });
    const volunteerLeg = callFields(
      `CA${(i + 0x100000).toString(16).padStart(32, '0')}`,
      line_,
      '+15550100001',
    );
    await post('offer (whisper)', `/twilio/voice/offer?c=${contact}&v=vol-ana&w=8`, volunteerLeg);
    await post('caller status', '/twilio/voice/status', { ...fields, CallStatus: 'completed' });
    await line.idle();
  }
  return [...timings.entries()].map(([route, { ms, calls }]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const callsSorted = [...calls].sort((a, b) => a - b);
    return {
      route,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      storeCalls: percentile(callsSorted, 0.5),
    };
  });
}
