// The last catch before the Lambda runtime: it prints whatever escapes a handler, unredacted, and Twilio's
// error texts carry phone numbers (21211: "The 'To' number +1… is not a valid phone number").
import type { Log } from '../../flows/ports.js';

/** What the runtime sees instead: a fixed message, no cause, so retries and dead-letter queues still work. */
export class HandlerFailedError extends Error {
  override readonly name = 'HandlerFailedError';
}

/** The error's class and Twilio's numeric code, the only parts of an error that never name a person. */
export function errorSummary(error: unknown): Record<string, string | number> {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? { error: name, code } : { error: name };
}

/**
 * Runs a handler so that nothing it throws reaches the runtime's own logging. With `fallback`, a failure is
 * answered (HTTP handlers); without, it is rethrown as a HandlerFailedError so the event is retried.
 */
export function atHandlerBoundary<A extends unknown[], R>(
  service: string,
  log: Log,
  handler: (...args: A) => Promise<R>,
  fallback?: (...args: A) => R,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`${service} failed`, errorSummary(error));
      if (fallback) return fallback(...args);
      throw new HandlerFailedError(`${service} failed; see the log line before this one`);
    }
  };
}
