// The notifier: texts the people who must know (clinician, coordinators, a paused volunteer), once each.
//
// Main course: ContactEscalated -> the on-call clinician and the coordinators get a short reference;
// LineUnstaffed, LineAllPaused, routing changes (proposed, confirmed) and a SUPPORT nobody could answer -> the coordinators; VolunteerPaused -> the volunteer, with how to come back.
// Alternate courses: a duplicate delivery (EventBridge may deliver twice) sends nothing more; a text that
// cannot be sent throws, so the bus retries it and finally parks it in the dead-letter queue.
import type { LineEvent } from '../events.js';
import type { Deduplicator, Log, PhoneVault, Store, Telephony } from '../ports.js';
import { type Prompts, promptsFor } from '../prompts/prompts.js';

export interface NotifyDeps {
  readonly store: Store & Deduplicator;
  readonly telephony: Telephony;
  readonly vault: PhoneVault;
  readonly log: Log;
}

const DAY_SECONDS = 86_400;

/** The key that makes a notification happen once per event, whatever the deliveries. */
function notificationKey(event: LineEvent): string | undefined {
  switch (event.type) {
    case 'ContactEscalated':
      return `notify#escalated#${event.contactId}#${event.trigger}`;
    case 'LineUnstaffed':
      return `notify#unstaffed#${event.since}`;
    case 'LineAllPaused':
      return `notify#all-paused#${event.since}`;
    case 'VolunteerPaused':
      return `notify#paused#${event.volunteerId}#${event.missedOffers}`;
    case 'RoutingChangeProposed':
    case 'RoutingChangeConfirmed':
      return `notify#routing#${event.changeId}#${event.type}`;
    case 'SupportUnanswered':
      return `notify#support#${event.requestId}`;
    default:
      return undefined;
  }
}

export async function handleNotification(deps: NotifyDeps, event: LineEvent): Promise<void> {
  const key = notificationKey(event);
  if (!key) return;
  const texts = await textsFor(deps, event);
  if (texts.length === 0) return;
  if (!(await deps.store.firstTime(key, DAY_SECONDS))) return;
  const { settings } = await deps.store.getLine();
  try {
    for (const text of texts)
      await deps.telephony.sendText({ to: text.to, from: settings.lineNumber, body: text.body });
  } catch (error) {
    // Marked but not sent: unmark, so the bus's retry sends it (a repeat beats an alert nobody got).
    await deps.store.forget(key).catch(() => undefined);
    throw error;
  }
  deps.log.info('notification sent', { type: event.type, recipients: texts.length });
}

async function textsFor(deps: NotifyDeps, event: LineEvent): Promise<{ to: string; body: string }[]> {
  const { settings } = await deps.store.getLine();
  // Each recipient reads alerts in their own language setting, whoever the contact was.
  const toCoordinators = (body: (words: Prompts) => string) =>
    settings.coordinatorNumbers.map((to) => ({
      to,
      body: body(promptsFor(settings.coordinatorLanguages[to] ?? 'en')),
    }));
  switch (event.type) {
    case 'ContactEscalated': {
      const notice = (words: Prompts) => words.escalationNotice(event.channel, event.kind, event.reference);
      // An SMS escalation already alerted the clinician inside its own reply; voice ones need it here.
      const clinician =
        event.channel === 'voice'
          ? [{ to: settings.clinicianNumber, body: notice(promptsFor(settings.clinicianLanguage)) }]
          : [];
      return [...clinician, ...toCoordinators(notice)];
    }
    case 'LineUnstaffed':
      return toCoordinators((words) => words.lineUnstaffedNotice);
    case 'LineAllPaused':
      return toCoordinators((words) => words.lineAllPausedNotice(event.volunteers));
    case 'RoutingChangeProposed':
    case 'RoutingChangeConfirmed':
      return toCoordinators((words) =>
        words.routingChangeNotice(event.type === 'RoutingChangeConfirmed', event.fields),
      );
    case 'SupportUnanswered':
      return toCoordinators((words) => words.supportUnansweredNotice(event.channel, event.reference));
    case 'VolunteerPaused': {
      const volunteer = await deps.store.getVolunteer(event.volunteerId);
      if (!volunteer) return [];
      return [
        {
          to: deps.vault.open(volunteer.phoneSealed),
          body: promptsFor('en').volunteerPausedNotice(event.missedOffers),
        },
      ];
    }
    default:
      return [];
  }
}
