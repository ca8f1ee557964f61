// A snapshot of every phone on the page: callers, the volunteers on shift, the clinician, read from the simulator and the store.
import type { Volunteer } from '../../../flows/model.js';
import { FAULT_MODES } from '../faults.js';
import type { LocalWarmline } from '../runner.js';
import type { SimCall } from '../simulator/call-leg.js';
import type { PageFeed } from './page-feed.js';
import type { PageCall, PageMessage, PagePhone, PageState, PhoneRole } from './page-types.js';

/** The person using the page: 555-01xx numbers are fiction, this phone exists only in the simulator. */
export const DEMO_CALLER = '+15550107001';
export const SECOND_CALLER = '+15550107002';

type Warmline = Pick<LocalWarmline, 'simulator' | 'store' | 'core' | 'config' | 'volunteers' | 'faults'>;

/** Names for the phones the page shows; callers placed by scenarios or tests are added as they appear. */
export class PhoneBook {
  private readonly callers = new Map<string, string>([[DEMO_CALLER, 'You (caller)']]);

  constructor(private readonly warmline: Warmline) {}

  addCaller(number: string, label: string): void {
    if (!this.callers.has(number)) this.callers.set(number, label);
  }

  /** Callers that dialled the line, whoever placed the call (the page, a scenario, a test). */
  noteCallers(calls: readonly SimCall[], volunteers: ReadonlyMap<string, string>): void {
    for (const call of calls) {
      if (call.direction === 'inbound' && !volunteers.has(call.from))
        this.addCaller(call.from, `Caller ${call.from}`);
    }
  }

  callerNumbers(): string[] {
    return [...this.callers.keys()];
  }

  labelOf(number: string, volunteers: ReadonlyMap<string, string>): string {
    const { config } = this.warmline;
    if (number === config.CLINICIAN_NUMBER) return 'Clinician';
    if (number === config.CRISIS_NUMBER) return 'Crisis line';
    return volunteers.get(number) ?? this.callers.get(number) ?? number;
  }
}

export async function buildPageState(
  warmline: Warmline,
  feed: PageFeed,
  book: PhoneBook,
  after: number,
): Promise<PageState> {
  const version = feed.version;
  const { simulator, config } = warmline;
  const calls = simulator.calls();
  const volunteers = await volunteerPhones(warmline);
  const names = new Map(volunteers.map((v) => [v.number, v.label]));
  book.noteCallers(calls, names);
  const label = (number: string) => book.labelOf(number, names);

  const phone = (number: string, role: PhoneRole, shift?: string): PagePhone => {
    const call = currentCall(calls, number);
    return {
      number,
      label: label(number),
      role,
      ...(shift ? { shift } : {}),
      ...(call ? { call: describeCall(warmline, call, label) } : {}),
      messages: messagesOf(warmline, feed, number),
    };
  };

  const phones: PagePhone[] = [
    ...book.callerNumbers().map((number) => phone(number, 'caller')),
    ...volunteers.map((v) => phone(v.number, 'volunteer', v.shift)),
    phone(config.CLINICIAN_NUMBER, 'clinician'),
  ];
  // The crisis line and coordinators appear once the line has called or texted them.
  for (const number of [config.CRISIS_NUMBER, ...config.COORDINATOR_NUMBERS]) {
    const shown = phone(number, number === config.CRISIS_NUMBER ? 'crisis' : 'other');
    if (shown.call || shown.messages.length > 0) phones.push(shown);
  }
  return {
    version,
    line: { number: config.LINE_NUMBER, clinician: config.CLINICIAN_NUMBER, crisis: config.CRISIS_NUMBER },
    phones,
    faults: { active: { ...warmline.faults.active }, choices: FAULT_MODES },
    timeline: feed.timelineAfter(after),
  };
}

interface VolunteerPhone {
  readonly number: string;
  readonly label: string;
  readonly shift: string;
}

/** The seeded volunteers, plus anyone on shift now (added in the console, say), with their state. */
async function volunteerPhones(warmline: Warmline): Promise<VolunteerPhone[]> {
  const { store, core } = warmline;
  // The page watches the line through the same faulted store; during a store drill it must not stall on it.
  const drill = warmline.faults.active.store;
  if (drill)
    return warmline.volunteers.map((v) => ({
      number: v.phone,
      label: v.name,
      shift: `store=${drill}: unknown`,
    }));
  const onShift = await store.listOnShift();
  const found = new Map<string, Volunteer>(onShift.map((v) => [v.volunteerId, v]));
  for (const seeded of warmline.volunteers) {
    if (found.has(seeded.volunteerId)) continue;
    const volunteer = await store.getVolunteer(seeded.volunteerId);
    if (volunteer) found.set(volunteer.volunteerId, volunteer);
  }
  const phones: VolunteerPhone[] = [];
  for (const volunteer of found.values()) {
    const number = core.vault.open(volunteer.phoneSealed);
    const shift = volunteer.onShift ? `on shift, ${volunteer.state}` : 'off shift';
    phones.push({ number, label: volunteer.name, shift });
  }
  const seededOrder = warmline.volunteers.map((v) => v.phone);
  const rank = (number: string) => {
    const index = seededOrder.indexOf(number);
    return index === -1 ? seededOrder.length : index;
  };
  return phones.sort((a, b) => rank(a.number) - rank(b.number) || a.label.localeCompare(b.label));
}

/** The phone's live call if it has one, else its latest call (so an ending stays visible). */
function currentCall(calls: readonly SimCall[], number: string): SimCall | undefined {
  const mine = calls.filter((call) => (call.direction === 'inbound' ? call.from : call.to) === number);
  return [...mine].reverse().find((call) => !call.isOver) ?? mine.at(-1);
}

function describeCall(warmline: Warmline, call: SimCall, label: (number: string) => string): PageCall {
  const { simulator } = warmline;
  const partyOf = (leg: SimCall) => (leg.direction === 'inbound' ? leg.from : leg.to);
  const others: SimCall[] = [];
  if (call.conference) {
    const room = simulator.conferenceNamed(call.conference);
    for (const member of room?.participants ?? []) if (member !== call) others.push(member);
  }
  if (call.bridgedWith) others.push(call.bridgedWith);
  return {
    sid: call.sid,
    status: call.status,
    incoming: call.direction !== 'inbound',
    transcript: [...call.transcript],
    gathering: call.isGathering,
    withWhom: others.map((leg) => label(partyOf(leg))),
    connected: call.status === 'in-progress' && others.length > 0,
  };
}

function messagesOf(warmline: Warmline, feed: PageFeed, number: string): PageMessage[] {
  const received: PageMessage[] = warmline.simulator
    .phone(number)
    .messages.map((m) => ({ id: m.sid, direction: 'in', body: m.body, at: m.at }));
  // At the same millisecond a phone's own text comes before the line's answer to it.
  const order = (m: PageMessage) => m.at * 2 + (m.direction === 'in' ? 1 : 0);
  return [...received, ...feed.sentBy(number)].sort((a, b) => order(a) - order(b));
}
