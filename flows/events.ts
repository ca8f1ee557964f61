// The line's events: past-tense names, zod schemas, and no words or numbers of anyone in them.
import * as z from './zod-mini.js';

const contactEvent = () => ({ contactId: z.string(), channel: z.enum(['voice', 'sms']) });

/**
 * Each event type's fields beside its `type`. They are built the first time an event of that type is checked,
 * so a Lambda builds the few it publishes or receives rather than all of them at cold start (a zod schema
 * costs tens of microseconds to build, and every field is one or more).
 */
const EVENT_FIELDS = {
  ContactQueued: () => ({ ...contactEvent(), language: z.enum(['en', 'es']) }),
  ContactOffered: () => ({ ...contactEvent(), volunteerIds: z.array(z.string()) }),
  ContactConnected: () => ({ ...contactEvent(), volunteerId: z.string() }),
  ContactEnded: () => ({ ...contactEvent(), outcome: z.string() }),
  ContactAbandoned: () => ({ ...contactEvent() }),
  ContactEscalated: () => ({
    ...contactEvent(),
    trigger: z.string(),
    kind: z.string(),
    /** A short reference the clinician can quote back; not the contact id. */
    reference: z.optional(z.string()),
  }),
  /** The on-call clinician asked to be called and connected with the texter of an escalation. */
  ClinicianCallRequested: () => ({ reference: z.string(), requestId: z.string() }),
  /** The volunteer's leg left a live call; the caller's own leg decides when the contact ends. */
  VolunteerLeft: () => ({ ...contactEvent(), volunteerId: z.string() }),
  /** The volunteer pressed star: they are in the menu, out of the room, and the caller must not hear silence. */
  VolunteerSteppedOut: () => ({ ...contactEvent(), volunteerId: z.string() }),
  OfferEnded: () => ({ ...contactEvent(), volunteerId: z.string(), missed: z.boolean() }),
  VolunteerPaused: () => ({ volunteerId: z.string(), missedOffers: z.number() }),
  ShiftStarted: () => ({ volunteerId: z.string(), shiftId: z.string() }),
  ShiftEnded: () => ({ volunteerId: z.string(), shiftId: z.string() }),
  LineUnstaffed: () => ({ since: z.number() }),
  /** Everyone on shift is paused after missed offers, so callers hear the unstaffed path; a count, never names. */
  LineAllPaused: () => ({ since: z.number(), volunteers: z.number() }),
  /** A warm transfer's crisis leg ended; `joined`: the counsellor had been in the room. */
  CrisisLegEnded: () => ({ ...contactEvent(), joined: z.boolean(), at: z.number() }),
  /** A volunteer's wrap-up codes for a contact: code ids from the line's lists, never words. */
  WrapUpRecorded: () => ({
    ...contactEvent(),
    topics: z.array(z.string()),
    referral: z.optional(z.string()),
    safetyConcern: z.optional(z.boolean()),
  }),
  /** A supervisor asked to listen in on (muted) or coach a live call: the dispatcher rings them into its room. */
  SupervisionRequested: () => ({
    ...contactEvent(),
    supervisorId: z.string(),
    mode: z.enum(['listen', 'coach']),
    requestId: z.string(),
    via: z.enum(['text', 'console']),
  }),
  /** A supervisor's leg ended: they hung up, or never answered (`joined` false). The caller's leg is untouched. */
  SupervisionEnded: () => ({
    ...contactEvent(),
    supervisorId: z.string(),
    mode: z.enum(['listen', 'coach']),
    callSid: z.string(),
    joined: z.boolean(),
  }),
  /** A volunteer texted SUPPORT and no supervisor was on shift: the coordinators are told. */
  SupportUnanswered: () => ({ ...contactEvent(), reference: z.string(), requestId: z.string() }),
  /** A change to where callers in danger go, waiting for a second coordinator; fields named, never values. */
  RoutingChangeProposed: () => ({ changeId: z.string(), fields: z.array(z.string()) }),
  RoutingChangeConfirmed: () => ({ changeId: z.string(), fields: z.array(z.string()) }),
};

type EventFields = typeof EVENT_FIELDS;
export type LineEventType = keyof EventFields;
type EventSchema<K extends LineEventType> = z.ZodMiniObject<
  { type: z.ZodMiniLiteral<K> } & ReturnType<EventFields[K]>
>;
export type LineEvent = { [K in LineEventType]: z.infer<EventSchema<K>> }[LineEventType];

const EVENT_TYPES = Object.keys(EVENT_FIELDS) as LineEventType[];
const built = new Map<string, z.ZodMiniType<LineEvent>>();

function schemaFor(input: unknown): z.ZodMiniType<LineEvent> {
  const type = (input as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' && Object.hasOwn(EVENT_FIELDS, type) ? (type as LineEventType) : '';
  let schema = built.get(known);
  if (!schema) {
    // An unknown type is checked against the list of types, which refuses it and names them all.
    const checked = known
      ? z.object({ type: z.literal(known), ...EVENT_FIELDS[known]() })
      : z.object({ type: z.enum(EVENT_TYPES) });
    schema = checked as unknown as z.ZodMiniType<LineEvent>;
    built.set(known, schema);
  }
  return schema;
}

/** Checks a line event as a discriminated union would: unknown fields dropped, every bad one named. */
export const LineEventSchema = {
  parse: (input: unknown): LineEvent => schemaFor(input).parse(input),
  safeParse: (input: unknown) => schemaFor(input).safeParse(input),
};
