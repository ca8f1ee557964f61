// Which events reach which function, and the schedules: one definition for the stack and the local bus.

export const EVENT_SOURCE = 'warmline';

export type EventTarget = 'dispatcher' | 'notifier';

/**
 * Who published, in each event's source (e.g. `warmline.webhook`): a function, or `handoff` for an event whose
 * in-process dispatch failed or ran out of time and is handed to the dispatcher function.
 */
const EVENT_ORIGINS = ['webhook', 'dispatcher', 'notifier', 'admin', 'handoff'] as const;
export type EventOrigin = (typeof EVENT_ORIGINS)[number];

export const eventSource = (origin: EventOrigin): string => `${EVENT_SOURCE}.${origin}`;

/** The sources a rule takes: its origins, or every publisher of the line. */
export const ruleSources = (rule: EventRuleDefinition): string[] =>
  (rule.origins ?? EVENT_ORIGINS).map(eventSource);

export function originOf(source: string | undefined): EventOrigin | undefined {
  return EVENT_ORIGINS.find((origin) => source === eventSource(origin));
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
 * second function's cold start. Through the bus it takes the admin API's shift changes and the handed-off events.
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
  'SupervisionRequested',
  'SupervisionEnded',
] as const;

export const eventRules: readonly EventRuleDefinition[] = [
  {
    name: 'DispatchShiftChanges',
    detailTypes: DISPATCHER_EVENTS,
    target: 'dispatcher',
    origins: ['admin', 'handoff'],
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
      'SupportUnanswered',
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
