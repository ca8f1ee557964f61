// The texter's side of a text conversation: open, wait, relay to the peer, STOP, crisis.
//
// Main course: a first text opens a conversation (welcome, queued, ContactQueued) -> later texts while
// waiting are kept sealed for the peer and answered with an honest status -> once a peer accepts, each
// text is relayed to them as "[tag] words" from the line's number.
// Alternate courses: line closed or nobody on shift (hours and the crisis options); the wait limit (the
// overflow message); STOP (the conversation closes and the peer is told; nothing more is sent); a replayed
// webhook (same MessageSid: nothing relayed twice); crisis language (see incoming-text.ts).

import type { Contact, PhoneRecord } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import { volunteerTexts } from '../prompts/volunteer-texts.js';
import type { Language, SmsReply } from '../replies.js';
import { isLineOpen, nextOpening } from '../roster/line-hours.js';
import { describeOpening } from '../voice/describe-opening.js';
import {
  endTextConversation,
  type IncomingText,
  REPLAY_WINDOW_SECONDS,
  type TextDeps,
  textContactId,
  toVolunteerOf,
} from './text-deps.js';

const NO_REPLY: SmsReply = { messages: [] };

/** The texter's live conversation, if the number points at one that is still live. */
export async function liveConversation(
  deps: TextDeps,
  phone: PhoneRecord | undefined,
): Promise<Contact | undefined> {
  if (!phone?.contactId) return undefined;
  const contact = await deps.store.getContact(phone.contactId);
  if (contact && contact.status !== 'ended' && contact.liveUntil > deps.clock.now()) return contact;
  // A conversation that ended or expired without unlinking: tidy the pointer and start afresh.
  await deps.store.linkTexter(phone.phoneKey, undefined, phone.contactId);
  return undefined;
}

export async function handleTexterStop(
  deps: TextDeps,
  phoneKey: string,
  phone: PhoneRecord | undefined,
): Promise<SmsReply> {
  await deps.store.setOptedOut(phoneKey, true);
  const contact = await liveConversation(deps, phone);
  if (!contact) return NO_REPLY;
  await endTextConversation(deps, contact, 'abandoned');
  // Twilio itself confirms the opt-out to the texter; we only tell the peer.
  return { messages: toVolunteerOf(deps, contact, volunteerTexts.texterStopped(contact.tag ?? '?')) };
}

export async function handleTexterMessage(
  deps: TextDeps,
  phoneKey: string,
  phone: PhoneRecord | undefined,
  text: IncomingText,
  language: Language,
): Promise<SmsReply> {
  // After STOP, carriers block anything we send until START: open nothing, send nothing.
  if (phone?.optedOut) return NO_REPLY;
  // A message belongs to the conversation it was sent in: replayed after that one ended, it must not open or
  // join the next. Side by side with the lookup; a store error counts as a first delivery.
  const [first, contact] = await Promise.all([
    deps.store.firstTime(`text#${text.messageSid}`, REPLAY_WINDOW_SECONDS).catch(() => true),
    liveConversation(deps, phone),
  ]);
  if (!first) return NO_REPLY;
  if (!contact) return openConversation(deps, phoneKey, text, language);
  if (contact.status === 'queued') return whileWaiting(deps, contact, text);
  const recorded = await deps.store.recordMessage(
    contact.contactId,
    text.messageSid,
    ['connected'],
    deps.clock.now(),
  );
  if (recorded === 'duplicate') return NO_REPLY;
  if (!recorded) return openConversation(deps, phoneKey, text, language);
  return { messages: toVolunteerOf(deps, recorded, volunteerTexts.relayed(recorded.tag ?? '?', text.body)) };
}

async function openConversation(
  deps: TextDeps,
  phoneKey: string,
  text: IncomingText,
  language: Language,
): Promise<SmsReply> {
  const now = deps.clock.now();
  const prompts = promptsFor(language);
  const { settings, onShiftIds } = await deps.store.getLine();
  const contactId = textContactId(text.messageSid);
  const base = {
    contactId,
    channel: 'sms' as const,
    language,
    callerKey: phoneKey,
    startedAt: now,
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: now + settings.liveStateHours * 3_600_000,
    messageCount: 1,
  };
  if (!isLineOpen(settings.hours, now, settings.timeZone)) {
    await deps.store.createContact({ ...base, status: 'ended', outcome: 'after-hours', endedAt: now });
    const opensAt = describeOpening(
      nextOpening(settings.hours, now, settings.timeZone),
      now,
      settings.timeZone,
    );
    return { messages: [{ body: prompts.smsClosedNow(opensAt, settings.crisisTextNumber) }] };
  }
  if (onShiftIds.size === 0) {
    await deps.store.createContact({ ...base, status: 'ended', outcome: 'unstaffed', endedAt: now });
    return { messages: [{ body: prompts.smsUnstaffed(settings.crisisTextNumber) }] };
  }
  const created = await deps.store.createContact({
    ...base,
    status: 'queued',
    queuedAt: now,
    lastActivityAt: now,
    overflowAt: now + settings.maxWaitSeconds * 1000,
    overflow: settings.overflow,
    callerSealed: deps.vault.seal(text.from),
    pendingSealed: [deps.vault.seal(text.body)],
    relayedSids: [text.messageSid],
  });
  // A replayed first text finds its conversation already open: no second welcome, no second event.
  if (created === 'exists') return NO_REPLY;
  await deps.store.linkTexter(phoneKey, contactId, undefined);
  await deps.events.publish([{ type: 'ContactQueued', contactId, channel: 'sms', language }]);
  return { messages: [{ body: prompts.smsWelcome(settings.crisisTextNumber) }] };
}

async function whileWaiting(deps: TextDeps, contact: Contact, text: IncomingText): Promise<SmsReply> {
  const now = deps.clock.now();
  const prompts = promptsFor(contact.language);
  const { settings } = await deps.store.getLine();
  if (contact.overflowAt !== undefined && now >= contact.overflowAt) {
    await endTextConversation(deps, contact, 'overflowed');
    return { messages: [{ body: prompts.smsOverflow(settings.crisisTextNumber) }] };
  }
  const recorded = await deps.store.recordMessage(
    contact.contactId,
    text.messageSid,
    ['queued'],
    now,
    deps.vault.seal(text.body),
  );
  if (recorded === 'duplicate') return NO_REPLY;
  const ahead = await deps.store.countQueuedAhead('sms', contact.language, contact.queuedAt ?? now);
  return { messages: [{ body: prompts.smsQueueStatus(ahead + 1) }] };
}
