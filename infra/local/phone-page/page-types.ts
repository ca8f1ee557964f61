// The JSON the phone page's API sends: shared by the server and the browser bundle (so no zod here).
export type PhoneRole = 'caller' | 'volunteer' | 'clinician' | 'crisis' | 'other';

export interface PageCall {
  readonly sid: string;
  readonly status: string;
  /** True when the call came to this phone (the line rang it); false when this phone dialled. */
  readonly incoming: boolean;
  readonly transcript: readonly string[];
  readonly gathering: boolean;
  /** Who else is in this call's conference, by their page label. */
  readonly withWhom: readonly string[];
  readonly connected: boolean;
}

export interface PageMessage {
  readonly id: string;
  readonly direction: 'in' | 'out';
  readonly body: string;
  readonly at: number;
}

export interface PagePhone {
  readonly number: string;
  readonly label: string;
  readonly role: PhoneRole;
  /** For volunteers: on shift or not, and their state on the line. */
  readonly shift?: string;
  readonly call?: PageCall;
  readonly messages: readonly PageMessage[];
}

export type PageTimelineKind =
  | 'webhook'
  | 'twiml'
  | 'rest'
  | 'message'
  | 'call'
  | 'say'
  | 'gather'
  | 'error'
  | 'event'
  | 'scenario';

export interface PageTimelineEntry {
  readonly id: number;
  readonly at: number;
  readonly kind: PageTimelineKind;
  readonly summary: string;
  readonly detail?: string;
}

export interface PageState {
  readonly version: number;
  readonly line: { readonly number: string; readonly clinician: string; readonly crisis: string };
  readonly phones: readonly PagePhone[];
  /** The fault drills switched on now (WARMLINE_FAULTS or the page), and what each target can be given. */
  readonly faults: {
    readonly active: Readonly<Record<string, string>>;
    readonly choices: Readonly<Record<string, readonly string[]>>;
  };
  /** Only the entries after the `after` id the page asked with. */
  readonly timeline: readonly PageTimelineEntry[];
}

export const SCENARIOS = {
  'two-callers-one-volunteer': 'Two callers, one volunteer',
  'nobody-on-shift': 'Nobody on shift',
  'crisis-text': 'A crisis text',
  'hang-up-while-ringing': 'Caller hangs up while a volunteer is rung',
  'supervisor-listens-and-coaches': 'A supervisor listens in and coaches',
  'text-then-survey': 'A text conversation, then the survey',
  'wrap-up-codes': 'Wrap-up codes after a call and a text',
  'everyone-on-shift': 'Everyone back on shift',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;
