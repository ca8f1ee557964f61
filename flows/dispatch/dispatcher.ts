// The dispatcher: offers waiting contacts to free volunteers and tidies up after each turn of a contact.
//
// Main course: any event that can change who is waiting or who is free runs `dispatchWaiting`, which
// offers the oldest waiting contacts, longest-idle volunteers first, a ring group at a time.
// Alternate courses: nobody free (the tick tries again), a call that cannot be placed (the volunteer is
// released and the round shrinks), two dispatchers at once (every claim is a conditional write, so a
// volunteer rings for one contact at a time and a contact has one round at a time), duplicates (no-ops).
import type { LineEvent } from '../events.js';
import type { LineSettings } from '../line-settings.js';
import { type Contact, isFreeForVoice, type Offer, type ReleaseReason, type Volunteer } from '../model.js';
import type { AuditTrail, Clock, EventPublisher, Log, PhoneVault, Store, Telephony } from '../ports.js';
import { textOfferReleased } from '../prompts/volunteer-texts.js';
import type { ActionTarget } from '../replies.js';
import { LANGUAGES } from '../replies.js';
import { recordSupervisionEnded, ringSupervisorIn } from '../supervision/listen-in.js';
import { completeContactLog } from './contact-log.js';
import {
  addCrisisLine,
  announcePeerStillHere,
  handleCrisisLegEnded,
  sendCallerToCrisisOptions,
} from './crisis-leg.js';
import { byOfferOrder, takeRingGroup } from './ring-group.js';
import { offerWaitingTexts, sendTextBack } from './text-offers.js';

export interface DispatchDeps {
  readonly store: Store;
  readonly telephony: Telephony;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly vault: PhoneVault;
  readonly log: Log;
  readonly webhookUrl: (target: ActionTarget) => string;
  /** Supervision is audited where coordinators read the admin API's changes. */
  readonly audit: AuditTrail;
}

/** Oldest waiting contacts looked at per language per run. */
const QUEUE_WINDOW = 25;

export async function handleLineEvent(deps: DispatchDeps, event: LineEvent): Promise<void> {
  switch (event.type) {
    case 'ContactConnected':
      await bridgeWinner(deps, event.contactId, event.volunteerId);
      if (event.channel === 'sms') await sendTextBack(deps, event.contactId);
      break;
    case 'ContactAbandoned':
      await releaseOffers(deps, event.contactId, undefined, 'left');
      await completeContactLog(deps, event.contactId);
      break;
    case 'ContactEnded':
      await releaseOffers(deps, event.contactId, undefined, event.outcome === 'abandoned' ? 'left' : 'gone');
      await sendVolunteerToWrapUp(deps, event.contactId);
      await completeContactLog(deps, event.contactId);
      break;
    // Nobody became free and nobody started waiting: no pass over the queues (it runs inside a webhook).
    case 'VolunteerLeft':
      await sendCallerToGoodbye(deps, event.contactId);
      return;
    case 'ShiftEnded':
      return;
    case 'VolunteerSteppedOut':
      await reassureCaller(deps, event.contactId);
      return;
    case 'ContactEscalated':
      if (event.channel === 'voice' && event.trigger === 'volunteer')
        await addCrisisLine(deps, event.contactId);
      else await releaseOffers(deps, event.contactId, undefined, 'gone');
      break;
    case 'ClinicianCallRequested':
      await callClinicianBack(deps, event.reference, event.requestId);
      return;
    case 'CrisisLegEnded':
      await handleCrisisLegEnded(deps, event.contactId);
      return;
    // Nobody became free: a supervisor joining or leaving a call changes no queue.
    case 'SupervisionRequested':
      await ringSupervisorIn(deps, event);
      return;
    case 'SupervisionEnded':
      await recordSupervisionEnded(deps, event);
      return;
    default:
      break;
  }
  await dispatchWaiting(deps);
}

export async function dispatchWaiting(deps: DispatchDeps): Promise<number> {
  const line = await deps.store.getLine();
  const now = deps.clock.now();
  const onShift = await deps.store.listOnShift();
  const volunteers = onShift
    .filter((volunteer) => isFreeForVoice(volunteer, now))
    .sort((a, b) => a.idleSince - b.idleSince);
  // Calls first: a caller is holding a phone to their ear, a texter is not.
  let offered = volunteers.length > 0 ? await offerWaitingCalls(deps, line.settings, volunteers, now) : 0;
  offered += await offerWaitingTexts(deps, line.settings, onShift);
  return offered;
}

async function offerWaitingCalls(
  deps: DispatchDeps,
  settings: LineSettings,
  volunteers: Volunteer[],
  now: number,
): Promise<number> {
  let offered = 0;
  const waiting = (
    await Promise.all(LANGUAGES.map((language) => deps.store.listQueued('voice', language, QUEUE_WINDOW)))
  )
    .flat()
    .filter((contact) => contact.offersOutstanding <= 0 && contact.liveUntil > now)
    .sort(byOfferOrder);
  for (const contact of waiting) {
    const group = takeRingGroup(volunteers, contact, settings.ringGroupSize);
    if (group.length === 0) continue;
    offered += await offerContact(deps, settings, contact, group);
  }
  return offered;
}

async function offerContact(
  deps: DispatchDeps,
  settings: LineSettings,
  contact: Contact,
  group: Volunteer[],
): Promise<number> {
  const round = await deps.store.updateContact(contact.contactId, {
    channel: contact.channel,
    expectStatus: ['queued'],
    expectOffersOutstanding: 0,
    add: { offersOutstanding: group.length, offerRound: 1 },
  });
  if (!round) return 0; // another dispatcher got there first, or the caller has gone
  // In parallel: the ring group's phones start ringing together, and the webhook that queued the caller (which
  // runs this in-process) answers sooner.
  const placed = await Promise.all(
    group.map(async (volunteer) => {
      if (await ringVolunteer(deps, settings, contact.contactId, volunteer)) return volunteer.volunteerId;
      await deps.store.updateContact(contact.contactId, {
        channel: contact.channel,
        add: { offersOutstanding: -1 },
      });
      return undefined;
    }),
  );
  const rung = placed.filter((id): id is string => id !== undefined);
  if (rung.length > 0) {
    await deps.events.publish([
      { type: 'ContactOffered', contactId: contact.contactId, channel: contact.channel, volunteerIds: rung },
    ]);
  }
  return rung.length;
}

async function ringVolunteer(
  deps: DispatchDeps,
  settings: LineSettings,
  contactId: string,
  volunteer: Volunteer,
): Promise<boolean> {
  const now = deps.clock.now();
  const claimed = await deps.store.updateVolunteer(volunteer.volunteerId, {
    expectState: [volunteer.state],
    set: { state: 'offered', contactId },
    remove: ['wrapUntil'],
  });
  if (!claimed) return false;
  const query = { c: contactId, v: volunteer.volunteerId };
  try {
    const callSid = await deps.telephony.placeCall({
      to: deps.vault.open(volunteer.phoneSealed),
      from: settings.lineNumber,
      url: deps.webhookUrl({
        route: 'offerAnswered',
        query: { ...query, w: String(settings.whisperSeconds) },
      }),
      statusCallback: deps.webhookUrl({ route: 'offerStatus', query }),
      timeoutSeconds: settings.offerRingSeconds,
    });
    await deps.store.putOffer({
      contactId,
      volunteerId: volunteer.volunteerId,
      channel: 'voice',
      callSid,
      status: 'ringing',
      offeredAt: now,
    });
    return true;
  } catch (error) {
    deps.log.warn('could not ring a volunteer', {
      contactId,
      volunteerId: volunteer.volunteerId,
      error: errorName(error),
    });
    await deps.store.updateVolunteer(volunteer.volunteerId, {
      expectState: ['offered'],
      expectContactId: contactId,
      set: { state: 'available' },
      remove: ['contactId'],
    });
    return false;
  }
}

async function bridgeWinner(deps: DispatchDeps, contactId: string, winnerId: string): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  if (contact?.callSid && contact.status !== 'ended') {
    const outcome = await deps.telephony.redirectCall(
      contact.callSid,
      deps.webhookUrl({ route: 'voiceBridge', query: { c: contactId } }),
    );
    if (outcome === 'not-in-progress') deps.log.warn('caller left before the bridge', { contactId });
  }
  await deps.store.updateOffer(contactId, winnerId, {
    expectStatus: ['ringing'],
    set: { status: 'accepted' },
  });
  await releaseOffers(deps, contactId, winnerId, 'taken');
}

/** Stops every other ringing offer, telling each volunteer why: answered legs hear it, ringing ones are cancelled. */
async function releaseOffers(
  deps: DispatchDeps,
  contactId: string,
  winnerId: string | undefined,
  reason: ReleaseReason,
): Promise<void> {
  const offers = await deps.store.listOffers(contactId);
  for (const offer of offers) {
    if (offer.volunteerId === winnerId || offer.status !== 'ringing') continue;
    const released = await deps.store.updateOffer(contactId, offer.volunteerId, {
      expectStatus: ['ringing'],
      set: { status: 'released' },
    });
    if (!released) continue;
    if (released.channel === 'sms') await releaseTextOffer(deps, contactId, released.volunteerId, reason);
    else await releaseCallLeg(deps, released, reason);
  }
}

/**
 * Twilio keeps a Url update on a ringing call until it is answered, so the phone would ring on to its timeout:
 * a leg nobody has answered is cancelled. One answered meanwhile (cancel leaves it up) or before hears why.
 */
async function releaseCallLeg(deps: DispatchDeps, offer: Offer, reason: ReleaseReason): Promise<void> {
  if (!offer.callSid) return;
  try {
    if (offer.answeredAt === undefined && (await deps.telephony.cancelCall(offer.callSid)) === 'canceled')
      return;
    const words = deps.webhookUrl({
      route: 'offerTaken',
      query: { c: offer.contactId, v: offer.volunteerId, r: reason },
    });
    // 'not-in-progress': the leg ended on its own meanwhile, and its status callback frees the volunteer.
    await deps.telephony.redirectCall(offer.callSid, words);
  } catch (error) {
    deps.log.warn('could not release an offer', {
      contactId: offer.contactId,
      volunteerId: offer.volunteerId,
      error: errorName(error),
    });
  }
}

/** Clears a volunteer's text offer and tells them why, once: only the holder of that very offer is texted. */
async function releaseTextOffer(
  deps: DispatchDeps,
  contactId: string,
  volunteerId: string,
  reason: ReleaseReason,
): Promise<void> {
  const cleared = await deps.store.updateVolunteer(volunteerId, {
    expectTextOffer: contactId,
    remove: ['textOffer'],
  });
  if (!cleared) return;
  const { settings } = await deps.store.getLine();
  await deps.telephony.sendText({
    to: deps.vault.open(cleared.phoneSealed),
    from: settings.lineNumber,
    body: textOfferReleased(reason),
  });
}

/**
 * The volunteer left a live call: the caller hears a goodbye rather than an empty room, unless the volunteer
 * warm-transferred them, in which case the crisis line is in the room (or still ringing: its status callback
 * decides) and the caller stays as long as they like; a crisis line that never joined leaves the caller the
 * crisis options instead.
 */
async function sendCallerToGoodbye(deps: DispatchDeps, contactId: string): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  if (!contact?.callSid || contact.status === 'ended') return;
  if (contact.escalation?.kind === 'warm-transfer' && !contact.crisisLegEnded?.joined) {
    if (contact.crisisLegEnded) await sendCallerToCrisisOptions(deps, contact);
    return;
  }
  await deps.telephony.redirectCall(
    contact.callSid,
    deps.webhookUrl({ route: 'voiceBridgeEnded', query: { c: contactId, l: contact.language } }),
  );
}

/**
 * The caller has gone: the volunteer's leg may have re-entered the room from the star menu before the
 * caller's status callback arrived, so it is sent to the wrap-up words rather than left in an empty room.
 */
async function sendVolunteerToWrapUp(deps: DispatchDeps, contactId: string): Promise<void> {
  const offers = await deps.store.listOffers(contactId);
  const accepted = offers.find(
    (offer) => offer.status === 'accepted' && offer.channel === 'voice' && offer.callSid,
  );
  if (!accepted?.callSid) return;
  await deps.telephony.redirectCall(
    accepted.callSid,
    deps.webhookUrl({ route: 'volunteerInput', query: { c: contactId, v: accepted.volunteerId } }),
  );
}

/** Rings the on-call clinician from the line; on answer, clinician-bridge dials the texter. */
async function callClinicianBack(deps: DispatchDeps, reference: string, requestId: string): Promise<void> {
  const ref = await deps.store.getEscalationRef(reference);
  if (!ref || ref.liveUntil <= deps.clock.now()) return;
  // A duplicate delivery must not ring the clinician twice.
  if (!(await deps.store.firstTime(`clinician-call#${requestId}`, 3600))) return;
  const { settings } = await deps.store.getLine();
  await deps.telephony.placeCall({
    to: settings.clinicianNumber,
    from: settings.lineNumber,
    url: deps.webhookUrl({ route: 'clinicianBridge', query: { r: reference } }),
    statusCallback: deps.webhookUrl({ route: 'voiceStatus' }),
    timeoutSeconds: 30,
  });
}

/** The volunteer is in the star menu, out of the room: the caller hears that their peer is coming back. */
async function reassureCaller(deps: DispatchDeps, contactId: string): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  if (contact?.status !== 'connected') return;
  await announcePeerStillHere(deps, contact);
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

export type { LineEvent };
