// The anonymized contact log's figures. The repeat count is taken as a contact starts, beside the line read;
// wait and talk times are derived from the contact's own timestamps wherever the log is read. So nothing is
// written to a contact after it ends.
import { isWithheldKey } from './caller-identity.js';
import type { Contact } from './model.js';
import type { Log, Store } from './ports.js';

const REPEAT_WINDOW_MS = 30 * 86_400_000;

/**
 * How many contacts this caller started in the 30 days before `now`: 0 for a withheld number (its key is the
 * contact's own), undefined when the store could not say, for the contact goes on without it.
 */
export async function earlierContacts(
  deps: { readonly store: Pick<Store, 'countRecentContacts'>; readonly log: Log },
  callerKey: string,
  now: number,
): Promise<number | undefined> {
  if (isWithheldKey(callerKey)) return 0;
  try {
    return await deps.store.countRecentContacts(callerKey, now - REPEAT_WINDOW_MS);
  } catch (error) {
    deps.log.warn('no repeat count for this contact', {
      error: error instanceof Error ? error.name : 'unknown',
    });
    return undefined;
  }
}

/** `repeatCount` for a new contact's record, when known. */
export const repeatCountField = (count: number | undefined): Pick<Contact, 'repeatCount'> =>
  count === undefined ? {} : { repeatCount: count };

/** Seconds waiting (queued until answered, or until it ended unanswered) and talking, from the timestamps. */
export function logFigures(contact: Contact): { waitSeconds?: number; talkSeconds?: number } {
  const seconds = (from: number | undefined, to: number | undefined) =>
    from !== undefined && to !== undefined ? Math.max(0, Math.round((to - from) / 1000)) : undefined;
  const waitSeconds = seconds(contact.queuedAt, contact.answeredAt ?? contact.endedAt);
  const talkSeconds = seconds(contact.answeredAt, contact.endedAt);
  return {
    ...(waitSeconds !== undefined ? { waitSeconds } : {}),
    ...(talkSeconds !== undefined ? { talkSeconds } : {}),
  };
}
