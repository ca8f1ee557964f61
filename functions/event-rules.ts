// Which events reach which function, and the schedules: one definition for the stack and the local bus.

export const EVENT_SOURCE = 'warmline';

export type EventTarget = 'dispatcher' | 'notifier';

export interface EventRuleDefinition {
  readonly name: string;
  readonly detailTypes: readonly string[];
  readonly target: EventTarget;
}

export const eventRules: readonly EventRuleDefinition[] = [
  {
    name: 'DispatchWaitingContacts',
    detailTypes: [
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
    ],
    target: 'dispatcher',
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
