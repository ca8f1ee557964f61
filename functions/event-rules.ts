// Which events reach which function, and the schedules: one definition for the stack and the local bus.

export const EVENT_SOURCE = 'warmline';

export type EventTarget = 'dispatcher' | 'notifier';

/** The functions that publish; each event's source names its publisher, e.g. `warmline.webhook`. */
export type EventOrigin = 'webhook' | 'dispatcher' | 'notifier' | 'admin';

export const eventSource = (origin: EventOrigin): string => `${EVENT_SOURCE}.${origin}`;

/** The sources a rule takes: its origins, or every publisher of the line. */
export const ruleSources = (rule: EventRuleDefinition): string[] =>
  (rule.origins ?? (['webhook', 'dispatcher', 'notifier', 'admin'] as const)).map(eventSource);

export function originOf(source: string | undefined): EventOrigin | undefined {
  const origin = source?.startsWith(`${EVENT_SOURCE}.`) ? source.slice(EVENT_SOURCE.length + 1) : undefined;
  return origin === 'webhook' || origin === 'dispatcher' || origin === 'notifier' || origin === 'admin'
    ? origin
    : undefined;
}

export interface EventRuleDefinition {
  readonly name: string;
  readonly detailTypes: readonly string[];
  readonly target: EventTarget;
  /** Only events these functions published; unset: every publisher's. */
  readonly origins?: readonly EventOrigin[];
}

/**
 * What the dispatcher acts on. The webhook and dispatcher functions run the dispatcher in-process on the events
 * they publish themselves (see dispatchingInline), so ringing volunteers and bridging a caller never wait on a
 * second function's cold start; only the admin API's shift changes reach it through the bus.
 */
export const DISPATCHER_EVENTS = [
  'ContactQueued',
  'ContactConnected',
  'ContactEnded',
  'ContactAbandoned',
  'ContactEscalated',
  'OfferEnded',
  'VolunteerLeft',
  'VolunteerSteppedOut',
  'ShiftStarted',
  'ShiftEnded',
  'ClinicianCallRequested',
  'CrisisLegEnded',
] as const;

export const eventRules: readonly EventRuleDefinition[] = [
  {
    name: 'DispatchShiftChanges',
    detailTypes: DISPATCHER_EVENTS,
    target: 'dispatcher',
    origins: ['admin'],
  },
  {
    name: 'NotifyPeople',
    detailTypes: [
      'ContactEscalated',
      'LineUnstaffed',
      'LineAllPaused',
      'VolunteerPaused',
      'RoutingChangeProposed',
      'RoutingChangeConfirmed',
    ],
    target: 'notifier',
  },
];

export interface ScheduleDefinition {
  readonly name: string;
  readonly everyMinutes: number;
  readonly target: EventTarget;
}

/** The tick: shift transitions, reminders, wrap-up ends, stuck-state repair. */
export const schedules: readonly ScheduleDefinition[] = [
  { name: 'Tick', everyMinutes: 1, target: 'dispatcher' },
];
