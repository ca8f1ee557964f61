// The dispatcher: offers waiting contacts to free volunteers and tidies up after each turn of a contact.
//
// Main course: any event that can change who is waiting or who is free runs `dispatchWaiting`, which
// offers the oldest waiting contacts, longest-idle volunteers first, a ring group at a time.
// Alternate courses: nobody free (the tick tries again), a call that cannot be placed (the volunteer is
// released and the round shrinks), two dispatchers at once (every claim is a conditional write, so a
// volunteer rings for one contact at a time and a contact has one round at a time), duplicates (no-ops).
import type { LineEvent } from '../events.js';
import type { LineSettings } from '../line-settings.js';
import {
  type Channel,
  type Contact,
  isFreeForVoice,
  type Offer,
  peerLegOf,
  type ReleaseReason,
  type Volunteer,
} from '../model.js';
import type { AuditTrail, Clock, EventPublisher, Log, PhoneVault, Store, Telephony } from '../ports.js';
import { textOfferReleased } from '../prompts/volunteer-texts.js';
import type { ActionTarget, Language } from '../replies.js';
import { recordSupervisionEnded, ringSupervisorIn } from '../supervision/listen-in.js';
import { callerBridge } from '../voice/caller-call.js';
import { whisperOffer } from '../voice/volunteer-call.js';
import { webhookTarget } from '../webhook-query.js';
import {
  addCrisisLine,
  announcePeerStillHere,
  handleCrisisLegEnded,
  sendCallerToCrisisOptions,
} from './crisis-leg.js';
import { byOfferOrder, queueLanguages, takeRingGroup } from './ring-group.js';
import { offerWaitingTexts, sendTextBack } from './text-offers.js';

/** `M`: the store methods a step uses, so it declares (and its test fakes) only those; all by default. */
export interface DispatchDeps<M extends keyof Store = keyof Store> {
  readonly store: Pick<Store, M>;
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

export async function handleLineEvent(
  deps: DispatchDeps<
    | 'firstTime'
    | 'forget'
    | 'getContact'
    | 'getContactWithOffers'
    | 'getEscalationRef'
    | 'getLine'
    | 'getVolunteer'
    | 'linkTexter'
    | 'listOffers'
    | 'listOnShift'
    | 'listQueued'
    | 'putOffers'
    | 'updateContact'
    | 'updateOffer'
    | 'updateVolunteer'
  >,
  event: LineEvent,
): Promise<void> {
  switch (event.type) {
    case 'ContactConnected': {
      // The others rung for this contact are free again: someone else may be waiting for them.
      const freed = await bridgeWinner(deps, event.contactId, event.volunteerId, event.channel);
      if (event.channel === 'sms') {
        await sendTextBack(deps, event.contactId);
        break;
      }
      if (freed.length === 0) return;
      // Only the others rung became free: anyone free before was offered the waiting already.
      await dispatchWaiting(deps, { freed });
      return;
    }
    case 'ContactAbandoned': {
      const { contact, offers } = await deps.store.getContactWithOffers(event.contactId);
      const freed = await releaseOffers(deps, event.contactId, offers, contact?.volunteerId, 'left');
      if (freed.length === 0) return;
      await dispatchWaiting(deps, { freed });
      return;
    }
    case 'ContactEnded': {
      const { contact, offers } = await deps.store.getContactWithOffers(event.contactId);
      const reason = event.outcome === 'abandoned' ? 'left' : 'gone';
      const freed = await releaseOffers(deps, event.contactId, offers, contact?.volunteerId, reason);
      await sendVolunteerToWrapUp(deps, contact, offers);
      // A caller's peer starts wrap-up (the tick frees them); a texter's peer has room for another text now.
      if (event.channel === 'sms') break;
      if (freed.length === 0) return;
      await dispatchWaiting(deps, { freed });
      return;
    }
    // Nobody became free and nobody started waiting: no pass over the queues (it runs inside a webhook).
    case 'VolunteerLeft':
      await sendCallerToGoodbye(deps, event.contactId);
      return;
    case 'ShiftEnded':
      return;
    case 'VolunteerSteppedOut':
      await reassureCaller(deps, event.contactId);
      return;
    case 'ContactEscalated': {
      if (event.channel === 'voice' && event.trigger === 'volunteer') {
        await addCrisisLine(deps, event.contactId);
        return;
      }
      const { contact, offers } = await deps.store.getContactWithOffers(event.contactId);
      const freed = await releaseOffers(deps, event.contactId, offers, contact?.volunteerId, 'gone');
      if (freed.length === 0) return;
      await dispatchWaiting(deps, { freed });
      return;
    }
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
    case 'ContactQueued':
      // Only this contact's queue has changed: anyone free for the others was offered them already.
      await dispatchWaiting(deps, { scope: { channel: event.channel, language: event.language } });
      return;
    default:
      break;
  }
  await dispatchWaiting(deps);
}

/** What a pass looks at: the one queue a contact just joined, or (no scope) every queue. */
export interface DispatchScope {
  readonly channel: Channel;
  readonly language: Language;
}

/** What the tick has just read and nothing has changed since, so its pass does not read it again. */
export interface KnownLine {
  readonly onShift: readonly Volunteer[];
  readonly live: readonly Contact[];
}

/** Narrows a pass to what changed, so it reads no more than it must. */
export interface PassOptions {
  readonly scope?: DispatchScope;
  readonly known?: KnownLine;
  /**
   * The volunteers a release has just freed, as written: the only ones who can take someone now, since anyone
   * free before was offered the waiting already. The pass then reads no roster.
   */
  readonly freed?: readonly Volunteer[];
}

/** The oldest waiting contacts of one queue. */
export type WaitingIn = (channel: Channel, language: Language) => Promise<Contact[]>;

export async function dispatchWaiting(
  deps: DispatchDeps<
    'getLine' | 'listOnShift' | 'listQueued' | 'putOffers' | 'updateContact' | 'updateVolunteer'
  >,
  options: PassOptions = {},
): Promise<number> {
  const { scope, known, freed } = options;
  // Read only once someone is waiting for someone free: most passes find nobody and need no settings.
  let read: Promise<LineSettings> | undefined;
  const settings: SettingsWhenNeeded = () => {
    read ??= deps.store.getLine().then((line) => line.settings);
    return read;
  };
  const now = deps.clock.now();
  const onShift = freed ? [...freed] : known ? [...known.onShift] : await deps.store.listOnShift();
  const waitingIn: WaitingIn = known
    ? async (channel, language) =>
        known.live.filter((c) => c.status === 'queued' && c.channel === channel && c.language === language)
    : (channel, language) => deps.store.listQueued(channel, language, QUEUE_WINDOW);
  const volunteers = onShift
    .filter((volunteer) => isFreeForVoice(volunteer, now))
    .sort((a, b) => a.idleSince - b.idleSince);
  // Calls first: a caller is holding a phone to their ear, a texter is not.
  const rung =
    scope?.channel === 'sms'
      ? []
      : await offerWaitingCalls(deps, settings, volunteers, now, waitingIn, scope?.language);
  if (scope?.channel === 'voice') return rung.length;
  const stillFree = onShift.filter((volunteer) => !rung.includes(volunteer.volunteerId));
  return rung.length + (await offerWaitingTexts(deps, settings, stillFree, waitingIn, scope?.language));
}

/** The line's settings, read on first call. */
export type SettingsWhenNeeded = () => Promise<LineSettings>;

/** Offers waiting calls to the free volunteers; the ids of those now ringing. */
async function offerWaitingCalls(
  deps: DispatchDeps<'listQueued' | 'putOffers' | 'updateContact' | 'updateVolunteer'>,
  settingsWhenNeeded: SettingsWhenNeeded,
  volunteers: Volunteer[],
  now: number,
  waitingIn: WaitingIn,
  only: Language | undefined,
): Promise<string[]> {
  const rung: string[] = [];
  const waiting = (
    await Promise.all(queueLanguages(volunteers, only).map((language) => waitingIn('voice', language)))
  )
    .flat()
    .filter((contact) => contact.offersOutstanding <= 0 && contact.liveUntil > now)
    .sort(byOfferOrder);
  if (waiting.length === 0) return rung;
  const settings = await settingsWhenNeeded();
  for (const contact of waiting) {
    const group = takeRingGroup(volunteers, contact, settings.ringGroupSize);
    if (group.length === 0) continue;
    rung.push(...(await offerContact(deps, settings, contact, group)));
  }
  return rung;
}

async function offerContact(
  deps: DispatchDeps<'putOffers' | 'updateContact' | 'updateVolunteer'>,
  settings: LineSettings,
  contact: Contact,
  group: Volunteer[],
): Promise<string[]> {
  const round = await deps.store.updateContact(contact.contactId, {
    channel: contact.channel,
    expectStatus: ['queued'],
    expectOffersOutstanding: 0,
    add: { offersOutstanding: group.length, offerRound: 1 },
  });
  if (!round) return []; // another dispatcher got there first, or the caller has gone
  // In parallel: the ring group's phones start ringing together, and the webhook that queued the caller (which
  // runs this in-process) answers sooner.
  const placed = (
    await Promise.all(group.map((volunteer) => ringVolunteer(deps, settings, contact, volunteer)))
  ).filter((offer): offer is Offer => offer !== undefined);
  const offered = placed.length > 0 && (await storeOffers(deps, placed)) ? placed : [];
  if (offered.length < group.length) {
    await deps.store.updateContact(contact.contactId, {
      channel: contact.channel,
      add: { offersOutstanding: offered.length - group.length },
    });
  }
  const rung = offered.map((offer) => offer.volunteerId);
  if (rung.length > 0) {
    await deps.events.publish([
      { type: 'ContactOffered', contactId: contact.contactId, channel: contact.channel, volunteerIds: rung },
    ]);
  }
  return rung;
}

/** Claims the volunteer and rings them with the whisper; the offer to store, or undefined if that failed. */
async function ringVolunteer(
  deps: DispatchDeps<'updateVolunteer'>,
  settings: LineSettings,
  contact: Contact,
  volunteer: Volunteer,
): Promise<Offer | undefined> {
  const now = deps.clock.now();
  const { contactId } = contact;
  const claimed = await deps.store.updateVolunteer(volunteer.volunteerId, {
    expectState: [volunteer.state],
    set: { state: 'offered', contactId },
    remove: ['wrapUntil'],
  });
  if (!claimed) return undefined;
  try {
    const callSid = await deps.telephony.placeCall({
      to: deps.vault.open(volunteer.phoneSealed),
      from: settings.lineNumber,
      script: whisperOffer(contact, volunteer.volunteerId, settings.whisperSeconds, now),
      statusCallback: deps.webhookUrl(
        webhookTarget('offerStatus', { contactId, volunteerId: volunteer.volunteerId }),
      ),
      timeoutSeconds: settings.offerRingSeconds,
    });
    return {
      contactId,
      volunteerId: volunteer.volunteerId,
      channel: 'voice',
      callSid,
      status: 'ringing',
      offeredAt: now,
    };
  } catch (error) {
    deps.log.warn('could not ring a volunteer', {
      contactId,
      volunteerId: volunteer.volunteerId,
      error: errorName(error),
    });
    await freeOfferedVolunteer(deps, contactId, volunteer.volunteerId);
    return undefined;
  }
}

/**
 * The ring group's offers, in one write. Without them no key press can win the caller, so if they cannot be
 * stored the phones are hung up and the volunteers freed: the tick offers the caller again.
 */
async function storeOffers(
  deps: DispatchDeps<'putOffers' | 'updateVolunteer'>,
  offers: Offer[],
): Promise<boolean> {
  try {
    await deps.store.putOffers(offers);
    return true;
  } catch (error) {
    deps.log.warn('could not store the offers of a ring', {
      contactId: offers[0]?.contactId,
      error: errorName(error),
    });
    await Promise.all(
      offers.map(async (offer) => {
        if (offer.callSid) await deps.telephony.cancelCall(offer.callSid).catch(() => undefined);
        await freeOfferedVolunteer(deps, offer.contactId, offer.volunteerId);
      }),
    );
    return false;
  }
}

async function freeOfferedVolunteer(
  deps: DispatchDeps<'updateVolunteer'>,
  contactId: string,
  volunteerId: string,
): Promise<Volunteer | undefined> {
  return deps.store.updateVolunteer(volunteerId, {
    expectState: ['offered'],
    expectContactId: contactId,
    set: { state: 'available' },
    remove: ['contactId'],
  });
}

async function bridgeWinner(
  deps: DispatchDeps<'getContactWithOffers' | 'getLine' | 'updateOffer' | 'updateVolunteer'>,
  contactId: string,
  winnerId: string,
  channel: Channel,
): Promise<Volunteer[]> {
  const { contact, offers } = await deps.store.getContactWithOffers(contactId);
  if (channel === 'voice') {
    // The winner's key press already marked their offer accepted.
    if (contact?.callSid && contact.status !== 'ended') await bridgeCallerIn(deps, contact);
  } else {
    await deps.store.updateOffer(contactId, winnerId, {
      expectStatus: ['ringing'],
      set: { status: 'accepted' },
    });
  }
  return releaseOffers(deps, contactId, offers, winnerId, 'taken');
}

/**
 * The caller's hold ends: the room's TwiML goes to their leg inline, with no webhook between the volunteer's key
 * and the caller hearing them. Should this fail, the caller's next hold turn finds the contact connected and
 * bridges them itself.
 */
async function bridgeCallerIn(deps: DispatchDeps<never>, contact: Contact): Promise<void> {
  const outcome = await deps.telephony.redirectCall(contact.callSid ?? '', callerBridge(contact));
  if (outcome === 'not-in-progress')
    deps.log.warn('caller left before the bridge', { contactId: contact.contactId });
}

/**
 * Stops every other ringing offer, telling each volunteer why: answered legs hear it, ringing ones are cancelled.
 * Returns the volunteers that left free to be offered someone else now, as written.
 */
async function releaseOffers(
  deps: DispatchDeps<'getLine' | 'updateOffer' | 'updateVolunteer'>,
  contactId: string,
  offers: readonly Offer[],
  /** The contact's volunteer, if any: their leg is never released, whatever its offer reads. */
  winnerId: string | undefined,
  reason: ReleaseReason,
): Promise<Volunteer[]> {
  const released = await Promise.all(
    offers
      .filter((offer) => offer.volunteerId !== winnerId && offer.status === 'ringing')
      .map(async (offer) => {
        const current = await deps.store.updateOffer(contactId, offer.volunteerId, {
          expectStatus: ['ringing'],
          set: { status: 'released' },
        });
        if (!current) return undefined;
        return current.channel === 'sms'
          ? releaseTextOffer(deps, contactId, current.volunteerId, reason)
          : releaseCallLeg(deps, current, reason);
      }),
  );
  return released.filter((volunteer): volunteer is Volunteer => volunteer !== undefined);
}

/**
 * Twilio keeps a Url update on a ringing call until it is answered, so the phone would ring on to its timeout:
 * a leg nobody has answered is cancelled, and its volunteer is free at once (the canceled leg's status
 * callback then has nothing to do). One answered meanwhile (cancel leaves it up) or before hears why; its
 * volunteer is freed when it hangs up. The volunteer's record when they were freed here.
 */
async function releaseCallLeg(
  deps: DispatchDeps<'updateVolunteer'>,
  offer: Offer,
  reason: ReleaseReason,
): Promise<Volunteer | undefined> {
  if (!offer.callSid) return undefined;
  try {
    if ((await deps.telephony.cancelCall(offer.callSid)) === 'canceled')
      return freeOfferedVolunteer(deps, offer.contactId, offer.volunteerId);
    const words = deps.webhookUrl(
      webhookTarget('offerTaken', { contactId: offer.contactId, volunteerId: offer.volunteerId, reason }),
    );
    // 'not-in-progress': the leg ended on its own meanwhile, and its status callback frees the volunteer.
    await deps.telephony.redirectCall(offer.callSid, words);
  } catch (error) {
    deps.log.warn('could not release an offer', {
      contactId: offer.contactId,
      volunteerId: offer.volunteerId,
      error: errorName(error),
    });
  }
  return undefined;
}

/** Clears a volunteer's text offer and tells them why, once: only the holder of that very offer is texted. */
async function releaseTextOffer(
  deps: DispatchDeps<'getLine' | 'updateVolunteer'>,
  contactId: string,
  volunteerId: string,
  reason: ReleaseReason,
): Promise<Volunteer | undefined> {
  const cleared = await deps.store.updateVolunteer(volunteerId, {
    expectTextOffer: contactId,
    remove: ['textOffer'],
  });
  if (!cleared) return undefined;
  const { settings } = await deps.store.getLine();
  await deps.telephony.sendText({
    to: deps.vault.open(cleared.phoneSealed),
    from: settings.lineNumber,
    body: textOfferReleased(reason),
  });
  return cleared;
}

/**
 * The volunteer left a live call: the caller hears a goodbye rather than an empty room, unless the volunteer
 * warm-transferred them, in which case the crisis line is in the room (or still ringing: its status callback
 * decides) and the caller stays as long as they like; a crisis line that never joined leaves the caller the
 * crisis options instead.
 */
async function sendCallerToGoodbye(
  deps: DispatchDeps<'firstTime' | 'forget' | 'getContact' | 'getLine'>,
  contactId: string,
): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  if (!contact?.callSid || contact.status === 'ended') return;
  if (contact.escalation?.kind === 'warm-transfer' && !contact.crisisLegEnded?.joined) {
    if (contact.crisisLegEnded) await sendCallerToCrisisOptions(deps, contact);
    return;
  }
  await deps.telephony.redirectCall(
    contact.callSid,
    deps.webhookUrl(webhookTarget('voiceBridgeEnded', { contactId, language: contact.language })),
  );
}

/**
 * The caller has gone: the volunteer's leg may have re-entered the room from the star menu before the
 * caller's status callback arrived, so it is sent to the wrap-up words rather than left in an empty room.
 */
async function sendVolunteerToWrapUp(
  deps: DispatchDeps<never>,
  contact: Contact | undefined,
  offers: readonly Offer[],
): Promise<void> {
  const leg = peerLegOf(offers, contact?.volunteerId);
  if (!contact || !leg?.callSid) return;
  await deps.telephony.redirectCall(
    leg.callSid,
    deps.webhookUrl(
      webhookTarget('volunteerInput', { contactId: contact.contactId, volunteerId: leg.volunteerId }),
    ),
  );
}

/** Rings the on-call clinician from the line; on answer, clinician-bridge dials the texter. */
async function callClinicianBack(
  deps: DispatchDeps<'firstTime' | 'getEscalationRef' | 'getLine'>,
  reference: string,
  requestId: string,
): Promise<void> {
  const ref = await deps.store.getEscalationRef(reference);
  if (!ref || ref.liveUntil <= deps.clock.now()) return;
  // A duplicate delivery must not ring the clinician twice.
  if (!(await deps.store.firstTime(`clinician-call#${requestId}`, 3600))) return;
  const { settings } = await deps.store.getLine();
  await deps.telephony.placeCall({
    to: settings.clinicianNumber,
    from: settings.lineNumber,
    script: deps.webhookUrl(webhookTarget('clinicianBridge', { reference })),
    statusCallback: deps.webhookUrl({ route: 'voiceStatus' }),
    timeoutSeconds: 30,
  });
}

/** The volunteer is in the star menu, out of the room: the caller hears that their peer is coming back. */
async function reassureCaller(deps: DispatchDeps<'getContact'>, contactId: string): Promise<void> {
  const contact = await deps.store.getContact(contactId);
  if (contact?.status !== 'connected') return;
  await announcePeerStillHere(deps, contact);
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

export type { LineEvent };
