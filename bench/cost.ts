// AWS cost per 1,000 contacts from what one answered call was measured to use: requests, invocations with their
// measured durations, DynamoDB capacity units (item sizes, index writes, failed conditional writes) and events.
import type { FunctionName, Invocation } from '../infra/local/usage-meter.js';

/** USD, on-demand list prices for us-east-1 (arm64 Lambda). Twilio's charges are not included. */
export const PRICES = {
  apiGatewayHttpPerRequest: 1.0 / 1e6,
  lambdaPerRequest: 0.2 / 1e6,
  lambdaArmPerGbSecond: 0.0000133334,
  dynamoPerWriteUnit: 0.625 / 1e6,
  dynamoPerReadUnit: 0.125 / 1e6,
  eventBridgePerEvent: 1.0 / 1e6,
} as const;

/** Memory of each function in the stack (infra/stacks/stateless-stack.ts); the tick runs in the dispatcher. */
const MEMORY_GB: Record<FunctionName, number> = {
  'twilio-webhook': 1,
  dispatcher: 0.5,
  notifier: 0.5,
  tick: 0.5,
};

export interface CostEstimate {
  readonly perContactUsd: number;
  readonly breakdownPer1000: Record<'apiGateway' | 'lambda' | 'dynamo' | 'eventBridge', number>;
  readonly assumptions: string;
}

export function estimateCost(invocations: readonly Invocation[]): CostEstimate {
  let apiGateway = 0;
  let lambda = 0;
  let dynamo = 0;
  let eventBridge = 0;
  for (const invocation of invocations) {
    if (invocation.fn === 'twilio-webhook') apiGateway += PRICES.apiGatewayHttpPerRequest;
    // Lambda bills duration by the millisecond, at least 1 ms.
    lambda +=
      PRICES.lambdaPerRequest +
      (Math.max(1, Math.ceil(invocation.ms)) / 1000) * MEMORY_GB[invocation.fn] * PRICES.lambdaArmPerGbSecond;
    dynamo +=
      invocation.writeUnits * PRICES.dynamoPerWriteUnit + invocation.readUnits * PRICES.dynamoPerReadUnit;
    eventBridge += invocation.events * PRICES.eventBridgePerEvent;
  }
  const per1000 = (usd: number) => usd * 1000;
  return {
    perContactUsd: apiGateway + lambda + dynamo + eventBridge,
    breakdownPer1000: {
      apiGateway: per1000(apiGateway),
      lambda: per1000(lambda),
      dynamo: per1000(dynamo),
      eventBridge: per1000(eventBridge),
    },
    assumptions:
      'one answered call (2 min hold, 20 min talk); on-demand list prices us-east-1; local durations as Lambda durations; storage and logs excluded',
  };
}
