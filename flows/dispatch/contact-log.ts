// The anonymized contact log's derived figures, written after a contact ends, off every caller's hot path.
import type { Contact } from '../model.js';
import type { Clock, Store } from '../ports.js';

const REPEAT_WINDOW_MS = 30 * 86_400_000;

export function logFigures(contact: Contact): Pick<Contact, 'waitSeconds' | 'talkSeconds'> {
  const seconds = (from: number | undefined, to: number | undefined) =>
    from !== undefined && to !== undefined ? Math.max(0, Math.round((to - from) / 1000)) : undefined;
  const waitSeconds = seconds(contact.queuedAt, contact.answeredAt ?? contact.endedAt);
  const talkSeconds = seconds(contact.answeredAt, contact.endedAt);
  return {
    ...(waitSeconds !== undefined ? { waitSeconds } : {}),
    ...(talkSeconds !== undefined ? { talkSeconds } : {}),
  };
}

/** Idempotent: a duplicate ContactEnded writes the same figures again. `contact` as the step read it. */
export async function completeContactLog(
  deps: { store: Pick<Store, 'countRecentContacts' | 'updateContact'>; clock: Clock },
  contact: Contact | undefined,
): Promise<void> {
  if (contact?.status !== 'ended') return;
  const since = contact.startedAt - REPEAT_WINDOW_MS;
  // The count includes this contact itself; the log records how many came before it.
  const repeatCount = Math.max(0, (await deps.store.countRecentContacts(contact.callerKey, since)) - 1);
  await deps.store.updateContact(contact.contactId, {
    channel: contact.channel,
    expectStatus: ['ended'],
    set: { ...logFigures(contact), repeatCount },
  });
}
