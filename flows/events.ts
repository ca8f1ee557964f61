// The line's events: past-tense names, zod schemas, and no words or numbers of anyone in them.
import * as z from './zod-mini.js';

const contactEvent = { contactId: z.string(), channel: z.enum(['voice', 'sms']) };

export const LineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ContactQueued'), ...contactEvent, language: z.enum(['en', 'es']) }),
  z.object({ type: z.literal('ContactOffered'), ...contactEvent, volunteerIds: z.array(z.string()) }),
  z.object({ type: z.literal('ContactConnected'), ...contactEvent, volunteerId: z.string() }),
  z.object({ type: z.literal('ContactEnded'), ...contactEvent, outcome: z.string() }),
  z.object({ type: z.literal('ContactAbandoned'), ...contactEvent }),
  z.object({
    type: z.literal('ContactEscalated'),
    ...contactEvent,
    trigger: z.string(),
    kind: z.string(),
    /** A short reference the clinician can quote back; not the contact id. */
    reference: z.optional(z.string()),
  }),
  /** The on-call clinician asked to be called and connected with the texter of an escalation. */
  z.object({ type: z.literal('ClinicianCallRequested'), reference: z.string(), requestId: z.string() }),
  /** The volunteer's leg left a live call; the caller's own leg decides when the contact ends. */
  z.object({ type: z.literal('VolunteerLeft'), ...contactEvent, volunteerId: z.string() }),
  /** The volunteer pressed star: they are in the menu, out of the room, and the caller must not hear silence. */
  z.object({ type: z.literal('VolunteerSteppedOut'), ...contactEvent, volunteerId: z.string() }),
  z.object({ type: z.literal('OfferEnded'), ...contactEvent, volunteerId: z.string(), missed: z.boolean() }),
  z.object({ type: z.literal('VolunteerPaused'), volunteerId: z.string(), missedOffers: z.number() }),
  z.object({ type: z.literal('ShiftStarted'), volunteerId: z.string(), shiftId: z.string() }),
  z.object({ type: z.literal('ShiftEnded'), volunteerId: z.string(), shiftId: z.string() }),
  z.object({ type: z.literal('LineUnstaffed'), since: z.number() }),
  /** Everyone on shift is paused after missed offers, so callers hear the unstaffed path; a count, never names. */
  z.object({ type: z.literal('LineAllPaused'), since: z.number(), volunteers: z.number() }),
  /** A warm transfer's crisis leg ended; `joined`: the counsellor had been in the room. */
  z.object({ type: z.literal('CrisisLegEnded'), ...contactEvent, joined: z.boolean(), at: z.number() }),
  /** A volunteer's wrap-up codes for a contact: code ids from the line's lists, never words. */
  z.object({
    type: z.literal('WrapUpRecorded'),
    ...contactEvent,
    topics: z.array(z.string()),
    referral: z.optional(z.string()),
    safetyConcern: z.optional(z.boolean()),
  }),
  /** A supervisor asked to listen in on (muted) or coach a live call: the dispatcher rings them into its room. */
  z.object({
    type: z.literal('SupervisionRequested'),
    ...contactEvent,
    supervisorId: z.string(),
    mode: z.enum(['listen', 'coach']),
    requestId: z.string(),
    via: z.enum(['text', 'console']),
  }),
  /** A supervisor's leg ended: they hung up, or never answered (`joined` false). The caller's leg is untouched. */
  z.object({
    type: z.literal('SupervisionEnded'),
    ...contactEvent,
    supervisorId: z.string(),
    mode: z.enum(['listen', 'coach']),
    callSid: z.string(),
    joined: z.boolean(),
  }),
  /** A volunteer texted SUPPORT and no supervisor was on shift: the coordinators are told. */
  z.object({
    type: z.literal('SupportUnanswered'),
    ...contactEvent,
    reference: z.string(),
    requestId: z.string(),
  }),
  /** A change to where callers in danger go, waiting for a second coordinator; fields named, never values. */
  z.object({ type: z.literal('RoutingChangeProposed'), changeId: z.string(), fields: z.array(z.string()) }),
  z.object({ type: z.literal('RoutingChangeConfirmed'), changeId: z.string(), fields: z.array(z.string()) }),
]);

export type LineEvent = z.infer<typeof LineEventSchema>;
export type LineEventType = LineEvent['type'];
