// Read along: a coordinator follows a live text conversation from the console's board, while it is live only.
//
// Main course: Read along on a connected text conversation -> the contact is marked `readAlongUntil` (audited:
// who, which contact, when) -> from then on each message either way is sealed into the contact's live state,
// at most READ_ALONG_CAP of them -> the console polls and shows them, opened on each read and only those younger
// than READ_ALONG_MINUTES -> the conversation ends: the store drops the sealed copies with the rest of the live
// state, and the console is told it has ended.
// Alternate courses: the conversation is not live or not a text (refused, nothing kept); a conversation nobody
// reads along costs no extra write (only a marked one keeps copies); the mark lapses after READ_ALONG_MINUTES
// unless renewed. Bodies never reach logs, events or the contact log: only sealed, only live.
import type { Contact } from '../model.js';
import { isLive } from '../model.js';
import type { Clock, Log, PhoneVault, Store } from '../ports.js';

/** How many recent messages are kept for the reader, and how long each is shown. */
export const READ_ALONG_CAP = 20;
export const READ_ALONG_MINUTES = 15;

export type ReadAlongSide = 'texter' | 'peer';

export interface ReadAlongMessage {
  readonly at: number;
  readonly from: ReadAlongSide;
  readonly body: string;
}

export interface ReadAlongDeps {
  readonly store: Pick<Store, 'getContact' | 'updateContact'>;
  readonly vault: Pick<PhoneVault, 'seal' | 'open'>;
  readonly clock: Clock;
}

const isReadable = (contact: Contact | undefined, now: number): contact is Contact =>
  contact?.channel === 'sms' && contact.status === 'connected' && isLive(contact, now);

/** Marks a live conversation as read along (or renews the mark); undefined when it is not live. */
export async function startReadAlong(deps: ReadAlongDeps, contactId: string): Promise<Contact | undefined> {
  const now = deps.clock.now();
  if (!isReadable(await deps.store.getContact(contactId), now)) return undefined;
  return deps.store.updateContact(contactId, {
    channel: 'sms',
    expectStatus: ['connected'],
    set: { readAlongUntil: now + READ_ALONG_MINUTES * 60_000 },
  });
}

/**
 * Keeps a sealed copy of a relayed message, only while someone reads along. `contact` is the state the relay
 * already read, so a conversation nobody reads costs nothing here.
 */
export async function keepForReadAlong(
  deps: {
    readonly store: Pick<Store, 'updateContact'>;
    readonly vault: Pick<PhoneVault, 'seal'>;
    readonly clock: Clock;
    readonly log: Log;
  },
  contact: Contact,
  from: ReadAlongSide,
  body: string,
): Promise<void> {
  const now = deps.clock.now();
  if ((contact.readAlongUntil ?? 0) <= now) return;
  const sealed = deps.vault.seal(JSON.stringify({ at: now, from, body }));
  // The relay matters more than the reader's copy: a failed copy is only missing from the console.
  await deps.store
    .updateContact(contact.contactId, {
      channel: 'sms',
      expectStatus: ['connected'],
      set: { readAlongSealed: [...(contact.readAlongSealed ?? []), sealed].slice(-READ_ALONG_CAP) },
    })
    .catch((error: unknown) =>
      deps.log.warn('could not keep a message for the reader', {
        contactId: contact.contactId,
        error: error instanceof Error ? error.name : 'unknown',
      }),
    );
}

/** The recent messages of a conversation being read along, opened now; undefined once it is not live. */
export async function readAlong(
  deps: ReadAlongDeps,
  contactId: string,
): Promise<readonly ReadAlongMessage[] | undefined> {
  const now = deps.clock.now();
  const contact = await deps.store.getContact(contactId);
  if (!isReadable(contact, now) || (contact.readAlongUntil ?? 0) <= now) return undefined;
  const since = now - READ_ALONG_MINUTES * 60_000;
  return (contact.readAlongSealed ?? [])
    .map((sealed) => JSON.parse(deps.vault.open(sealed)) as ReadAlongMessage)
    .filter((message) => message.at >= since);
}
