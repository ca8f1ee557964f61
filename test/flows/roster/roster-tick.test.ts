// The roster tick: starts, ends, reminders and LineUnstaffed happen once each, however windows are replayed.
import { describe, expect, it } from 'vitest';
import type { LineEvent } from '../../../flows/events.js';
import type { LineSettings } from '../../../flows/line-settings.js';
import type { Volunteer } from '../../../flows/model.js';
import type { VolunteerChange } from '../../../flows/ports.js';
import { dayFromIsoDate, zonedInstant } from '../../../flows/roster/local-time.js';
import type { Roster } from '../../../flows/roster/roster-schema.js';
import { applyRosterEdit, type RosterTickDeps, runRosterTick } from '../../../flows/roster/roster-tick.js';
import { DEFAULT_SURVEY, DEFAULT_WRAP_UP_CODES } from '../../../flows/standard-settings.js';

const TZ = 'America/New_York';
const MINUTE = 60_000;
/** 2026-11-23 is a Monday; `at('18:00')` is that evening in New York. */
const at = (time: string, date = '2026-11-23') => {
  const [h, m] = time.split(':').map(Number);
  return zonedInstant(dayFromIsoDate(date), (h ?? 0) * 60 + (m ?? 0), TZ);
};

const SETTINGS: LineSettings = {
  survey: DEFAULT_SURVEY,
  lineNumber: '+15550009999',
  crisisNumber: '988',
  crisisTextNumber: '741741',
  clinicianNumber: '+15550008888',
  coordinatorNumbers: ['+15550007777'],
  timeZone: TZ,
  hours: { alwaysOpen: false, windows: [{ day: 'mon', start: '17:00', end: '23:00' }], holidays: [] },
  ringGroupSize: 3,
  offerRingSeconds: 20,
  whisperSeconds: 8,
  maxWaitSeconds: 600,
  overflow: { kind: 'resources' },
  missedOffersBeforePause: 3,
  wrapUpSeconds: 60,
  holdLoopSeconds: 20,
  textInactivityMinutes: 30,
  textWaitMinutes: 120,
  voiceIntake: false,
  allowOnOutsideRoster: true,
  shiftReminderMinutes: 30,
  liveStateHours: 6,
  clinicianLanguage: 'en',
  coordinatorLanguages: {},
  holdAudioSeconds: 10,
  wrapUpCodes: DEFAULT_WRAP_UP_CODES,
  supervisionEnabled: true,
  coachingEnabled: true,
};

function volunteer(volunteerId: string, extra: Partial<Volunteer> = {}): Volunteer {
  return {
    volunteerId,
    name: volunteerId,
    phoneSealed: `sealed:${volunteerId}`,
    phoneKey: `key:${volunteerId}`,
    languages: ['en'],
    active: true,
    maxTextSessions: 3,
    onShift: false,
    state: 'available',
    idleSince: 0,
    missedOffers: 0,
    version: 1,
    ...extra,
  };
}

/** In-memory store, event list and outbox: just what the roster tick touches. */
function fakeLine(roster: Roster, volunteers: Volunteer[], settings: Partial<LineSettings> = {}) {
  const byId = new Map(volunteers.map((v) => [v.volunteerId, v]));
  const onShiftIds = new Set(volunteers.filter((v) => v.onShift).map((v) => v.volunteerId));
  const pausedIds = new Set(volunteers.filter((v) => v.state === 'paused').map((v) => v.volunteerId));
  const seen = new Set<string>();
  const events: LineEvent[] = [];
  const texts: { to: string; from: string; body: string }[] = [];
  const deps: RosterTickDeps = {
    roster: { getRoster: async () => roster },
    store: {
      getLine: async () => ({
        settings: { ...SETTINGS, ...settings },
        blockedKeys: new Set(),
        onShiftIds: new Set(onShiftIds),
        pausedIds: new Set(pausedIds),
      }),
      getVolunteer: async (id) => byId.get(id),
      listOnShift: async () => [...byId.values()].filter((v) => v.onShift),
      updateVolunteer: async (id, change: VolunteerChange) => {
        const current = byId.get(id);
        if (!current || (change.expectVersion !== undefined && change.expectVersion !== current.version))
          return undefined;
        const next = { ...current, ...change.set, version: current.version + 1 } as Volunteer;
        byId.set(id, next);
        return next;
      },
      setOnShift: async (id, on) => {
        if (on) onShiftIds.add(id);
        else onShiftIds.delete(id);
      },
      setPaused: async (id, paused) => {
        if (paused) pausedIds.add(id);
        else pausedIds.delete(id);
      },
      firstTime: async (key) => {
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      },
    },
    events: { publish: async (published) => void events.push(...published) },
    telephony: { sendText: async (text) => void texts.push(text) },
    vault: { open: (sealed) => sealed.replace('sealed:', 'phone:') },
    log: { info: () => {}, warn: () => {}, error: () => {} },
  };
  return { deps, byId, onShiftIds, pausedIds, events, texts };
}

const EVENING: Roster = {
  weekly: [
    { shiftId: 'mon-a', volunteerId: 'ana', day: 'mon', start: '17:00', end: '20:00' },
    { shiftId: 'mon-b', volunteerId: 'ben', day: 'mon', start: '20:00', end: '23:00' },
  ],
  overrides: [],
};

describe('runRosterTick', () => {
  it('puts a volunteer on shift when their shift starts, once, however often the window is replayed', async () => {
    const line = fakeLine(EVENING, [volunteer('ana'), volunteer('ben')]);

    const first = await runRosterTick(line.deps, at('16:59'), at('17:00'));
    const replay = await runRosterTick(line.deps, at('16:59'), at('17:00'));
    const overlap = await runRosterTick(line.deps, at('16:56'), at('17:01'));

    expect(first).toMatchObject({ started: 1, ended: 0 });
    expect(replay.started + overlap.started).toBe(0);
    expect(line.byId.get('ana')).toMatchObject({ onShift: true, idleSince: at('17:00') });
    expect(line.onShiftIds).toEqual(new Set(['ana']));
    expect(line.events).toEqual([{ type: 'ShiftStarted', volunteerId: 'ana', shiftId: 'mon-a@2026-11-23' }]);
  });

  it('hands over at a shift change: one ends, the next starts, in the same tick', async () => {
    const line = fakeLine(EVENING, [volunteer('ana', { onShift: true }), volunteer('ben')]);

    const report = await runRosterTick(line.deps, at('19:59'), at('20:00'));
    const replay = await runRosterTick(line.deps, at('19:55'), at('20:00'));

    expect(report).toMatchObject({ started: 1, ended: 1, unstaffedAlert: false });
    expect(replay).toMatchObject({ started: 0, ended: 0 });
    expect(line.onShiftIds).toEqual(new Set(['ben']));
    expect(line.byId.get('ana')?.onShift).toBe(false);
    expect(line.events.map((e) => e.type)).toEqual(['ShiftEnded', 'ShiftStarted']);
  });

  it('keeps a volunteer on across back-to-back shifts of their own', async () => {
    const roster: Roster = {
      weekly: [
        { shiftId: 'a1', volunteerId: 'ana', day: 'mon', start: '17:00', end: '20:00' },
        { shiftId: 'a2', volunteerId: 'ana', day: 'mon', start: '20:00', end: '23:00' },
      ],
      overrides: [],
    };
    const line = fakeLine(roster, [volunteer('ana', { onShift: true })]);

    const report = await runRosterTick(line.deps, at('19:59'), at('20:00'));

    expect(report).toMatchObject({ started: 0, ended: 0 });
    expect(line.onShiftIds).toEqual(new Set(['ana']));
    expect(line.events).toEqual([]);
  });

  it('texts a reminder at the lead time, once, from the line number', async () => {
    const line = fakeLine(EVENING, [volunteer('ana'), volunteer('ben')]);

    const due = await runRosterTick(line.deps, at('16:29'), at('16:30'));
    const replay = await runRosterTick(line.deps, at('16:26'), at('16:31'));

    expect(due.reminded).toBe(1);
    expect(replay.reminded).toBe(0);
    expect(line.texts).toEqual([
      {
        to: 'phone:ana',
        from: SETTINGS.lineNumber,
        body: expect.stringContaining('in 30 minutes, at 17:00'),
      },
    ]);
  });

  it('neither reminds nor starts an inactive volunteer', async () => {
    const line = fakeLine(EVENING, [volunteer('ana', { active: false }), volunteer('ben')]);

    await runRosterTick(line.deps, at('16:29'), at('16:30'));
    const start = await runRosterTick(line.deps, at('16:59'), at('17:00'));

    expect(line.texts).toEqual([]);
    expect(start.started).toBe(0);
    expect(line.onShiftIds.size).toBe(0);
  });

  it('raises LineUnstaffed once per gap in open hours, and again for the next gap', async () => {
    const roster: Roster = {
      weekly: [{ shiftId: 'mid', volunteerId: 'ana', day: 'mon', start: '19:00', end: '21:00' }],
      overrides: [],
    };
    const line = fakeLine(roster, [volunteer('ana')]);

    const opening = await runRosterTick(line.deps, at('16:59'), at('17:00'));
    const later = await runRosterTick(line.deps, at('17:00'), at('17:01'));
    const staffed = await runRosterTick(line.deps, at('18:59'), at('19:00'));
    const secondGap = await runRosterTick(line.deps, at('20:59'), at('21:00'));
    const secondLater = await runRosterTick(line.deps, at('21:00'), at('21:05'));

    expect([opening, later, staffed, secondGap, secondLater].map((r) => r.unstaffedAlert)).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(line.events.filter((e) => e.type === 'LineUnstaffed')).toEqual([
      { type: 'LineUnstaffed', since: at('17:00') },
      { type: 'LineUnstaffed', since: at('21:00') },
    ]);
  });

  it('says nothing while the line is closed', async () => {
    const line = fakeLine(EVENING, [volunteer('ana')]);

    const report = await runRosterTick(line.deps, at('10:00'), at('10:01'));

    expect(report.unstaffedAlert).toBe(false);
    expect(line.events).toEqual([]);
  });

  it('alerts an always-open line with no roster at most once a day', async () => {
    const line = fakeLine({ weekly: [], overrides: [] }, [volunteer('ana')], {
      hours: { alwaysOpen: true, windows: [], holidays: [] },
    });

    const first = await runRosterTick(line.deps, at('09:00'), at('09:01'));
    const sameDay = await runRosterTick(line.deps, at('15:00'), at('15:01'));
    const nextDay = await runRosterTick(line.deps, at('09:00', '2026-11-24'), at('09:01', '2026-11-24'));

    expect([first.unstaffedAlert, sameDay.unstaffedAlert, nextDay.unstaffedAlert]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('leaves someone on by text alone, unless the line refuses ON outside the roster', async () => {
    const allowed = fakeLine(EVENING, [volunteer('caro', { onShift: true })]);
    const refused = fakeLine(EVENING, [volunteer('caro', { onShift: true })], {
      allowOnOutsideRoster: false,
    });

    await runRosterTick(allowed.deps, at('17:29'), at('17:30'));
    await runRosterTick(refused.deps, at('17:29'), at('17:30'));

    expect(allowed.onShiftIds.has('caro')).toBe(true);
    expect(refused.onShiftIds.has('caro')).toBe(false);
    expect(refused.events).toContainEqual({
      type: 'ShiftEnded',
      volunteerId: 'caro',
      shiftId: 'outside-roster',
    });
  });

  it('starts the covering volunteer, not the rostered one, for a covered occurrence', async () => {
    const roster: Roster = {
      ...EVENING,
      overrides: [{ kind: 'cover', shiftId: 'mon-a', date: '2026-11-23', volunteerId: 'caro' }],
    };
    const line = fakeLine(roster, [volunteer('ana'), volunteer('ben'), volunteer('caro')]);

    await runRosterTick(line.deps, at('16:59'), at('17:00'));

    expect(line.onShiftIds).toEqual(new Set(['caro']));
  });

  it('runs an overnight shift across the autumn DST change for its full length', async () => {
    // 2026-11-01: clocks go back at 02:00 in New York, so 22:00 to 06:00 lasts nine hours.
    const roster: Roster = {
      weekly: [{ shiftId: 'sat-night', volunteerId: 'ana', day: 'sat', start: '22:00', end: '06:00' }],
      overrides: [],
    };
    const line = fakeLine(roster, [volunteer('ana')], {
      hours: { alwaysOpen: true, windows: [], holidays: [] },
    });
    const start = at('22:00', '2026-10-31');
    const end = at('06:00', '2026-11-01');

    await runRosterTick(line.deps, start - MINUTE, start);
    const stillOn = await runRosterTick(line.deps, end - 2 * MINUTE, end - MINUTE);
    const off = await runRosterTick(line.deps, end - MINUTE, end);

    expect(end - start).toBe(9 * 60 * MINUTE);
    expect(stillOn.ended).toBe(0);
    expect(off.ended).toBe(1);
    expect(line.onShiftIds.size).toBe(0);
  });
});

describe('applyRosterEdit', () => {
  it('puts on whoever is now rostered and takes off whoever no longer is', async () => {
    const line = fakeLine(EVENING, [volunteer('ana', { onShift: true }), volunteer('ben')]);
    const after: Roster = {
      weekly: [{ shiftId: 'mon-a', volunteerId: 'ben', day: 'mon', start: '17:00', end: '20:00' }],
      overrides: [],
    };

    const moved = await applyRosterEdit(line.deps, EVENING, after, at('18:00'));

    expect(moved).toEqual({ started: ['ben'], ended: ['ana'] });
    expect(line.onShiftIds).toEqual(new Set(['ben']));
    expect(line.events.map((e) => e.type)).toEqual(['ShiftEnded', 'ShiftStarted']);
  });

  it('changes nothing when the edit does not touch the present', async () => {
    const line = fakeLine(EVENING, [volunteer('ana', { onShift: true }), volunteer('ben')]);
    const after: Roster = {
      ...EVENING,
      weekly: [
        ...EVENING.weekly,
        { shiftId: 'tue', volunteerId: 'ben', day: 'tue', start: '17:00', end: '20:00' },
      ],
    };

    const moved = await applyRosterEdit(line.deps, EVENING, after, at('18:00'));

    expect(moved).toEqual({ started: [], ended: [] });
    expect(line.events).toEqual([]);
  });
});
