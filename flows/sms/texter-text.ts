// The texter's side of a text conversation: open, wait, relay to the peer, STOP, crisis.
//
// Main course: a first text opens a conversation (welcome, queued, ContactQueued) -> later texts while
// waiting are kept sealed for the peer and answered with an honest status -> once a peer accepts, each
// text is relayed to them as "[tag] words" from the line's number.
// Alternate courses: a blocked number (a short refusal, nothing opens); line closed or nobody on shift
// (the text waits for the opening or a peer coming on, and the reply says so with the crisis options; a line
// with no opening ahead only gives the crisis options); ENGLISH/ESPAÑOL while waiting (the conversation changes language);
// the wait limit (one honest closing text, outcome unanswered; normally the tick sends it); STOP (the conversation closes and the peer is told; nothing more is sent); a replayed
// webhook (same MessageSid: nothing relayed twice); crisis language (see incoming-text.ts); words of concern
// (the conversation is flagged once: it moves ahead in the queue, and its peer is asked to check on safety).

import { earlierContacts, repeatCountField } from '../contact-log.js';
import type { ConcernKind } from '../crisis/crisis-types.js';
import { isUnstaffed, noteAllPaused } from '../dispatch/all-paused.js';
import type { Concern, Contact, PhoneRecord } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import { volunteerTexts } from '../prompts/volunteer-texts.js';
import type { Language, SmsReply } from '../replies.js';
import { isLineOpen, nextOpening } from '../roster/line-hours.js';
import { keepForReadAlong } from '../supervision/read-along.js';
import { describeOpening } from '../voice/describe-opening.js';
import {
  endTextConversation,
  type IncomingText,
  type TextDeps,
  textContactId,
  textWaitBounds,
  toVolunteerOf,
  unansweredText,
} from './text-deps.js';
import { wrapUpAskText } from './wrap-up-codes-text.js';

const NO_REPLY: SmsReply = { messages: [] };

/** The texter's live conversation, if the number points at one that is still live. */
export async function liveConversation(
  deps: TextDeps<'getContact' | 'linkTexter'>,
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
  deps: TextDeps<
    | 'getContact'
    | 'getLine'
    | 'getVolunteer'
    | 'linkTexter'
    | 'setOptedOut'
    | 'updateContact'
    | 'updateVolunteer'
  >,
  phoneKey: string,
  phone: PhoneRecord | undefined,
): Promise<SmsReply> {
  // STOP ends a pending survey too: carriers block what we would send, and the texter asked for nothing more.
  await Promise.all([deps.store.setOptedOut(phoneKey, true), deps.surveys?.closeSurvey(phoneKey)]);
  const contact = await liveConversation(deps, phone);
  if (!contact) return NO_REPLY;
  const [ended, { settings }] = await Promise.all([
    endTextConversation(deps, contact, 'abandoned'),
    deps.store.getLine(),
  ]);
  const ask = ended ? wrapUpAskText(settings, contact) : undefined;
  // Twilio itself confirms the opt-out to the texter; we only tell the peer (and ask for their codes).
  return {
    messages: [
      ...toVolunteerOf(deps, contact, volunteerTexts.texterStopped(contact.tag ?? '?')),
      ...(ask ? toVolunteerOf(deps, contact, ask) : []),
    ],
  };
}

export async function handleTexterMessage(
  deps: TextDeps<
    | 'clearAllPaused'
    | 'countQueuedAhead'
    | 'countRecentContacts'
    | 'createContact'
    | 'getLine'
    | 'getVolunteer'
    | 'linkTexter'
    | 'markAllPaused'
    | 'recordMessage'
    | 'updateContact'
    | 'updateVolunteer'
  >,
  phoneKey: string,
  phone: PhoneRecord | undefined,
  contact: Contact | undefined,
  text: IncomingText,
  language: Language,
  concernKind: ConcernKind | null,
): Promise<SmsReply> {
  // After STOP, carriers block anything we send until START: open nothing, send nothing.
  if (phone?.optedOut) return NO_REPLY;
  const concern = concernKind ? { kind: concernKind, at: deps.clock.now() } : undefined;
  if (!contact) return openConversation(deps, phoneKey, text, language, concern);
  if (contact.status === 'queued') return whileWaiting(deps, contact, text, concern);
  const recorded = await deps.store.recordMessage(
    contact.contactId,
    text.messageSid,
    ['connected'],
    deps.clock.now(),
  );
  if (recorded === 'duplicate') return NO_REPLY;
  if (!recorded) return openConversation(deps, phoneKey, text, language, concern);
  await keepForReadAlong(deps, recorded, 'texter', text.body);
  const relayed = toVolunteerOf(deps, recorded, volunteerTexts.relayed(recorded.tag ?? '?', text.body));
  if (!concern || recorded.concern) return { messages: relayed };
  await deps.store.updateContact(recorded.contactId, { channel: 'sms', set: { concern } });
  const notice = toVolunteerOf(
    deps,
    recorded,
    volunteerTexts.concernRaised(recorded.tag ?? '?', concern.kind),
  );
  return { messages: [...relayed, ...notice] };
}

async function openConversation(
  deps: TextDeps<
    'clearAllPaused' | 'countRecentContacts' | 'createContact' | 'getLine' | 'linkTexter' | 'markAllPaused'
  >,
  phoneKey: string,
  text: IncomingText,
  language: Language,
  concern: Concern | undefined,
): Promise<SmsReply> {
  const now = deps.clock.now();
  const prompts = promptsFor(language);
  // Side by side: the count costs the texter no extra wait, and the log needs no write once it ends.
  const [line, earlier] = await Promise.all([deps.store.getLine(), earlierContacts(deps, phoneKey, now)]);
  const { settings, blockedKeys } = line;
  const contactId = textContactId(deps.vault, text.messageSid);
  const base = {
    ...repeatCountField(earlier),
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
  if (blockedKeys.has(phoneKey)) {
    await deps.store.createContact({ ...base, status: 'ended', outcome: 'blocked', endedAt: now });
    return { messages: [{ body: prompts.smsBlocked }] };
  }
  // Closed with an opening ahead, or nobody on shift (or all paused): the text waits (sealed, expiring) and is offered when the
  // line opens or a peer comes on; the reply says exactly that. A line that never opens promises nothing.
  const closed = !isLineOpen(settings.hours, now, settings.timeZone);
  const opening = closed ? nextOpening(settings.hours, now, settings.timeZone) : null;
  if (closed && opening === null) {
    await deps.store.createContact({ ...base, status: 'ended', outcome: 'after-hours', endedAt: now });
    return { messages: [{ body: prompts.smsClosedNow(null, settings.crisisTextNumber) }] };
  }
  const created = await deps.store.createContact({
    ...base,
    ...textWaitBounds(settings, opening ?? now),
    status: 'queued',
    queuedAt: now,
    lastActivityAt: now,
    overflow: settings.overflow,
    callerSealed: deps.vault.seal(text.from),
    pendingSealed: [deps.vault.seal(text.body)],
    relayedSids: [text.messageSid],
    ...(concern ? { concern } : {}),
  });
  // A replayed first text finds its conversation already open: no second welcome, no second event.
  if (created === 'exists') return NO_REPLY;
  // Everyone on shift paused is unstaffed too: the text waits for a peer to come on or unpause.
  await Promise.all([deps.store.linkTexter(phoneKey, contactId, undefined), noteAllPaused(deps, line)]);
  await deps.events.publish([{ type: 'ContactQueued', contactId, channel: 'sms', language }]);
  const body =
    opening !== null
      ? prompts.smsClosedNow(
          describeOpening(opening, now, settings.timeZone, language),
          settings.crisisTextNumber,
        )
      : isUnstaffed(line)
        ? prompts.smsUnstaffed(settings.crisisTextNumber, settings.textWaitMinutes)
        : prompts.smsWelcome(settings.crisisTextNumber, settings.lineName || undefined);
  return { messages: [{ body }] };
}

async function whileWaiting(
  deps: TextDeps<
    | 'countQueuedAhead'
    | 'getLine'
    | 'getVolunteer'
    | 'linkTexter'
    | 'recordMessage'
    | 'updateContact'
    | 'updateVolunteer'
  >,
  contact: Contact,
  text: IncomingText,
  concern: Concern | undefined,
): Promise<SmsReply> {
  const now = deps.clock.now();
  const prompts = promptsFor(contact.language);
  const { settings } = await deps.store.getLine();
  // The tick closes a wait that ran out; a text arriving first gets the same one honest closing text.
  if (contact.overflowAt !== undefined && now >= contact.overflowAt) {
    const ended = await endTextConversation(deps, contact, 'unanswered');
    return ended ? { messages: [{ body: unansweredText(contact, settings) }] } : NO_REPLY;
  }
  const chosen = languageChoice(text.body);
  if (chosen) return switchLanguage(deps, contact, chosen);
  const recorded = await deps.store.recordMessage(
    contact.contactId,
    text.messageSid,
    ['queued'],
    now,
    deps.vault.seal(text.body),
  );
  if (recorded === 'duplicate') return NO_REPLY;
  const flagged = concern && !contact.concern ? await flagWaiting(deps, contact, concern) : contact;
  const ahead = await deps.store.countQueuedAhead(
    'sms',
    contact.language,
    contact.queuedAt ?? now,
    flagged?.concern !== undefined,
  );
  return { messages: [{ body: prompts.smsQueueStatus(ahead + 1) }] };
}

const LANGUAGE_WORDS: Readonly<Record<string, Language>> = { english: 'en', espanol: 'es', español: 'es' };

/** ENGLISH or ESPAÑOL alone, while waiting, is a request to carry on in that language. */
function languageChoice(body: string): Language | undefined {
  return LANGUAGE_WORDS[
    body
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, '')
  ];
}

/** Moves a waiting conversation to the other language's queue, keeping its place in time. */
async function switchLanguage(
  deps: TextDeps<'updateContact'>,
  contact: Contact,
  language: Language,
): Promise<SmsReply> {
  const now = deps.clock.now();
  const moved = await deps.store.updateContact(contact.contactId, {
    channel: 'sms',
    expectStatus: ['queued'],
    set: {
      status: 'queued',
      language,
      queuedAt: contact.queuedAt ?? now,
      ...(contact.concern ? { concern: contact.concern } : {}),
    },
  });
  if (!moved) return NO_REPLY;
  // Offered afresh, so volunteers who speak the new language hear of it.
  await deps.events.publish([
    { type: 'ContactQueued', contactId: contact.contactId, channel: 'sms', language },
  ]);
  return { messages: [{ body: promptsFor(language).smsLanguageChanged }] };
}

/** Flags a waiting conversation, which moves it ahead of every unflagged one in its queue. */
function flagWaiting(
  deps: TextDeps<'updateContact'>,
  contact: Contact,
  concern: Concern,
): Promise<Contact | undefined> {
  return deps.store.updateContact(contact.contactId, {
    channel: 'sms',
    expectStatus: ['queued'],
    set: { status: 'queued', language: contact.language, queuedAt: contact.queuedAt ?? concern.at, concern },
  });
}
