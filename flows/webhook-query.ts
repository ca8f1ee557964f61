// The query each of our webhook URLs carries, one typed codec per leg: flows encode with it, handlers decode.
//
// Twilio signs the full URL, query included, so once the signature is verified these values are our own; the
// codecs still check each one, so a URL from an older deploy or a bug of ours is refused by name rather than
// read as a wrong contact. Keys are short because the URLs are long enough already. Adding a field to a leg is
// one line in that leg's spec below; the encode and decode types follow from it.
import type { ReleaseReason } from './model.js';
import { DialableSchema } from './phone-numbers.js';
import { type ActionTarget, LANGUAGES } from './replies.js';
import type { TwilioPathName } from './webhook-paths.js';
import * as z from './zod-mini.js';

/** One query field: its key in the URL, how its text is checked and read, and how its value is written. */
export interface QueryField<T, Required extends boolean = boolean> {
  readonly key: string;
  readonly schema: z.ZodMiniType<T>;
  readonly required: Required;
  write(value: T): string;
}

function field<T>(key: string, schema: z.ZodMiniType<T>, write: (value: T) => string = String) {
  const required: QueryField<T, true> = { key, schema, required: true, write };
  return Object.assign(required, {
    optional: (): QueryField<T, false> => ({ key, schema, required: false, write }),
  });
}

const IdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -'));
const countSchema = (min: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number')), z.transform(Number)),
    z.number().check(z.gte(min)),
  );
const FlagSchema = z.pipe(
  z.enum(['0', '1']),
  z.transform((flag: '0' | '1') => flag === '1'),
);
const TimeSchema = z.pipe(
  z.string().check(z.regex(/^\d{1,15}$/, 'must be a time in milliseconds')),
  z.transform(Number),
);
const flag = (value: boolean) => (value ? '1' : '0');
const ReleaseReasonSchema: z.ZodMiniType<ReleaseReason> = z.enum(['taken', 'left', 'gone']);

/** The fields our URLs carry; a leg picks the ones it needs. */
const contactId = field('c', IdSchema);
const volunteerId = field('v', IdSchema);
/** The line's crisis number, carried so that pressing 9 never waits on a store read. */
const crisisNumber = field('cn', DialableSchema);
/** The language the caller chose; absent before the choice (both are spoken). */
const language = field('l', z.enum(LANGUAGES));
/** How many safe replies this call has had already. */
const troubleLoops = field('t', countSchema(0));

/** What every leg of a caller's own call carries, from the greeting to the hold loop and the safe reply. */
const callerLeg = {
  contactId: contactId.optional(),
  crisisNumber: crisisNumber.optional(),
  language: language.optional(),
  troubleLoops: troubleLoops.optional(),
};

type Spec = Readonly<Record<string, QueryField<unknown, boolean>>>;
type RequiredKeys<S extends Spec> = {
  [K in keyof S]: S[K] extends QueryField<unknown, true> ? K : never;
}[keyof S];
type ValueOf<F> = F extends QueryField<infer T, boolean> ? T : never;
/** The typed query a spec describes: its required fields, and its optional ones as optional properties. */
export type QueryOf<S extends Spec> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  [K in Exclude<keyof S, RequiredKeys<S>>]?: ValueOf<S[K]>;
};

export class WebhookQueryError extends Error {
  override readonly name = 'WebhookQueryError';
}

export type Decoded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: WebhookQueryError };

export interface QueryCodec<T> {
  encode(value: T): Record<string, string>;
  /** Every field checked: a required one missing, or any one garbled, is an error naming its key. */
  decode(query: URLSearchParams): Decoded<T>;
  /** Whatever fields are sound, the rest left out: for the safe reply, which must never fail. */
  salvage(query: URLSearchParams): Partial<T>;
}

function codec<S extends Spec>(spec: S): QueryCodec<QueryOf<S>> {
  const entries = Object.entries(spec);
  const read = (query: URLSearchParams) =>
    entries.map(([name, { key, schema, required }]) => {
      // Our URLs never carry an empty value: an empty one is as good as absent.
      const text = query.get(key) || undefined;
      if (text === undefined) return { name, key, missing: required };
      const parsed = schema.safeParse(text);
      return parsed.success
        ? { name, key, value: parsed.data }
        : { name, key, problem: parsed.error.issues[0]?.message };
    });
  return {
    encode: (value) => {
      const query: Record<string, string> = {};
      for (const [name, { key, write }] of entries) {
        const fieldValue = (value as Record<string, unknown>)[name];
        if (fieldValue !== undefined) query[key] = write(fieldValue);
      }
      return query;
    },
    decode: (query) => {
      const fields = read(query);
      const bad = fields.find((f) => f.missing || 'problem' in f);
      if (bad)
        return {
          ok: false,
          error: new WebhookQueryError(
            `query parameter ${bad.key} (${bad.name}) ${'problem' in bad ? `is malformed: ${bad.problem}` : 'is missing'}`,
          ),
        };
      return { ok: true, value: Object.fromEntries(fields.map((f) => [f.name, f.value])) as QueryOf<S> };
    },
    salvage: (query) =>
      Object.fromEntries(read(query).flatMap((f) => ('value' in f ? [[f.name, f.value]] : []))) as Partial<
        QueryOf<S>
      >,
  };
}

/** The query of each leg that carries one; the other webhooks (status callbacks of the call, SMS) carry none. */
export const WEBHOOK_QUERIES = {
  voiceIncoming: codec(callerLeg),
  voiceLanguage: codec(callerLeg),
  voiceIntake: codec(callerLeg),
  // Where the caller joined their queue, so a hold turn finds its place and its contact in one read.
  voiceHold: codec({
    ...callerLeg,
    queuedAt: field('q', TimeSchema).optional(),
    concern: field('f', FlagSchema, flag).optional(),
  }),
  voiceHoldInput: codec(callerLeg),
  // The caller's contact is found from the CallSid when the URL carries none, as on every caller leg.
  voiceBridgeEnded: codec({ contactId, language }),
  conferenceHold: codec({ language }),
  crisisDialEnded: codec({
    crisisNumber,
    language: language.optional(),
    attempt: field('a', z.enum(['first', 'backup', 'partner'])).optional(),
    troubleLoops: troubleLoops.optional(),
  }),
  crisisLegStatus: codec({ contactId }),
  supervisorLegStatus: codec({
    contactId,
    supervisorId: field('s', IdSchema),
    mode: field('m', z.enum(['listen', 'coach'])),
  }),
  crisisFallback: codec({
    contactId,
    crisisNumber,
    language,
    counsellorJoined: field('j', FlagSchema, flag),
  }),
  warmTransferUnreached: codec({ contactId, volunteerId }),
  offerInput: codec({
    contactId,
    volunteerId,
    whisperSeconds: field('w', countSchema(1)).optional(),
    /** Wrong keys pressed so far at the whisper: carried, so a replay counts nothing twice. */
    wrongKeys: field('k', countSchema(0)).optional(),
  }),
  offerStatus: codec({ contactId, volunteerId }),
  offerTaken: codec({ contactId, volunteerId, reason: field('r', ReleaseReasonSchema) }),
  volunteerInput: codec({ contactId, volunteerId, muted: field('m', FlagSchema, flag).optional() }),
  /** The volunteer's wrap-up entry; `retried` once a first entry was not understood. */
  wrapUpCodes: codec({ contactId, volunteerId, language, retried: field('t', FlagSchema, flag).optional() }),
  /** The reference of the clinician's alert, which finds the contact they are bridged to. */
  clinicianBridge: codec({ reference: field('r', IdSchema) }),
} as const satisfies Partial<Record<TwilioPathName, unknown>>;

export type QueryRoute = keyof typeof WEBHOOK_QUERIES;
/** The typed query of a leg, as its flow writes it and its handler reads it. */
export type WebhookQuery<R extends QueryRoute> =
  (typeof WEBHOOK_QUERIES)[R] extends QueryCodec<infer T> ? T : never;

/**
 * What a caller's URL carries that the safe reply can use (contact, crisis number, language, loops so far),
 * from any caller leg's URL, each field kept only if it is sound: the safe reply itself must never fail.
 */
export function callerTroubleQuery(query: URLSearchParams): Partial<WebhookQuery<'voiceHold'>> {
  return WEBHOOK_QUERIES.voiceHold.salvage(query);
}

/** A webhook target with its query written by the leg's codec. */
export function webhookTarget<R extends QueryRoute>(route: R, query: WebhookQuery<R>): ActionTarget {
  const leg = WEBHOOK_QUERIES[route] as unknown as QueryCodec<WebhookQuery<R>>;
  return { route, query: leg.encode(query) };
}

/** The leg's query read from a verified request; throws a WebhookQueryError naming the bad key. */
export function readWebhookQuery<R extends QueryRoute>(route: R, query: URLSearchParams): WebhookQuery<R> {
  const leg = WEBHOOK_QUERIES[route] as unknown as QueryCodec<WebhookQuery<R>>;
  const decoded = leg.decode(query);
  if (!decoded.ok) throw decoded.error;
  return decoded.value;
}
