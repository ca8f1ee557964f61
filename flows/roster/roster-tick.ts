// The roster drives who takes calls: each minute's tick starts and ends rostered shifts, texts reminders,
// and raises LineUnstaffed once per stretch of open hours with nobody on shift.
//
// Main course: for the window (fromMs, toMs] since the last tick, volunteers whose rostered occurrence
// starts are put on shift (their record and the line's on-shift set, then ShiftStarted); those whose
// occurrence ends, and who are not rostered in another occurrence running on, are taken off (ShiftEnded);
// reminders due in the window are texted; if the line is open at toMs and the on-shift set is empty,
// LineUnstaffed is published once for that gap.
// Alternate courses:
// - a replayed or overlapping window changes nothing twice: every start, end, reminder and alert is keyed
//   by its occurrence (or gap) through store.firstTime;
// - an inactive volunteer is never put on shift and gets no reminder;
// - ON by text: with allowOnOutsideRoster (the default) a volunteer may go on shift by text at any time,
//   and the tick leaves them on until they text OFF or a rostered occurrence of theirs ends; with it off,
//   the tick takes anyone on shift but not rostered at toMs off again (ShiftEnded, shiftId "outside-roster");
// - a volunteer taken off mid-contact keeps that contact (the dispatcher offers them nothing new);
// - a coordinator's roster edit applies at once through applyRosterEdit, the same start/end steps.
import type { LineEvent } from '../events.js';
import type { Volunteer } from '../model.js';
import type { EventPublisher, Log, PhoneVault, Store, Telephony } from '../ports.js';
import { isLineOpen, openIntervals } from './line-hours.js';
import { localDayOf, localMinuteOf } from './local-time.js';
import {
  coverageGaps,
  onShiftAt,
  remindersDue,
  type ShiftOccurrence,
  shiftOccurrences,
  shiftTransitions,
} from './roster-calendar.js';
import type { Roster } from './roster-schema.js';

/** Where the current roster is kept (the admin store implements it). */
export interface RosterSource {
  getRoster(): Promise<Roster>;
}

export interface RosterTickDeps {
  readonly store: Pick<
    Store,
    'getLine' | 'getVolunteer' | 'updateVolunteer' | 'setOnShift' | 'setPaused' | 'listOnShift' | 'firstTime'
  >;
  readonly roster: RosterSource;
  readonly events: EventPublisher;
  readonly telephony: Pick<Telephony, 'sendText'>;
  readonly vault: Pick<PhoneVault, 'open'>;
  readonly log: Log;
}

export interface RosterTickReport {
  readonly started: number;
  readonly ended: number;
  readonly reminded: number;
  readonly unstaffedAlert: boolean;
}

/** A cover hands an occurrence to someone else: their start, end and reminder are their own. */
const occurrenceKey = (o: ShiftOccurrence) => `${o.occurrenceId}#${o.volunteerId}`;

/** Markers outlive any window a late tick could replay. */
const MARKER_TTL_SECONDS = 8 * 86_400;
const GAP_LOOKBACK_MS = 7 * 86_400_000;

export async function runRosterTick(
  deps: RosterTickDeps,
  fromMs: number,
  toMs: number,
): Promise<RosterTickReport> {
  const [roster, line] = await Promise.all([deps.roster.getRoster(), deps.store.getLine()]);
  const { settings } = line;
  const timeZone = settings.timeZone;
  const rosteredNow = onShiftAt(roster, toMs, timeZone);
  const transitions = shiftTransitions(roster, fromMs, toMs, timeZone);
  const events: LineEvent[] = [];

  let ended = 0;
  for (const occurrence of transitions.ended) {
    if (rosteredNow.has(occurrence.volunteerId)) continue;
    if (!(await deps.store.firstTime(`shift-end#${occurrenceKey(occurrence)}`, MARKER_TTL_SECONDS))) continue;
    if (await takeOffShift(deps, occurrence.volunteerId)) {
      ended++;
      events.push({
        type: 'ShiftEnded',
        volunteerId: occurrence.volunteerId,
        shiftId: occurrence.occurrenceId,
      });
    }
  }
  if (!settings.allowOnOutsideRoster) {
    for (const volunteer of await deps.store.listOnShift()) {
      if (rosteredNow.has(volunteer.volunteerId)) continue;
      if (await takeOffShift(deps, volunteer.volunteerId)) {
        ended++;
        events.push({ type: 'ShiftEnded', volunteerId: volunteer.volunteerId, shiftId: 'outside-roster' });
      }
    }
  }

  let started = 0;
  for (const occurrence of transitions.started) {
    if (occurrence.endsAt <= toMs) continue;
    if (!(await deps.store.firstTime(`shift-start#${occurrenceKey(occurrence)}`, MARKER_TTL_SECONDS)))
      continue;
    if (await putOnShift(deps, occurrence.volunteerId, toMs)) {
      started++;
      events.push({
        type: 'ShiftStarted',
        volunteerId: occurrence.volunteerId,
        shiftId: occurrence.occurrenceId,
      });
    }
  }

  let reminded = 0;
  for (const { occurrence } of remindersDue(roster, fromMs, toMs, settings.shiftReminderMinutes, timeZone)) {
    if (!(await deps.store.firstTime(`shift-reminder#${occurrenceKey(occurrence)}`, MARKER_TTL_SECONDS)))
      continue;
    const volunteer = await deps.store.getVolunteer(occurrence.volunteerId);
    if (!volunteer?.active) continue;
    await deps.telephony.sendText({
      to: deps.vault.open(volunteer.phoneSealed),
      from: settings.lineNumber,
      body: reminderText(occurrence, settings.shiftReminderMinutes, timeZone),
    });
    reminded++;
  }

  if (events.length) await deps.events.publish(events);
  const unstaffedAlert = await alertIfUnstaffed(deps, roster, toMs);
  return { started, ended, reminded, unstaffedAlert };
}

/**
 * A coordinator changed the roster: whoever is rostered now but was not is put on shift, and whoever was
 * rostered now but no longer is comes off. People on shift by text are left alone, as in the tick.
 */
export async function applyRosterEdit(
  deps: Omit<RosterTickDeps, 'roster' | 'telephony' | 'vault'>,
  before: Roster,
  after: Roster,
  now: number,
): Promise<{ started: string[]; ended: string[] }> {
  const { settings } = await deps.store.getLine();
  const was = onShiftAt(before, now, settings.timeZone);
  const running = shiftOccurrences(after, now, now + 1, settings.timeZone);
  const is = new Set(running.map((o) => o.volunteerId));
  const events: LineEvent[] = [];
  const started: string[] = [];
  const ended: string[] = [];
  for (const volunteerId of was) {
    if (is.has(volunteerId) || !(await takeOffShift(deps, volunteerId))) continue;
    ended.push(volunteerId);
    events.push({ type: 'ShiftEnded', volunteerId, shiftId: 'roster-edit' });
  }
  for (const occurrence of running) {
    if (was.has(occurrence.volunteerId) || !(await putOnShift(deps, occurrence.volunteerId, now))) continue;
    started.push(occurrence.volunteerId);
    events.push({
      type: 'ShiftStarted',
      volunteerId: occurrence.volunteerId,
      shiftId: occurrence.occurrenceId,
    });
  }
  if (events.length) await deps.events.publish(events);
  return { started, ended };
}

/** True when this call moved the volunteer on shift; a new shift is a fresh start for a paused volunteer. */
async function putOnShift(
  deps: Pick<RosterTickDeps, 'store'>,
  volunteerId: string,
  now: number,
): Promise<boolean> {
  const volunteer = await deps.store.getVolunteer(volunteerId);
  if (!volunteer?.active) return false;
  if (volunteer.onShift) {
    // Already on (by text, or an earlier shift): make sure the line's set agrees, and say nothing.
    await deps.store.setOnShift(volunteerId, true);
    return false;
  }
  const updated = await deps.store.updateVolunteer(volunteerId, {
    expectVersion: volunteer.version,
    set: {
      onShift: true,
      ...(isIdle(volunteer) ? { idleSince: now } : {}),
      ...(volunteer.state === 'paused' ? { state: 'available', missedOffers: 0, idleSince: now } : {}),
    },
  });
  if (!updated) return false;
  await deps.store.setOnShift(volunteerId, true);
  if (volunteer.state === 'paused') await deps.store.setPaused(volunteerId, false);
  return true;
}

function isIdle(volunteer: Volunteer): boolean {
  return volunteer.state === 'available' || volunteer.state === 'paused';
}

async function takeOffShift(deps: Pick<RosterTickDeps, 'store'>, volunteerId: string): Promise<boolean> {
  const volunteer = await deps.store.getVolunteer(volunteerId);
  if (!volunteer) return false;
  // The line's set first: incoming calls read it, so nobody is offered a call after their shift ends.
  await deps.store.setOnShift(volunteerId, false);
  if (!volunteer.onShift) return false;
  const updated = await deps.store.updateVolunteer(volunteerId, { set: { onShift: false } });
  return updated !== undefined;
}

/**
 * Once per gap, keyed by where it began: the roster's gap, else the start of the occurrence (or opening)
 * that should have staffed it. A gap older than the look-back (an always-open line with no roster) has no
 * visible start, so it is keyed by the local day instead: at most one alert a day.
 */
async function alertIfUnstaffed(deps: RosterTickDeps, roster: Roster, now: number): Promise<boolean> {
  const { settings, onShiftIds } = await deps.store.getLine();
  if (onShiftIds.size > 0 || !isLineOpen(settings.hours, now, settings.timeZone)) return false;
  const from = now - GAP_LOOKBACK_MS;
  const gap = coverageGaps(roster, settings.hours, from, now + 1, settings.timeZone).find(
    (g) => g.startsAt <= now && g.endsAt > now,
  );
  const opened = openIntervals(settings.hours, from, now + 1, settings.timeZone).at(-1)?.startsAt ?? from;
  const lastStart = shiftOccurrences(roster, now, now + 1, settings.timeZone).reduce(
    (latest, o) => Math.max(latest, o.startsAt),
    opened,
  );
  const since = gap?.startsAt ?? lastStart;
  const key = since > from ? `${since}` : `day-${localDayOf(now, settings.timeZone)}`;
  if (!(await deps.store.firstTime(`line-unstaffed#${key}`, MARKER_TTL_SECONDS))) return false;
  const reported = since > from ? since : now;
  await deps.events.publish([{ type: 'LineUnstaffed', since: reported }]);
  deps.log.warn('line open with nobody on shift', { since: reported });
  return true;
}

function reminderText(occurrence: ShiftOccurrence, leadMinutes: number, timeZone: string): string {
  const minute = localMinuteOf(occurrence.startsAt, timeZone);
  const clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const when = leadMinutes > 0 ? `in ${leadMinutes} minutes, at ${clock}` : `now (${clock})`;
  return `Warmline: your shift starts ${when}. If you cannot make it, please tell your coordinator.`;
}
