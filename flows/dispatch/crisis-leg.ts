// The dispatcher's side of a warm transfer: ring the crisis line into the room, and never leave the caller alone.
//
// Main course: ContactEscalated (the volunteer's star then 1) -> the crisis line is added to the caller's room,
// ringing at most CRISIS_RING_SECONDS, with a status callback on its leg -> the counsellor joins; the volunteer may
// hang up -> the caller stays with the counsellor for as long as they like.
// Alternate courses: the crisis leg ends (never joined, or the counsellor hung up) -> CrisisLegEnded: the caller
// still has their volunteer (told, if the line never joined, and put back with the caller) or is alone (sent to the
// crisis options: the backup number, then 9 again); the participant cannot even be added (handled as a leg that
// never joined); the volunteer leaves after the crisis leg has ended (VolunteerLeft lands in the same place);
// duplicate events and replays (each step is keyed, so a caller is redirected once per ended leg).
import { type Contact, peerLegOf } from '../model.js';
import { CRISIS_RING_SECONDS } from '../voice/crisis-dial.js';
import { conferenceRoom } from '../voice/voice-deps.js';
import { webhookTarget } from '../webhook-query.js';
import type { DispatchDeps } from './dispatcher.js';

const MARKER_SECONDS = 86_400;

export async function addCrisisLine(
  deps: DispatchDeps<
    'firstTime' | 'forget' | 'getContact' | 'getLine' | 'getVolunteer' | 'listOffers' | 'updateContact'
  >,
  contactId: string,
): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  if (contact?.status !== 'connected' || contact.escalation?.kind !== 'warm-transfer') return;
  // EventBridge may deliver the escalation twice: the crisis line is rung once per press of star then 1.
  if (!(await deps.store.firstTime(`warm-transfer#${contactId}#${contact.escalation.at}`, MARKER_SECONDS)))
    return;
  if (contact.crisisLegEnded)
    await deps.store.updateContact(contactId, {
      channel: 'voice',
      expectStatus: ['connected'],
      remove: ['crisisLegEnded'],
    });
  const { settings } = await deps.store.getLine();
  try {
    await deps.telephony.addConferenceParticipant({
      room: conferenceRoom(contactId),
      to: settings.crisisNumber,
      from: settings.lineNumber,
      statusCallback: deps.webhookUrl(webhookTarget('crisisLegStatus', { contactId })),
      timeoutSeconds: CRISIS_RING_SECONDS,
    });
  } catch (error) {
    deps.log.warn('could not add the crisis line to a warm transfer', {
      contactId,
      error: error instanceof Error ? error.name : 'unknown',
    });
    // No leg, so no callback will ever come: handled here as a crisis line that never joined.
    const at = deps.clock.now();
    const recorded = await deps.store.updateContact(contactId, {
      channel: 'voice',
      expectStatus: ['connected'],
      set: { crisisLegEnded: { joined: false, at } },
    });
    if (recorded) await handleCrisisLegEnded(deps, contactId);
  }
}

/** The crisis leg has ended: whoever is still with the caller is told, or the caller gets the crisis options. */
export async function handleCrisisLegEnded(
  deps: DispatchDeps<'firstTime' | 'forget' | 'getContact' | 'getLine' | 'getVolunteer' | 'listOffers'>,
  contactId: string,
): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  const ended = contact?.crisisLegEnded;
  if (contact?.status !== 'connected' || !contact.callSid || !ended) return;
  const volunteer = contact.volunteerId ? await deps.store.getVolunteer(contact.volunteerId) : undefined;
  const volunteerHere = volunteer?.state === 'busy' && volunteer.contactId === contactId;
  if (!volunteerHere) {
    await sendCallerToCrisisOptions(deps, contact);
    return;
  }
  // A counsellor who talked and left was heard leaving; only a line that never joined needs saying.
  if (ended.joined || !volunteer) return;
  if (!(await deps.store.firstTime(`crisis-unreached#${contactId}#${ended.at}`, MARKER_SECONDS))) return;
  const offer = peerLegOf(await deps.store.listOffers(contactId), volunteer.volunteerId);
  if (!offer?.callSid) return;
  // If the volunteer has just hung up, their own status callback sends VolunteerLeft, which lands below.
  const told = await deps.telephony.redirectCall(
    offer.callSid,
    deps.webhookUrl(
      webhookTarget('warmTransferUnreached', { contactId, volunteerId: volunteer.volunteerId }),
    ),
  );
  // While the volunteer hears why, the caller hears that their peer is still there.
  if (told === 'redirected') await announcePeerStillHere(deps, contact);
}

/**
 * Played into the room while the volunteer is out of it, so the caller never sits in silence. A room already
 * over (the caller hung up as the volunteer stepped out) needs no words.
 */
export async function announcePeerStillHere(deps: DispatchDeps<never>, contact: Contact): Promise<void> {
  await deps.telephony.announceToConference({
    room: conferenceRoom(contact.contactId),
    url: deps.webhookUrl(webhookTarget('conferenceHold', { language: contact.language })),
  });
}

/**
 * The caller is in the room with nobody: the crisis options, once per ended crisis leg, however many of the
 * crisis leg's callback and the volunteer's leaving get here.
 */
export async function sendCallerToCrisisOptions(
  deps: DispatchDeps<'firstTime' | 'forget' | 'getLine'>,
  contact: Contact,
): Promise<void> {
  const ended = contact.crisisLegEnded;
  if (!contact.callSid || !ended) return;
  const key = `crisis-options#${contact.contactId}#${ended.at}`;
  if (!(await deps.store.firstTime(key, MARKER_SECONDS))) return;
  const { settings } = await deps.store.getLine();
  try {
    const outcome = await deps.telephony.redirectCall(
      contact.callSid,
      deps.webhookUrl(
        webhookTarget('crisisFallback', {
          contactId: contact.contactId,
          crisisNumber: settings.crisisNumber,
          language: contact.language,
          counsellorJoined: ended.joined,
        }),
      ),
    );
    if (outcome === 'not-in-progress')
      deps.log.info('caller left before the crisis options', { contactId: contact.contactId });
  } catch (error) {
    // Unmarked, so the bus's retry redirects the caller rather than skipping them.
    await deps.store.forget(key).catch(() => undefined);
    throw error;
  }
}
