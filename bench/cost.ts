// AWS cost per 1,000 contacts from measured counts, at published on-demand prices (us-east-1, arm64).
import type { SurgeFigures } from './surge.js';
import type { WebhookFigures } from './webhook-latency.js';

/** USD; list prices as of 2026 for us-east-1. Twilio's own charges are not included. */
export const PRICES = {
  apiGatewayHttpPerRequest: 1.0 / 1e6,
  lambdaPerRequest: 0.2 / 1e6,
  lambdaArmPerGbSecond: 0.0000133334,
  dynamoPerWriteRequest: 0.625 / 1e6,
  dynamoPerReadRequest: 0.125 / 1e6,
  eventBridgePerEvent: 1.0 / 1e6,
} as const;

const MEMORY_GB = 0.5;

export interface CostEstimate {
  readonly perThousandContacts: number;
  readonly assumptions: string;
}

export function estimateCost(surge: SurgeFigures, webhooks: readonly WebhookFigures[]): CostEstimate {
  const perContact = (n: number) => n / Math.max(1, surge.callers);
  const webhookCalls = perContact(surge.webhooks);
  const events = perContact(surge.events);
  const storeCalls = perContact(surge.storeCalls);
  const meanMs = webhooks.reduce((sum, w) => sum + w.p50Ms, 0) / Math.max(1, webhooks.length);
  // Every event is one dispatcher or notifier invocation; store calls are split evenly reads/writes.
  const invocations = webhookCalls + events;
  const perContactUsd =
    webhookCalls * PRICES.apiGatewayHttpPerRequest +
    invocations * (PRICES.lambdaPerRequest + (meanMs / 1000) * MEMORY_GB * PRICES.lambdaArmPerGbSecond) +
    (storeCalls / 2) * (PRICES.dynamoPerWriteRequest + PRICES.dynamoPerReadRequest) +
    events * PRICES.eventBridgePerEvent;
  return {
    perThousandContacts: perContactUsd * 1000,
    assumptions:
      'list prices us-east-1; 512 MB arm64; local p50 as Lambda duration; half the store calls are writes',
  };
}
