// A line for flow unit tests: the memory store, a clock the test moves, and fakes that record what was asked.
//
// The store is the real in-memory implementation (it passes the store contract), so flows run against the
// same conditional-write semantics as in DynamoDB; only the clock, the bus, Twilio and the vault are fakes.
import type { DispatchDeps } from '../../flows/dispatch/dispatcher.js';
import type { LineEvent } from '../../flows/events.js';
import type { LineSettings, LineSettingsPatch } from '../../flows/line-settings.js';
import type { Volunteer } from '../../flows/model.js';
import type {
  AuditTrail,
  CallScript,
  Clock,
  EventPublisher,
  PhoneVault,
  Telephony,
} from '../../flows/ports.js';
import type { ActionTarget } from '../../flows/replies.js';
import type { TextDeps } from '../../flows/sms/text-deps.js';
import type { VoiceDeps } from '../../flows/voice/voice-deps.js';
import { MemoryStore } from '../../functions/store/memory-store.js';
import { testLineDefaults } from './line-defaults.js';
import { silentLog } from './silent-log.js';

/** 2026-11-22 15:00 UTC: a Sunday afternoon. */
export const FLOW_NOW = Date.UTC(2026, 10, 22, 15, 0, 0);

export class FakeClock implements Clock {
  constructor(public at = FLOW_NOW) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** Keeps every published event, in order. */
export class RecordingPublisher implements EventPublisher {
  readonly events: LineEvent[] = [];
  async publish(events: readonly LineEvent[]): Promise<void> {
    this.events.push(...events);
  }
  types(): string[] {
    return this.events.map((event) => event.type);
  }
  /** Hands the events so far to `handle` (the dispatcher, say) and forgets them. */
  take(): LineEvent[] {
    return this.events.splice(0);
  }
}

export type TelephonyCall =
  | {
      readonly kind: 'placeCall';
      readonly request: Parameters<Telephony['placeCall']>[0];
      readonly sid: string;
    }
  | { readonly kind: 'redirectCall'; readonly callSid: string; readonly script: CallScript }
  | { readonly kind: 'cancelCall'; readonly callSid: string }
  | { readonly kind: 'sendText'; readonly request: Parameters<Telephony['sendText']>[0] }
  | {
      readonly kind: 'addConferenceParticipant';
      readonly request: Parameters<Telephony['addConferenceParticipant']>[0];
    }
  | {
      readonly kind: 'announceToConference';
      readonly request: Parameters<Telephony['announceToConference']>[0];
    };

/** Twilio's REST side, recorded: placed calls get sids CA-out-1, 2, ...; failures are opted into per number. */
export class FakeTelephony implements Telephony {
  readonly calls: TelephonyCall[] = [];
  /** Numbers a call to which fails (a bad number, Twilio refusing). */
  readonly unreachable = new Set<string>();
  /** Numbers Twilio will not text (a landline). */
  readonly untextable = new Set<string>();
  /** Legs answered before the cancel arrives: Twilio leaves them up. */
  readonly answered = new Set<string>();
  private placed = 0;

  async placeCall(request: Parameters<Telephony['placeCall']>[0]): Promise<string> {
    if (this.unreachable.has(request.to))
      throw Object.assign(new Error('unreachable'), { name: 'RestError' });
    const sid = `CA-out-${++this.placed}`;
    this.calls.push({ kind: 'placeCall', request, sid });
    return sid;
  }
  async redirectCall(callSid: string, script: CallScript): Promise<'redirected' | 'not-in-progress'> {
    this.calls.push({ kind: 'redirectCall', callSid, script });
    return 'redirected';
  }
  async cancelCall(callSid: string): Promise<'canceled' | 'not-ringing'> {
    this.calls.push({ kind: 'cancelCall', callSid });
    return this.answered.has(callSid) ? 'not-ringing' : 'canceled';
  }
  async sendText(request: Parameters<Telephony['sendText']>[0]): Promise<void> {
    if (this.untextable.has(request.to)) throw Object.assign(new Error('landline'), { name: 'RestError' });
    this.calls.push({ kind: 'sendText', request });
  }
  async addConferenceParticipant(
    request: Parameters<Telephony['addConferenceParticipant']>[0],
  ): Promise<void> {
    this.calls.push({ kind: 'addConferenceParticipant', request });
  }
  async announceToConference(
    request: Parameters<Telephony['announceToConference']>[0],
  ): Promise<'announced' | 'no-room'> {
    this.calls.push({ kind: 'announceToConference', request });
    return 'announced';
  }

  of<K extends TelephonyCall['kind']>(kind: K): Extract<TelephonyCall, { kind: K }>[] {
    return this.calls.filter((call): call is Extract<TelephonyCall, { kind: K }> => call.kind === kind);
  }
  /** Texts sent, as "to: body". */
  texts(): string[] {
    return this.of('sendText').map((call) => `${call.request.to}: ${call.request.body}`);
  }
}

/** A readable vault: keys and seals are visible in assertions, and `open` undoes `seal` exactly. */
export const readableVault: PhoneVault = {
  keyOf: (phone) => `key(${phone})`,
  seal: (plain) => `sealed(${plain})`,
  open: (sealed) => {
    const match = /^sealed\(([\s\S]*)\)$/.exec(sealed);
    if (!match) throw new Error('not a sealed value');
    return match[1] ?? '';
  },
};

/** Our own webhook URLs, readable: `route?query`. */
export const webhookUrl = ({ route, query }: ActionTarget): string =>
  `${route}${query ? `?${new URLSearchParams(query)}` : ''}`;

/** Open around the clock, so a test's time of day never closes the line unless it means to. */
export const alwaysOpen: LineSettingsPatch = { hours: { alwaysOpen: true, windows: [], holidays: [] } };

export interface FlowLine {
  readonly store: MemoryStore;
  readonly clock: FakeClock;
  readonly events: RecordingPublisher;
  readonly telephony: FakeTelephony;
  readonly log: ReturnType<typeof silentLog>;
  readonly defaults: LineSettings;
  readonly voice: VoiceDeps;
  readonly text: TextDeps;
  readonly dispatch: DispatchDeps;
  /** A volunteer on shift (in their record and in the line's set) unless `onShift: false` is given. */
  addVolunteer(id: string, overrides?: Partial<Volunteer>): Promise<Volunteer>;
}

/**
 * Wrap-up codes add an ask to every ending; their own tests (test/flows/wrap-up, test/e2e/wrap-up-codes.test.ts)
 * turn them on, the rest check what an ending does without them.
 */
const withoutWrapUpCodes: LineSettingsPatch = {
  wrapUpCodes: { ...testLineDefaults.wrapUpCodes, enabled: false },
};

export async function startFlowLine(settings: LineSettingsPatch = {}): Promise<FlowLine> {
  const clock = new FakeClock();
  const defaults = testLineDefaults;
  const store = new MemoryStore({ clock, defaults });
  await store.saveSettings({ ...alwaysOpen, ...withoutWrapUpCodes, ...settings });
  const events = new RecordingPublisher();
  const telephony = new FakeTelephony();
  const log = silentLog();
  // Supervision's audit entries are the admin store's; the flow tests here do not read them.
  const audit: AuditTrail = { writeAudit: async () => undefined };
  const common = { store, events, clock, vault: readableVault, log };
  return {
    store,
    clock,
    events,
    telephony,
    log,
    defaults,
    voice: { ...common, defaults },
    text: { ...common, defaults },
    dispatch: { ...common, telephony, webhookUrl, audit },
    addVolunteer: async (id, overrides = {}) => {
      const volunteer: Volunteer = {
        volunteerId: id,
        name: id,
        phoneSealed: readableVault.seal(phoneOf(id)),
        phoneKey: readableVault.keyOf(phoneOf(id)),
        languages: ['en'],
        active: true,
        maxTextSessions: 2,
        onShift: true,
        state: 'available',
        idleSince: clock.now() - 60_000,
        missedOffers: 0,
        version: 0,
        ...overrides,
      };
      await store.putVolunteer(volunteer);
      await store.linkVolunteerPhone(volunteer.phoneKey, id);
      if (volunteer.onShift) await store.setOnShift(id, true);
      return volunteer;
    },
  };
}

/** Each test volunteer's phone number, derived from their id so assertions can name it. */
export const phoneOf = (volunteerId: string): string =>
  `+1555${String([...volunteerId].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) % 10_000_000).padStart(7, '0')}`;
