// Listen in and coach: a supervisor asks (by text or from the console's board), the dispatcher rings them in.
//
// Main course: LISTEN 40213 (or the board's button) from an active supervisor, supervision on, the call
// connected -> SupervisionRequested -> the dispatcher rings the supervisor from the line's number into the call's
// room with no beep, muted (heard by nobody) or coaching the volunteer's leg (heard by the volunteer only) -> the
// audit log says who, which contact, how and when -> the supervisor hangs up -> their leg's status callback ->
// SupervisionEnded -> the audit log says it ended. The caller's leg is never touched: nothing is said to them,
// nothing redirects them, and the supervisor's leg cannot end their room.
// Alternate courses: supervision or coaching switched off, a non-supervisor, an unknown, ended or ambiguous
// reference, a text conversation (read along in the console instead), a call nobody has answered yet: refused
// honestly and nothing rung; a replayed text or a repeated event (keyed by the request: rung once); the room has
// gone by the time the dispatcher rings (nothing rung, nothing audited as started); the supervisor never answers
// (audited as never joined).
import type { LineEvent } from '../events.js';
import { isLive, peerLegOf } from '../model.js';
import type {
  AuditTrail,
  Clock,
  EventPublisher,
  Log,
  PhoneVault,
  Store,
  SupervisorJoin,
  Telephony,
} from '../ports.js';
import type { ActionTarget, SmsReply } from '../replies.js';
import { conferenceRoom } from '../voice/voice-deps.js';
import { webhookTarget } from '../webhook-query.js';
import { contactReference, findByReference } from './contact-reference.js';
import { supervisionTexts } from './supervision-texts.js';

export type SupervisionMode = 'listen' | 'coach';
export type SupervisionRefusal =
  | 'disabled'
  | 'coaching-off'
  | 'not-supervisor'
  | 'unknown'
  | 'ambiguous'
  | 'text'
  | 'not-connected';
export type SupervisionAnswer =
  | { readonly kind: 'calling'; readonly contactId: string; readonly reference: string }
  | { readonly kind: 'refused'; readonly reason: SupervisionRefusal };

export interface SupervisionRequest {
  readonly supervisorId: string;
  readonly mode: SupervisionMode;
  /** A text names the contact by its reference, the console by its id. */
  readonly contact: { readonly reference: string } | { readonly contactId: string };
  /** The MessageSid, or the console's request id: a replay rings nobody twice. */
  readonly requestId: string;
  readonly via: 'text' | 'console';
}

export interface SupervisionRequestDeps {
  readonly store: Pick<Store, 'getLine' | 'getVolunteer' | 'getContact' | 'listLive'>;
  readonly events: EventPublisher;
  readonly clock: Clock;
}

export async function requestSupervision(
  deps: SupervisionRequestDeps,
  request: SupervisionRequest,
): Promise<SupervisionAnswer> {
  const refuse = (reason: SupervisionRefusal): SupervisionAnswer => ({ kind: 'refused', reason });
  const [{ settings }, supervisor] = await Promise.all([
    deps.store.getLine(),
    deps.store.getVolunteer(request.supervisorId),
  ]);
  if (!settings.supervisionEnabled) return refuse('disabled');
  if (!supervisor?.active || !supervisor.supervisor) return refuse('not-supervisor');
  if (request.mode === 'coach' && !settings.coachingEnabled) return refuse('coaching-off');
  const now = deps.clock.now();
  let contact: Awaited<ReturnType<typeof deps.store.getContact>>;
  if ('contactId' in request.contact) {
    contact = await deps.store.getContact(request.contact.contactId);
  } else {
    const found = findByReference(
      (await deps.store.listLive()).filter((live) => isLive(live, now)),
      request.contact.reference,
    );
    if (found.kind !== 'found') return refuse(found.kind);
    contact = found.contact;
  }
  if (!contact || !isLive(contact, now)) return refuse('unknown');
  if (contact.channel === 'sms') return refuse('text');
  if (contact.status !== 'connected' || !contact.volunteerId) return refuse('not-connected');
  await deps.events.publish([
    {
      type: 'SupervisionRequested',
      contactId: contact.contactId,
      channel: 'voice',
      supervisorId: supervisor.volunteerId,
      mode: request.mode,
      requestId: request.requestId,
      via: request.via,
    },
  ]);
  return { kind: 'calling', contactId: contact.contactId, reference: contactReference(contact.contactId) };
}

export interface SupervisionDispatchDeps {
  readonly store: Pick<
    Store,
    'getLine' | 'getVolunteer' | 'getContact' | 'listOffers' | 'firstTime' | 'forget'
  >;
  readonly telephony: Pick<Telephony, 'addConferenceParticipant'>;
  readonly vault: Pick<PhoneVault, 'open'>;
  readonly clock: Clock;
  readonly log: Log;
  readonly audit: AuditTrail;
  readonly webhookUrl: (target: ActionTarget) => string;
}

/** How long a supervisor's phone rings before the leg counts as never joined. */
export const SUPERVISOR_RING_SECONDS = 30;
const MARKER_SECONDS = 86_400;

type Requested = Extract<LineEvent, { type: 'SupervisionRequested' }>;
type Ended = Extract<LineEvent, { type: 'SupervisionEnded' }>;

export async function ringSupervisorIn(deps: SupervisionDispatchDeps, event: Requested): Promise<void> {
  const key = `supervise#${event.requestId}`;
  if (!(await deps.store.firstTime(key, MARKER_SECONDS))) return;
  const [contact, supervisor, { settings }] = await Promise.all([
    deps.store.getContact(event.contactId),
    deps.store.getVolunteer(event.supervisorId),
    deps.store.getLine(),
  ]);
  if (contact?.status !== 'connected' || !contact.volunteerId || !supervisor?.supervisor) {
    deps.log.info('supervision not started: the call or the supervisor has changed', {
      contactId: event.contactId,
    });
    return;
  }
  const join = await joinFor(deps, event, contact.volunteerId);
  try {
    await deps.telephony.addConferenceParticipant({
      room: conferenceRoom(contact.contactId),
      to: deps.vault.open(supervisor.phoneSealed),
      from: settings.lineNumber,
      statusCallback: deps.webhookUrl(
        webhookTarget('supervisorLegStatus', {
          contactId: contact.contactId,
          supervisorId: supervisor.volunteerId,
          mode: join.mode,
        }),
      ),
      timeoutSeconds: SUPERVISOR_RING_SECONDS,
      supervisor: join,
    });
  } catch (error) {
    // The room ended in between (TelephonyError) or Twilio refused: nobody was rung, so nothing is audited.
    deps.log.warn('could not ring a supervisor into a call', {
      contactId: contact.contactId,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return;
  }
  await deps.audit.writeAudit(
    {
      at: deps.clock.now(),
      who: supervisor.volunteerId,
      action: `supervision.${join.mode}`,
      target: contact.contactId,
      // Written when the line rings them: `supervision.ended` says whether they joined.
      summary: `rang the supervisor to ${join.mode === 'coach' ? 'coach' : 'listen in'} (asked ${event.via === 'text' ? 'by text' : 'from the console'})`,
    },
    `${event.requestId}#started`,
  );
}

/** Coaching needs the volunteer's own leg; without it the supervisor listens rather than be heard by all. */
async function joinFor(
  deps: SupervisionDispatchDeps,
  event: Requested,
  volunteerId: string,
): Promise<SupervisorJoin> {
  if (event.mode === 'listen') return { mode: 'listen' };
  const leg = peerLegOf(await deps.store.listOffers(event.contactId), volunteerId);
  if (leg?.callSid) return { mode: 'coach', callSidToCoach: leg.callSid };
  deps.log.warn('no volunteer leg to coach; the supervisor listens instead', { contactId: event.contactId });
  return { mode: 'listen' };
}

export async function recordSupervisionEnded(deps: SupervisionDispatchDeps, event: Ended): Promise<void> {
  // Twilio may repeat the leg's callback: its end is audited once.
  if (!(await deps.store.firstTime(`supervise-ended#${event.callSid}`, MARKER_SECONDS))) return;
  await deps.audit.writeAudit(
    {
      at: deps.clock.now(),
      who: event.supervisorId,
      action: 'supervision.ended',
      target: event.contactId,
      summary: event.joined
        ? `${event.mode === 'coach' ? 'coaching' : 'listening'} ended`
        : `${event.mode === 'coach' ? 'coaching' : 'listening'} never joined (the supervisor did not answer)`,
    },
    `${event.callSid}#ended`,
  );
}

/** LISTEN 40213 / COACH 40213 by text: the supervisor is told at once whether the line is calling them. */
export async function superviseByText(
  deps: SupervisionRequestDeps,
  supervisorId: string,
  command: { readonly mode: SupervisionMode; readonly reference: string },
  messageSid: string,
): Promise<SmsReply> {
  const answer = await requestSupervision(deps, {
    supervisorId,
    mode: command.mode,
    contact: { reference: command.reference },
    requestId: messageSid,
    via: 'text',
  });
  const body =
    answer.kind === 'calling'
      ? supervisionTexts.calling(command.mode, answer.reference)
      : supervisionTexts.refused(answer.reason, command.reference);
  return { messages: [{ body }] };
}
