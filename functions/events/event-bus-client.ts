// The EventBridge client with the same explicit deadlines as the store: a stalled bus never holds a webhook.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { addTotalDeadline, boundedClientConfig, type MiddlewareHost } from '../aws/client-bounds.js';
import type { RuntimeConfig } from '../config.js';

export interface BusClientOptions {
  readonly region: string;
  readonly endpoint?: string;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  readonly deadlineMs: number;
  /** Adds middleware to the client (the local runner's fault drills). */
  readonly instrument?: (client: MiddlewareHost) => void;
}

export function createEventBusClient(options: BusClientOptions): EventBridgeClient {
  const client = new EventBridgeClient({
    region: options.region,
    ...boundedClientConfig(options),
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  addTotalDeadline(client, options.deadlineMs);
  options.instrument?.(client);
  return client;
}

/** The bus client's settings from the configuration: one call's bounds (the publisher bounds its resends). */
export function busBounds(config: RuntimeConfig): BusClientOptions {
  return {
    region: config.AWS_REGION,
    ...(config.EVENTBRIDGE_ENDPOINT ? { endpoint: config.EVENTBRIDGE_ENDPOINT } : {}),
    maxAttempts: config.BUS_MAX_ATTEMPTS,
    requestTimeoutMs: config.BUS_TIMEOUT_MS,
    deadlineMs: config.BUS_DEADLINE_MS,
  };
}
