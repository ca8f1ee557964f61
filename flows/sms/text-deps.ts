// What every text flow is given, and the small steps texter and volunteer sides share.
import type { LineSettings } from '../line-settings.js';
import type { Contact, Volunteer } from '../model.js';
import type { Clock, EventPublisher, Log, PhoneVault, Store, SurveyStore } from '../ports.js';
import { promptsFor } from '../prompts/prompts.js';
import type { TextMessage } from '../replies.js';

/** `M`: the store methods a flow uses, so it declares (and its test fakes) only those; all by default. */
export interface TextDeps<M extends keyof Store = keyof Store> {
  readonly store: Pick<Store, M>;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly vault: PhoneVault;
  readonly log: Log;
  /** Deploy-time settings: a crisis reply never waits on a store read. */
  readonly defaults: LineSettings;
  /** The post-contact survey's state and answers; without it no survey is sent. */
  readonly surveys?: SurveyStore;
}

export interface IncomingText {
  readonly messageSid: string;
  readonly from: string;
  readonly body: string;
}

/** Our own id for a conversation opened by a text: a keyed hash of its MessageSid (see contactIdForCall). */
export const textContactId = (vault: Pick<PhoneVault, 'keyOf'>, messageSid: string): string =>
  `s-${vault.keyOf(`MessageSid:${messageSid}`)}`;

/** A message to the texter of a conversation, while their sealed number is still held. */
export function toTexter(deps: TextDeps<never>, contact: Contact, body: string): TextMessage[] {
  return contact.callerSealed ? [{ to: deps.vault.open(contact.callerSealed), body }] : [];
}

export function toVolunteerOf(deps: TextDeps<never>, contact: Contact, body: string): TextMessage[] {
  return contact.volunteerPhoneSealed ? [{ to: deps.vault.open(contact.volunteerPhoneSealed), body }] : [];
}

/**
 * Takes a conversation's tag off its volunteer; retried on a concurrent change to their sessions. `codesDue`:
 * the conversation ended with them, so the same write notes it as waiting for their wrap-up codes by that tag.
 */
export async function releaseTag(
  deps: Pick<TextDeps<'getVolunteer' | 'updateVolunteer'>, 'store'>,
  volunteerId: string,
  contactId: string,
  codesDue = false,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const volunteer = await deps.store.getVolunteer(volunteerId);
    const entry = Object.entries(volunteer?.textSessions ?? {}).find(([, id]) => id === contactId);
    if (!volunteer || !entry) return;
    const sessions = Object.fromEntries(
      Object.entries(volunteer.textSessions ?? {}).filter(([tag]) => tag !== entry[0]),
    );
    const latest = volunteer.latestTag === entry[0] ? Object.keys(sessions).at(-1) : volunteer.latestTag;
    const updated = await deps.store.updateVolunteer(volunteerId, {
      expectVersion: volunteer.version,
      set: {
        textSessions: sessions,
        ...(latest ? { latestTag: latest } : {}),
        ...(codesDue ? { wrapUpDue: { ...volunteer.wrapUpDue, [entry[0]]: contactId } } : {}),
      },
      ...(latest ? {} : { remove: ['latestTag'] }),
    });
    if (updated) return;
  }
}

/** Replays of a message (same MessageSid) are recognised for this long; Twilio retries within minutes. */
export const REPLAY_WINDOW_SECONDS = 2 * 86_400;

/** The minute tick must find a wait that has run out while the live state (and the number) is still there. */
const WAIT_ENDS_BEFORE_EXPIRY_MS = 15 * 60_000;

/**
 * When a text (or a caller's text-back request) that may be offered from `offeredFrom` stops waiting, and
 * when its live state, with the sealed number, ends: the wait always ends first, so the honest closing text
 * can still be sent.
 */
export function textWaitBounds(
  settings: Pick<LineSettings, 'textWaitMinutes' | 'liveStateHours'>,
  offeredFrom: number,
): { overflowAt: number; liveUntil: number } {
  const live = settings.liveStateHours * 3_600_000;
  const wait = Math.min(settings.textWaitMinutes * 60_000, live - WAIT_ENDS_BEFORE_EXPIRY_MS);
  return { overflowAt: offeredFrom + wait, liveUntil: offeredFrom + live };
}

/** The one closing text a waiting texter or text-back caller gets when nobody accepted in time. */
export function unansweredText(
  contact: Contact,
  settings: Pick<LineSettings, 'crisisTextNumber' | 'lineName'>,
): string {
  return promptsFor(contact.language).smsUnanswered(
    settings.crisisTextNumber,
    contact.textBack === true,
    settings.lineName || undefined,
  );
}

/** Ends a live text conversation once; the texter's number is unlinked and its sealed copy dropped. */
export async function endTextConversation(
  deps: Pick<
    TextDeps<'getVolunteer' | 'linkTexter' | 'updateContact' | 'updateVolunteer'>,
    'store' | 'clock' | 'events'
  >,
  contact: Contact,
  outcome: NonNullable<Contact['outcome']>,
): Promise<Contact | undefined> {
  const now = deps.clock.now();
  const ended = await deps.store.updateContact(contact.contactId, {
    channel: 'sms',
    expectStatus: ['queued', 'connected'],
    set: { status: 'ended', outcome, endedAt: now },
    remove: ['callerSealed', 'pendingSealed', 'volunteerPhoneSealed'],
  });
  if (!ended) return undefined;
  await deps.store.linkTexter(contact.callerKey, undefined, contact.contactId);
  if (contact.volunteerId)
    await releaseTag(deps, contact.volunteerId, contact.contactId, contact.status === 'connected');
  await deps.events.publish([
    { type: 'ContactEnded', contactId: contact.contactId, channel: 'sms', outcome },
  ]);
  return ended;
}

export function openTags(volunteer: Volunteer): string[] {
  return Object.keys(volunteer.textSessions ?? {}).sort();
}
