// Bounds for the work a crisis reply must not wait on: the reply is decided first, bookkeeping gets a budget.

/** How long a crisis reply may wait to learn whether the sender is a volunteer relaying words. */
export const CRISIS_LOOKUP_MS = 700;
/** The escalation's bookkeeping is bounded too: the webhook must answer well inside its deadline. */
export const CRISIS_BOOKKEEPING_MS = 1_200;

/** The work's value, or undefined when it failed or took longer than `ms` (it is not cancelled). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}
