// Offers waiting text conversations to free volunteers by SMS ("reply ACCEPT"), a group at a time.
//
// Main course: a queued text -> the longest-idle volunteers who speak its language and have room for
// another conversation are each texted an offer; the first ACCEPT wins (volunteer-text.ts).
// A caller's text-back request is offered the same way; once accepted, the line writes to the caller first
// (sendTextBack), and a number Twilio will not text ends the request as unreachable, once.
// Alternate courses: the line is closed (texts wait for the opening); nobody free (the tick tries again); a volunteer already holding an offer is skipped
// (one offer at a time, so ACCEPT is never ambiguous); nobody accepts (the tick reopens the round).
import type { LineSettings } from '../line-settings.js';
import type { Contact, Volunteer } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import { volunteerTexts } from '../prompts/volunteer-texts.js';
import type { Language } from '../replies.js';
import { isLineOpen } from '../roster/line-hours.js';
import { endTextConversation, REPLAY_WINDOW_SECONDS } from '../sms/text-deps.js';
import type { DispatchDeps, SettingsWhenNeeded, WaitingIn } from './dispatcher.js';
import { byOfferOrder, queueLanguages, takeRingGroup } from './ring-group.js';

/** Free for one more text conversation: on shift, not paused or on a call, no offer pending, room left. */
export function isFreeForText(volunteer: Volunteer): boolean {
  if (!volunteer.active || !volunteer.onShift || volunteer.textOffer) return false;
  if (volunteer.state === 'paused' || volunteer.state === 'busy' || volunteer.state === 'offered')
    return false;
  return Object.keys(volunteer.textSessions ?? {}).length < volunteer.maxTextSessions;
}

export async function offerWaitingTexts(
  deps: DispatchDeps<'listQueued' | 'putOffers' | 'updateContact' | 'updateVolunteer'>,
  settingsWhenNeeded: SettingsWhenNeeded,
  onShift: readonly Volunteer[],
  waitingIn: WaitingIn,
  only?: Language,
): Promise<number> {
  const now = deps.clock.now();
  const free = onShift.filter(isFreeForText).sort((a, b) => a.idleSince - b.idleSince);
  if (free.length === 0) return 0;
  const waiting = (
    await Promise.all(queueLanguages(free, only).map((language) => waitingIn('sms', language)))
  )
    .flat()
    .filter((contact) => contact.offersOutstanding <= 0 && contact.liveUntil > now)
    .sort(byOfferOrder);
  if (waiting.length === 0) return 0;
  const settings = await settingsWhenNeeded();
  // Texts that came in while the line was closed were told they wait for the opening: they are offered then.
  if (!isLineOpen(settings.hours, now, settings.timeZone)) return 0;
  let offered = 0;
  for (const contact of waiting) {
    const group = takeRingGroup(free, contact, settings.ringGroupSize);
    if (group.length > 0) offered += await offerText(deps, settings, contact, group);
  }
  return offered;
}

async function offerText(
  deps: DispatchDeps<'putOffers' | 'updateContact' | 'updateVolunteer'>,
  settings: LineSettings,
  contact: Contact,
  group: Volunteer[],
): Promise<number> {
  const round = await deps.store.updateContact(contact.contactId, {
    channel: 'sms',
    expectStatus: ['queued'],
    expectOffersOutstanding: 0,
    add: { offersOutstanding: group.length, offerRound: 1 },
  });
  if (!round) return 0;
  const offeredTo: string[] = [];
  const language = promptsFor('en').languageName[contact.language];
  for (const volunteer of group) {
    const claimed = await deps.store.updateVolunteer(volunteer.volunteerId, {
      expectTextOffer: null,
      set: { textOffer: contact.contactId },
    });
    if (!claimed) continue;
    try {
      await deps.telephony.sendText({
        to: deps.vault.open(volunteer.phoneSealed),
        from: settings.lineNumber,
        body: volunteerTexts.textOffer(language, contact.concern?.kind, contact.textBack),
      });
      await deps.store.putOffers([
        {
          contactId: contact.contactId,
          volunteerId: volunteer.volunteerId,
          channel: 'sms',
          status: 'ringing',
          offeredAt: deps.clock.now(),
        },
      ]);
      offeredTo.push(volunteer.volunteerId);
    } catch (error) {
      deps.log.warn('could not text an offer', {
        contactId: contact.contactId,
        volunteerId: volunteer.volunteerId,
        error: error instanceof Error ? error.name : 'unknown',
      });
      await deps.store.updateVolunteer(volunteer.volunteerId, {
        expectTextOffer: contact.contactId,
        remove: ['textOffer'],
      });
    }
  }
  const unused = group.length - offeredTo.length;
  if (unused > 0)
    await deps.store.updateContact(contact.contactId, {
      channel: 'sms',
      add: { offersOutstanding: -unused },
    });
  if (offeredTo.length > 0) {
    await deps.events.publish([
      { type: 'ContactOffered', contactId: contact.contactId, channel: 'sms', volunteerIds: offeredTo },
    ]);
  }
  return offeredTo.length;
}

/**
 * The first text to a caller who asked to be texted back, sent once a volunteer has accepted (on their
 * ContactConnected). A duplicate event texts nobody twice. A text Twilio refuses (a landline, an opted-out
 * number) or cannot send ends the request as unreachable, and the volunteer is told: it is never retried.
 */
export async function sendTextBack(
  deps: DispatchDeps<
    | 'firstTime'
    | 'getContact'
    | 'getLine'
    | 'getVolunteer'
    | 'linkTexter'
    | 'updateContact'
    | 'updateVolunteer'
  >,
  contactId: string,
): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  if (!contact?.textBack || contact.status !== 'connected' || !contact.callerSealed) return;
  if (!(await deps.store.firstTime(`text-back#${contactId}`, REPLAY_WINDOW_SECONDS))) return;
  const { settings } = await deps.store.getLine();
  try {
    await deps.telephony.sendText({
      to: deps.vault.open(contact.callerSealed),
      from: settings.lineNumber,
      body: promptsFor(contact.language).smsTextBack(settings.lineName || undefined),
    });
  } catch (error) {
    deps.log.warn('could not text a caller back; the request ends', {
      contactId,
      error: error instanceof Error ? error.name : 'unknown',
    });
    const ended = await endTextConversation(deps, contact, 'unreachable');
    if (ended && contact.volunteerPhoneSealed) {
      await deps.telephony.sendText({
        to: deps.vault.open(contact.volunteerPhoneSealed),
        from: settings.lineNumber,
        body: volunteerTexts.textBackUnreachable(contact.tag ?? '?'),
      });
    }
  }
}
