// Deadlines for the AWS SDK clients a webhook waits on: per request, per connection, and in total.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
//
// The SDK's own timeouts bound one attempt; retries multiply them. The total deadline bounds the whole call,
// retries and back-off included, so a stalled or throttled backend costs a caller a known, short time.

export interface ClientBounds {
  /** SDK attempts per call, the first included. */
  readonly maxAttempts: number;
  /** Each attempt's time to a response. */
  readonly requestTimeoutMs: number;
  /** The whole call, retries included. */
  readonly deadlineMs: number;
}

export class ClientDeadlineError extends Error {
  override readonly name = 'ClientDeadlineError';
}

/** The client configuration that applies the per-attempt bounds (the total deadline is a middleware). */
export function boundedClientConfig(bounds: ClientBounds) {
  return {
    maxAttempts: bounds.maxAttempts,
    requestHandler: {
      requestTimeout: bounds.requestTimeoutMs,
      // Without this the handler only warns when the deadline passes, and a stalled backend hangs the call.
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(500, bounds.requestTimeoutMs),
    },
  };
}

export type MiddlewareHost = DynamoDBClient | EventBridgeClient;

/** What middleware sees of a call: its input, and (from the build step on) the HTTP request. */
export interface MiddlewareArgs {
  readonly input: unknown;
  request?: unknown;
}
export type Handler = (args: MiddlewareArgs) => Promise<{ output: unknown; response?: unknown }>;
/** The SDK passes each middleware the command's name (e.g. `UpdateItemCommand`) in its context. */
export type Middleware = (next: Handler, context: { readonly commandName?: string }) => Handler;

/**
 * The two clients' stacks differ only in their generic input and output types, which middleware here never
 * looks at; one narrow cast keeps that fact in one place.
 */
export function addMiddleware(
  client: MiddlewareHost,
  middleware: Middleware,
  options: {
    step: 'initialize' | 'build' | 'finalizeRequest' | 'deserialize';
    name: string;
    priority?: 'high' | 'low';
  },
): void {
  (client.middlewareStack as unknown as { add(m: Middleware, o: typeof options): void }).add(
    middleware,
    options,
  );
}

/** Outermost middleware: the call settles within `deadlineMs` whatever the retries are doing underneath. */
export function addTotalDeadline(client: MiddlewareHost, deadlineMs: number): void {
  addMiddleware(
    client,
    (next) => (args) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ClientDeadlineError(`no answer within ${deadlineMs} ms`)),
          deadlineMs,
        );
      });
      return Promise.race([next(args), late]).finally(() => clearTimeout(timer));
    },
    { step: 'initialize', name: 'totalDeadline', priority: 'high' },
  );
}
