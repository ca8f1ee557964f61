// The volunteer's side of text conversations: commands by SMS and replies relayed to texters.
//
// Main course: ACCEPT an offer -> the conversation gets the next free tag and the texter's waiting
// messages -> replies ("[B] words", or untagged for the latest) go to the texter from the line's number.
// Alternate courses: two volunteers ACCEPT at once (a conditional claim: one wins, the other is told it
// was taken); an unknown tag (the open tags are listed); END, PASS (offered to other peers, never back to the
// passer, with the passer's short note handed to whoever accepts) and ESCALATE;
// CODES after a conversation ended (wrap-up-codes-text.ts); SUPPORT, LISTEN and COACH (flows/supervision); ON/OFF/STATUS/HELP; a near-miss of a command (asked about, never relayed); a replayed webhook (same MessageSid: relayed once).

import { isFreeForText } from '../dispatch/text-offers.js';
import { type Contact, releaseReasonOf, type Volunteer } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import { textOfferReleased, volunteerTexts } from '../prompts/volunteer-texts.js';
import type { SmsReply, TextMessage } from '../replies.js';
import { superviseByText } from '../supervision/listen-in.js';
import { keepForReadAlong } from '../supervision/read-along.js';
import { askForSupport } from '../supervision/support-request.js';
import { offerSurvey } from '../survey/texted-survey.js';
import { crisisTextReply, escalationReference } from './crisis-text.js';
import {
  endTextConversation,
  type IncomingText,
  openTags,
  REPLAY_WINDOW_SECONDS,
  releaseTag,
  type TextDeps,
  toTexter,
} from './text-deps.js';
import { nextFreeTag, parseVolunteerText } from './volunteer-command.js';
import { answerWrapUpCodes, wrapUpAskText } from './wrap-up-codes-text.js';

const reply = (...bodies: string[]): SmsReply => ({ messages: bodies.map((body) => ({ body })) });

export async function handleVolunteerText(
  deps: TextDeps<
    | 'firstTime'
    | 'getContact'
    | 'getLine'
    | 'getPhone'
    | 'getVolunteer'
    | 'linkTexter'
    | 'listLive'
    | 'listOnShift'
    | 'listQueued'
    | 'recordMessage'
    | 'saveEscalationRef'
    | 'setOnShift'
    | 'setPaused'
    | 'updateContact'
    | 'updateVolunteer'
  >,
  volunteerId: string,
  text: IncomingText,
): Promise<SmsReply> {
  const volunteer = await deps.store.getVolunteer(volunteerId);
  if (!volunteer?.active) return reply(volunteerTexts.help);
  const parsed = parseVolunteerText(text.body);
  // "PASS I think..." read "I" as a tag: with no conversation [I], the letter belongs to the note.
  const command =
    parsed.kind === 'pass' && parsed.untagged && parsed.tag && !openTags(volunteer).includes(parsed.tag)
      ? { kind: 'pass' as const, summary: parsed.untagged }
      : parsed;
  switch (command.kind) {
    case 'on':
      return goOnShift(deps, volunteer);
    case 'off':
      await deps.store.updateVolunteer(volunteerId, { set: { onShift: false } });
      await deps.store.setOnShift(volunteerId, false);
      return reply(volunteerTexts.offShift);
    case 'status': {
      const [en, es] = await Promise.all([
        deps.store.listQueued('sms', 'en', 100),
        deps.store.listQueued('sms', 'es', 100),
      ]);
      return reply(volunteerTexts.status(en.length + es.length, openTags(volunteer), volunteer.onShift));
    }
    case 'help':
      return reply(volunteerTexts.help);
    case 'accept':
      return acceptOffer(deps, volunteer);
    case 'unsure':
      return reply(volunteerTexts.didYouMean(command.meant));
    case 'codes':
      return answerWrapUpCodes(deps, volunteer, command, text.messageSid);
    case 'supervise':
      return superviseByText(deps, volunteerId, command, text.messageSid);
    case 'support':
      return askForSupport(deps, volunteer, command.tag, text.messageSid);
    default:
      break;
  }
  const open = openTags(volunteer);
  if (open.length === 0) {
    return reply(command.tag ? volunteerTexts.unknownTag(command.tag, open) : volunteerTexts.noOpenSessions);
  }
  const tag = command.tag ?? volunteer.latestTag ?? open.at(-1) ?? '';
  const contactId = volunteer.textSessions?.[tag];
  const contact = contactId ? await deps.store.getContact(contactId) : undefined;
  if (!contact || contact.status === 'ended' || contact.volunteerId !== volunteer.volunteerId) {
    if (contactId) await releaseTag(deps, volunteer.volunteerId, contactId);
    return reply(
      volunteerTexts.unknownTag(
        tag,
        open.filter((t) => t !== tag || !contactId),
      ),
    );
  }
  switch (command.kind) {
    case 'end': {
      const [ended, { settings }] = await Promise.all([
        endTextConversation(deps, contact, 'completed'),
        deps.store.getLine(),
      ]);
      const ask = ended ? wrapUpAskText(settings, contact) : undefined;
      const survey = ended ? await offerSurvey(deps, ended, contact.callerSealed) : [];
      return {
        messages: [
          { body: volunteerTexts.ended(tag) },
          ...(ask ? [{ body: ask }] : []),
          ...toTexter(deps, contact, promptsFor(contact.language).smsEndedByPeer),
          ...survey,
        ],
      };
    }
    case 'pass':
      return passBack(deps, volunteer, contact, tag, command.summary);
    case 'escalate':
      return escalateConversation(deps, contact, tag, text.messageSid);
    case 'relay':
      return relayToTexter(deps, volunteer, contact, tag, text);
  }
}

async function goOnShift(
  deps: TextDeps<'getLine' | 'setOnShift' | 'setPaused' | 'updateVolunteer'>,
  volunteer: Volunteer,
): Promise<SmsReply> {
  const { settings } = await deps.store.getLine();
  // The roster decides who is on shift; ON outside a rostered slot only counts if the line allows it.
  if (!settings.allowOnOutsideRoster && !volunteer.onShift) return reply(volunteerTexts.onRefused);
  const now = deps.clock.now();
  await deps.store.updateVolunteer(volunteer.volunteerId, {
    set: {
      onShift: true,
      missedOffers: 0,
      ...(volunteer.state === 'paused'
        ? { state: 'available' as const, idleSince: now }
        : { idleSince: volunteer.idleSince }),
    },
  });
  await deps.store.setOnShift(volunteer.volunteerId, true);
  // ON is also how a paused volunteer comes back: the line's paused set lets incoming calls see it.
  await deps.store.setPaused(volunteer.volunteerId, false);
  await deps.events.publish([
    { type: 'ShiftStarted', volunteerId: volunteer.volunteerId, shiftId: 'by-text' },
  ]);
  return reply(volunteerTexts.onShift);
}

async function acceptOffer(
  deps: TextDeps<'getContact' | 'updateContact' | 'updateVolunteer'>,
  volunteer: Volunteer,
): Promise<SmsReply> {
  const contactId = volunteer.textOffer;
  if (!contactId) return reply(volunteerTexts.nothingToAccept);
  const sessions = volunteer.textSessions ?? {};
  if (Object.keys(sessions).length >= volunteer.maxTextSessions) {
    return reply(volunteerTexts.tooManySessions(volunteer.maxTextSessions));
  }
  const now = deps.clock.now();
  const won = await deps.store.updateContact(contactId, {
    channel: 'sms',
    expectStatus: ['queued'],
    set: {
      status: 'connected',
      volunteerId: volunteer.volunteerId,
      answeredAt: now,
      lastActivityAt: now,
      volunteerPhoneSealed: volunteer.phoneSealed,
      tag: nextFreeTag(sessions) ?? 'Z',
    },
  });
  const current = won ? undefined : await deps.store.getContact(contactId);
  // Already this volunteer's: an earlier ACCEPT won it but its write below failed (the offer is still on
  // the volunteer, so nothing after that write ran). This one finishes it.
  const claimed =
    won ??
    (current?.status === 'connected' && current.volunteerId === volunteer.volunteerId ? current : undefined);
  if (!claimed) {
    await deps.store.updateVolunteer(volunteer.volunteerId, {
      expectTextOffer: contactId,
      remove: ['textOffer'],
    });
    return reply(textOfferReleased(releaseReasonOf(current)));
  }
  const tag = claimed.tag ?? 'Z';
  await deps.store.updateVolunteer(volunteer.volunteerId, {
    set: { textSessions: { ...sessions, [tag]: contactId }, latestTag: tag },
    remove: ['textOffer'],
  });
  await deps.events.publish([
    { type: 'ContactConnected', contactId, channel: 'sms', volunteerId: volunteer.volunteerId },
  ]);
  // The texter's waiting messages are handed over, then their sealed copies are dropped.
  const pending = (claimed.pendingSealed ?? []).map((sealed) => ({
    body: volunteerTexts.relayed(tag, deps.vault.open(sealed)),
  }));
  // So is the note of a peer who passed it on: read once, by this volunteer, then gone.
  const note = claimed.passedBy
    ? [
        {
          body: volunteerTexts.passNote(
            tag,
            claimed.passSummarySealed ? deps.vault.open(claimed.passSummarySealed) : undefined,
          ),
        },
      ]
    : [];
  await deps.store.updateContact(contactId, {
    channel: 'sms',
    remove: ['pendingSealed', 'passSummarySealed'],
  });
  // A text-back caller has not heard from the line yet: the dispatcher texts them first (sendTextBack).
  return {
    messages: [
      { body: volunteerTexts.accepted(tag, claimed.concern?.kind) },
      ...(claimed.textBack ? [{ body: volunteerTexts.textBackStarting(tag) }] : []),
      ...note,
      ...pending,
      ...(claimed.textBack ? [] : toTexter(deps, claimed, promptsFor(claimed.language).smsPeerJoined)),
    ],
  };
}

/** A passing note is one text long; digit runs (a phone number, an address) are not handed on. */
export const PASS_NOTE_LIMIT = 160;
export function cleanPassNote(summary: string | undefined): string | undefined {
  const note = summary
    ?.replace(/\d[\d\s().-]{3,}\d/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  if (!note) return undefined;
  return note.length <= PASS_NOTE_LIMIT ? note : `${note.slice(0, PASS_NOTE_LIMIT - 1).trimEnd()}…`;
}

/**
 * Back to the queue, offered to other peers only: a volunteer who passes has said they cannot go on with it,
 * so it is never offered back to them (if nobody else is free it waits, like any texter, up to the wait limit).
 * The note is sealed in the live contact, handed to whoever accepts and then removed; never logged or published.
 */
async function passBack(
  deps: TextDeps<'getVolunteer' | 'listOnShift' | 'updateContact' | 'updateVolunteer'>,
  volunteer: Volunteer,
  contact: Contact,
  tag: string,
  summary: string | undefined,
): Promise<SmsReply> {
  const note = cleanPassNote(summary);
  const passed = await deps.store.updateContact(contact.contactId, {
    channel: 'sms',
    expectStatus: ['connected'],
    expectVolunteerId: volunteer.volunteerId,
    set: {
      status: 'queued',
      language: contact.language,
      queuedAt: contact.queuedAt ?? deps.clock.now(),
      ...(contact.concern ? { concern: contact.concern } : {}),
      offersOutstanding: 0,
      passedBy: volunteer.volunteerId,
      ...(note ? { passSummarySealed: deps.vault.seal(note) } : {}),
    },
    remove: ['volunteerId', 'tag', 'volunteerPhoneSealed', ...(note ? [] : ['passSummarySealed' as const])],
  });
  if (!passed) return reply(volunteerTexts.unknownTag(tag, openTags(volunteer)));
  await releaseTag(deps, volunteer.volunteerId, contact.contactId);
  // Looked at before the event, which may already offer it to that very peer.
  const anotherFree = (await deps.store.listOnShift()).some(
    (peer) =>
      peer.volunteerId !== volunteer.volunteerId &&
      peer.languages.includes(contact.language) &&
      isFreeForText(peer),
  );
  await deps.events.publish([
    { type: 'ContactQueued', contactId: contact.contactId, channel: 'sms', language: contact.language },
  ]);
  return {
    messages: [
      { body: anotherFree ? volunteerTexts.passedToPeer(tag) : volunteerTexts.passedWaiting(tag) },
      ...toTexter(deps, contact, promptsFor(contact.language).smsPassedBack),
    ],
  };
}

async function escalateConversation(
  deps: TextDeps<'firstTime' | 'getLine' | 'saveEscalationRef' | 'updateContact'>,
  contact: Contact,
  tag: string,
  messageSid: string,
): Promise<SmsReply> {
  const { settings } = await deps.store.getLine();
  const acknowledged = reply(volunteerTexts.escalated(tag, settings.crisisTextNumber));
  // Twilio retries and replays carry the same MessageSid: the clinician is alerted once.
  if (!(await deps.store.firstTime(`escalate#${messageSid}`, REPLAY_WINDOW_SECONDS))) return acknowledged;
  const reference = escalationReference(messageSid);
  const crisis = crisisTextReply(settings, contact.language, reference, 'volunteer-request');
  const [toTexterBody, clinicianAlert] = crisis.messages;
  const now = deps.clock.now();
  // Like every escalation, the clinician's CALL <reference> must find the texter.
  if (contact.callerSealed) {
    await deps.store.saveEscalationRef({
      reference,
      contactId: contact.contactId,
      callerSealed: contact.callerSealed,
      liveUntil: now + settings.liveStateHours * 3_600_000,
    });
  }
  await deps.store.updateContact(contact.contactId, {
    channel: 'sms',
    expectStatus: ['connected'],
    set: { escalation: { trigger: 'volunteer', kind: 'volunteer-request', at: now } },
  });
  await deps.events.publish([
    {
      type: 'ContactEscalated',
      contactId: contact.contactId,
      channel: 'sms',
      trigger: 'volunteer',
      kind: 'volunteer-request',
      reference,
    },
  ]);
  const messages: TextMessage[] = [
    ...acknowledged.messages,
    ...(toTexterBody ? toTexter(deps, contact, toTexterBody.body) : []),
    ...(clinicianAlert ? [clinicianAlert] : []),
  ];
  return { messages };
}

async function relayToTexter(
  deps: TextDeps<'recordMessage' | 'updateContact' | 'updateVolunteer'>,
  volunteer: Volunteer,
  contact: Contact,
  tag: string,
  text: IncomingText,
): Promise<SmsReply> {
  const recorded = await deps.store.recordMessage(
    contact.contactId,
    text.messageSid,
    ['connected'],
    deps.clock.now(),
  );
  if (recorded === 'duplicate') return { messages: [] };
  if (!recorded) return reply(volunteerTexts.unknownTag(tag, openTags(volunteer)));
  const body = text.body.replace(/^\s*(\[\s*[a-z]\s*\]|#[a-z]\b)\s*:?\s*/i, '');
  if (volunteer.latestTag !== tag) {
    await deps.store.updateVolunteer(volunteer.volunteerId, { set: { latestTag: tag } });
  }
  await keepForReadAlong(deps, recorded, 'peer', body);
  return { messages: toTexter(deps, recorded, body) };
}
