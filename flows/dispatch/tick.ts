// The minute tick: follows the roster, repairs state that a lost callback left behind, then offers whoever
// is waiting.
//
// Main course: the roster tick starts and ends shifts, sends reminders and raises LineUnstaffed for the last
// few minutes (each step once, however often the window is replayed); nothing is stuck -> dispatchWaiting
// runs, as a safety net for events that were lost.
// A waiting text or text-back request past its wait is told so once (outcome unanswered).
// Alternate courses: a contact whose live state has expired is ended as abandoned (its sealed number goes);
// a volunteer still marked offered or busy for a contact that has ended is freed; a lost offer status
// callback leaves a contact with offers outstanding forever, so an old round is closed; the line's paused set
// disagrees with a volunteer's own state (a write lost between the two) -> it is put right, and the all-paused
// mark (and its one alert) follows.
import type { Channel, Contact, Volunteer } from '../model.js';
import type { OutboxMark, Store, SurveyStore } from '../ports.js';
import { promptsFor } from '../prompts/prompts.js';
import { volunteerTexts } from '../prompts/volunteer-texts.js';
import { LANGUAGES } from '../replies.js';
import { type RosterSource, type RosterTickReport, runRosterTick } from '../roster/roster-tick.js';
import { endTextConversation, unansweredText } from '../sms/text-deps.js';
import { wrapUpAskText } from '../sms/wrap-up-codes-text.js';
import { offerSurvey } from '../survey/texted-survey.js';
import { noteAllPaused } from './all-paused.js';
import { type DispatchDeps, dispatchWaiting } from './dispatcher.js';

/** An offer round older than this has certainly finished ringing, whatever callbacks said. */
const STALE_ROUND_MS = 3 * 60_000;
const CHANNELS: readonly Channel[] = ['voice', 'sms'];
const QUEUE_SCAN_LIMIT = 200;
/**
 * Each tick looks back this far for shift changes. Longer than the schedule's minute, so a late or skipped
 * tick still starts and ends every shift; the roster tick's markers keep overlapping windows from repeating.
 */
export const ROSTER_WINDOW_MS = 5 * 60_000;

/** Without a roster source (a line run without one) the tick leaves shifts to ON/OFF by text. */
export interface TickDeps<M extends keyof Store = keyof Store> extends DispatchDeps<M> {
  readonly roster?: RosterSource;
  /**
   * Events the bus refused earlier, resent before anything else so alerts and bridges happen late, not never;
   * given the line record's mark, so a tick with nothing kept need not look.
   */
  readonly outbox?: { redeliver(mark: OutboxMark | undefined): Promise<number> };
  /** The post-contact survey, offered when a quiet conversation closes; without it none is sent. */
  readonly surveys?: SurveyStore;
}

export interface TickReport {
  readonly republished: number;
  readonly expiredContacts: number;
  readonly freedVolunteers: number;
  readonly reopenedRounds: number;
  /** Waiting texts and text-back requests whose wait ran out: each told so once, outcome unanswered. */
  readonly unansweredTexts: number;
  readonly closedTexts: number;
  /** On-shift volunteers whose entry in the line's paused set was put right. */
  readonly pausedRepaired: number;
  readonly offered: number;
  /** Only when the tick follows a roster. */
  readonly shiftsStarted?: number;
  readonly shiftsEnded?: number;
  readonly remindersSent?: number;
  readonly unstaffedAlert?: boolean;
}

export async function runTick(
  deps: TickDeps<
    | 'clearAllPaused'
    | 'firstTime'
    | 'getContact'
    | 'getLine'
    | 'getPhone'
    | 'getVolunteer'
    | 'linkTexter'
    | 'listLive'
    | 'listOffers'
    | 'listOnShift'
    | 'listQueued'
    | 'markAllPaused'
    | 'putOffers'
    | 'setOnShift'
    | 'setPaused'
    | 'updateContact'
    | 'updateVolunteer'
  >,
): Promise<TickReport> {
  const now = deps.clock.now();
  const republished = await redeliverOutbox(deps);
  const roster = await followRoster(deps, now);
  const live = await allLiveContacts(deps);
  const expiredContacts = await expireContacts(deps, live, now);
  const liveById = new Map(live.filter((contact) => contact.liveUntil > now).map((c) => [c.contactId, c]));
  const onShift = await deps.store.listOnShift();
  const freedVolunteers =
    (await freeStuckVolunteers(deps, onShift, liveById, now)) +
    (await clearStaleTextOffers(deps, onShift, liveById));
  const reopenedRounds = await reopenStaleRounds(deps, [...liveById.values()], now);
  const unansweredTexts = await closeUnansweredTexts(deps, [...liveById.values()], now);
  const closedTexts = await closeInactiveTexts(deps, [...liveById.values()], now);
  const pausedRepaired = await repairPausedSet(deps, onShift);
  const changed = expiredContacts + freedVolunteers + reopenedRounds + unansweredTexts + closedTexts > 0;
  // Nothing above changed who waits or who is free: the pass offers from what the tick has read.
  const offered = await dispatchWaiting(
    deps,
    changed ? {} : { known: { onShift, live: [...liveById.values()] } },
  );
  return {
    republished,
    expiredContacts,
    freedVolunteers,
    reopenedRounds,
    unansweredTexts,
    closedTexts,
    pausedRepaired,
    offered,
    ...(roster
      ? {
          shiftsStarted: roster.started,
          shiftsEnded: roster.ended,
          remindersSent: roster.reminded,
          unstaffedAlert: roster.unstaffedAlert,
        }
      : {}),
  };
}

async function redeliverOutbox(deps: TickDeps<'getLine'>): Promise<number> {
  if (!deps.outbox) return 0;
  try {
    // The read the rest of the tick shares (the line is cached for a few seconds).
    return await deps.outbox.redeliver((await deps.store.getLine()).outbox);
  } catch (error) {
    // The store itself is failing: the items stay, and the next tick tries again.
    deps.log.error('outbox redelivery failed', { error: error instanceof Error ? error.name : 'unknown' });
    return 0;
  }
}

/** First, so a volunteer whose shift starts now is offered the waiting callers in this same tick. */
async function followRoster(
  deps: TickDeps<
    'firstTime' | 'getLine' | 'getVolunteer' | 'listOnShift' | 'setOnShift' | 'setPaused' | 'updateVolunteer'
  >,
  now: number,
): Promise<RosterTickReport | undefined> {
  if (!deps.roster) return undefined;
  try {
    return await runRosterTick({ ...deps, roster: deps.roster }, now - ROSTER_WINDOW_MS, now);
  } catch (error) {
    // The repairs and the dispatch below must still run; the next tick's window covers this one.
    deps.log.error('roster tick failed', { error: error instanceof Error ? error.name : 'unknown' });
    return undefined;
  }
}

/** Waiting contacts sit in their queue partitions, the rest in the live one. */
async function allLiveContacts(deps: DispatchDeps<'listLive' | 'listQueued'>): Promise<Contact[]> {
  const queues = CHANNELS.flatMap((channel) =>
    LANGUAGES.map((language) => deps.store.listQueued(channel, language, QUEUE_SCAN_LIMIT)),
  );
  return (await Promise.all([deps.store.listLive(), ...queues])).flat();
}

async function expireContacts(
  deps: DispatchDeps<'updateContact'>,
  live: readonly Contact[],
  now: number,
): Promise<number> {
  let expired = 0;
  for (const contact of live.filter((c) => c.liveUntil <= now)) {
    const ended = await deps.store.updateContact(contact.contactId, {
      channel: contact.channel,
      expectStatus: [contact.status],
      set: {
        status: 'ended',
        outcome: contact.status === 'connected' ? 'completed' : 'abandoned',
        endedAt: now,
      },
      remove: ['callerSealed'],
    });
    if (!ended) continue;
    expired++;
    await deps.events.publish([
      {
        type: 'ContactEnded',
        contactId: contact.contactId,
        channel: contact.channel,
        outcome: ended.outcome ?? 'abandoned',
      },
    ]);
  }
  return expired;
}

async function freeStuckVolunteers(
  deps: DispatchDeps<'getContact' | 'updateVolunteer'>,
  onShift: readonly Volunteer[],
  liveById: ReadonlyMap<string, Contact>,
  now: number,
): Promise<number> {
  let freed = 0;
  for (const volunteer of onShift) {
    if (volunteer.state !== 'offered' && volunteer.state !== 'busy') continue;
    const contact = volunteer.contactId
      ? (liveById.get(volunteer.contactId) ??
        (await contactMissedByTheListing(deps, volunteer.contactId, now)))
      : undefined;
    // Busy on a contact still queued: a key press between its two writes (the volunteer's, then the contact's).
    const stillNeeded =
      contact &&
      (volunteer.state === 'busy'
        ? contact.volunteerId === volunteer.volunteerId || contact.status === 'queued'
        : contact.status === 'queued' && contact.offersOutstanding > 0);
    if (stillNeeded) continue;
    const updated = await deps.store.updateVolunteer(volunteer.volunteerId, {
      expectState: [volunteer.state],
      ...(volunteer.contactId ? { expectContactId: volunteer.contactId } : {}),
      set: { state: 'available', idleSince: now },
      remove: ['contactId', 'wrapUntil'],
    });
    if (updated) {
      freed++;
      deps.log.warn('freed a volunteer left on a finished contact', { volunteerId: volunteer.volunteerId });
    }
  }
  return freed;
}

/**
 * The tick lists the live partition and the queues apart, from indexes: a contact moving between them as it
 * is claimed can be in neither listing. Its own record, read directly, says whether it lives, so a volunteer
 * on a call just connected is never freed (and rung for someone else) by mistake.
 */
async function contactMissedByTheListing(
  deps: DispatchDeps<'getContact'>,
  contactId: string,
  now: number,
): Promise<Contact | undefined> {
  const contact = await deps.store.getContact(contactId);
  return contact && contact.status !== 'ended' && contact.liveUntil > now ? contact : undefined;
}

/** A text offer for a conversation that is no longer waiting on offers is cleared without a word. */
async function clearStaleTextOffers(
  deps: DispatchDeps<'updateVolunteer'>,
  onShift: readonly Volunteer[],
  liveById: ReadonlyMap<string, Contact>,
): Promise<number> {
  let cleared = 0;
  for (const volunteer of onShift) {
    if (!volunteer.textOffer) continue;
    const contact = liveById.get(volunteer.textOffer);
    if (contact?.status === 'queued' && contact.offersOutstanding > 0) continue;
    const updated = await deps.store.updateVolunteer(volunteer.volunteerId, {
      expectTextOffer: volunteer.textOffer,
      remove: ['textOffer'],
    });
    if (updated) cleared++;
  }
  return cleared;
}

/**
 * A waiting text or text-back request that nobody accepted within its wait gets one honest closing text with
 * the crisis options. The conditional end decides who sends it, so a second tick (or two at once) sends none.
 */
async function closeUnansweredTexts(
  deps: DispatchDeps<'getLine' | 'getVolunteer' | 'linkTexter' | 'updateContact' | 'updateVolunteer'>,
  live: readonly Contact[],
  now: number,
): Promise<number> {
  const due = live.filter(
    (contact) =>
      contact.channel === 'sms' &&
      contact.status === 'queued' &&
      contact.overflowAt !== undefined &&
      contact.overflowAt <= now,
  );
  if (due.length === 0) return 0;
  const { settings } = await deps.store.getLine();
  let closed = 0;
  for (const contact of due) {
    if (!(await endTextConversation(deps, contact, 'unanswered'))) continue;
    closed++;
    if (!contact.callerSealed) continue;
    try {
      await deps.telephony.sendText({
        to: deps.vault.open(contact.callerSealed),
        from: settings.lineNumber,
        body: unansweredText(contact, settings),
      });
    } catch (error) {
      // Ended and logged either way: a number that takes no texts is not retried every minute.
      deps.log.warn('could not send the closing text', {
        contactId: contact.contactId,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
  return closed;
}

/**
 * Text conversations with a peer and no message either way for the configured time close kindly, on both
 * sides. A texter still waiting is not "quiet": their wait has its own limit (closeUnansweredTexts).
 */
async function closeInactiveTexts(
  deps: TickDeps<
    'firstTime' | 'getLine' | 'getPhone' | 'getVolunteer' | 'linkTexter' | 'updateContact' | 'updateVolunteer'
  >,
  live: readonly Contact[],
  now: number,
): Promise<number> {
  const { settings } = await deps.store.getLine();
  const limit = settings.textInactivityMinutes * 60_000;
  let closed = 0;
  for (const contact of live) {
    if (contact.channel !== 'sms' || contact.status !== 'connected') continue;
    if (now - (contact.lastActivityAt ?? contact.startedAt) < limit) continue;
    const ended = await endTextConversation(deps, contact, 'completed');
    if (!ended) continue;
    closed++;
    const volunteerPhone = contact.volunteerPhoneSealed;
    const texts = [
      ...(contact.callerSealed
        ? [
            {
              to: deps.vault.open(contact.callerSealed),
              body: promptsFor(contact.language).smsInactiveClosed,
            },
          ]
        : []),
      ...(volunteerPhone
        ? [volunteerTexts.texterInactive(contact.tag ?? '?'), wrapUpAskText(settings, contact)]
            .filter((body) => body !== undefined)
            .map((body) => ({ to: deps.vault.open(volunteerPhone), body }))
        : []),
      ...(await offerSurvey(deps, ended, contact.callerSealed)),
    ];
    for (const text of texts) await deps.telephony.sendText({ ...text, from: settings.lineNumber });
  }
  return closed;
}

async function reopenStaleRounds(
  deps: DispatchDeps<'listOffers' | 'updateContact'>,
  live: readonly Contact[],
  now: number,
): Promise<number> {
  let reopened = 0;
  for (const contact of live) {
    if (contact.status !== 'queued' || contact.offersOutstanding <= 0) continue;
    const offers = await deps.store.listOffers(contact.contactId);
    const newest = Math.max(0, ...offers.map((offer) => offer.offeredAt));
    if (now - newest < STALE_ROUND_MS) continue;
    const reset = await deps.store.updateContact(contact.contactId, {
      channel: contact.channel,
      expectStatus: ['queued'],
      expectOffersOutstanding: contact.offersOutstanding,
      set: { offersOutstanding: 0 },
    });
    if (reset) reopened++;
  }
  return reopened;
}

/**
 * The volunteer's record and the line's paused set are two writes: if one was lost, the record wins. Each mismatch
 * is read again before it is fixed, so a pause or an ON that lands during the tick is not undone.
 */
async function repairPausedSet(
  deps: DispatchDeps<'clearAllPaused' | 'getLine' | 'getVolunteer' | 'markAllPaused' | 'setPaused'>,
  onShift: readonly Volunteer[],
): Promise<number> {
  const line = await deps.store.getLine();
  let repaired = 0;
  for (const listed of onShift) {
    if (!line.onShiftIds.has(listed.volunteerId)) continue;
    if ((listed.state === 'paused') === line.pausedIds.has(listed.volunteerId)) continue;
    const volunteer = await deps.store.getVolunteer(listed.volunteerId);
    if (!volunteer || (volunteer.state === 'paused') === line.pausedIds.has(volunteer.volunteerId)) continue;
    await deps.store.setPaused(volunteer.volunteerId, volunteer.state === 'paused');
    repaired++;
    deps.log.warn("put the line's paused set right", { volunteerId: volunteer.volunteerId });
  }
  await noteAllPaused(deps, repaired > 0 ? await deps.store.getLine() : line);
  return repaired;
}
