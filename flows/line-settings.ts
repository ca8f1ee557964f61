// The schemas of the line settings coordinators can change: what the admin API checks an edit against.
// The values a line starts with are in standard-settings.ts, apart from these, so a Lambda that only reads
// settings never builds the validators.

import { DialableSchema, E164Schema } from './phone-numbers.js';
import { LineHoursSchema } from './roster/roster-schema.js';
import { HoldAudioUrlSchema } from './setting-fields.js';
import { DEFAULT_SURVEY, DEFAULT_WRAP_UP_CODES, MAX_HOLD_CLIP_SECONDS } from './standard-settings.js';
import { SurveySettingsSchema } from './survey/survey-settings.js';
import * as z from './zod-mini.js';

export { DialableSchema, E164Schema };

/**
 * Words coordinators write for callers. They are spoken inside TwiML: the builder escapes them, but we
 * refuse markup outright so nobody mistakes a field for a place to put SSML or tags. Empty means "the
 * standard wording".
 */
const wording = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.maxLength(max, `must be at most ${max} characters`),
      z.regex(/^[^<>]*$/, 'must not contain < or > (plain words only, no markup)'),
    );

export const LineNameSchema = wording(60);
/** The welcome per language; the "peer line, not a crisis line" wording and the crisis option always follow it. */
export const GreetingSchema = z.object({ en: z.optional(wording(300)), es: z.optional(wording(300)) });

export const LanguageSchema = z.enum(['en', 'es'], { error: 'must be en (English) or es (Spanish)' });
/** Alert languages by coordinator number; a number not listed is texted in English. */
const CoordinatorLanguagesSchema = z.record(E164Schema, LanguageSchema);

const HoldAudioSecondsSchema = z.number().check(
  z.int(),
  z.gte(1),
  z.lte(MAX_HOLD_CLIP_SECONDS, {
    error: `must be at most ${MAX_HOLD_CLIP_SECONDS} seconds: use a short clip, it is repeated`,
  }),
);

export const OverflowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partner-line'), number: DialableSchema }),
  z.object({ kind: z.literal('text-back') }),
  z.object({ kind: z.literal('resources') }),
]);

/** The most codes a list may hold: one keypad digit each. */
export const MAX_WRAP_UP_CODES = 10;
const CodeLabelSchema = wording(40).check(z.minLength(1, 'must not be empty'));
/**
 * One wrap-up code. The id is what the contact log keeps, so a label can be reworded, and a code removed,
 * without rewriting old contacts; the key is the digit a volunteer presses for it (or texts).
 */
export const WrapUpCodeSchema = z.object({
  id: z
    .string()
    .check(
      z.regex(
        /^[a-z][a-z0-9-]{0,31}$/,
        'must be a code id: a-z, 0-9 and -, starting with a letter, at most 32',
      ),
    ),
  key: z.string().check(z.regex(/^[0-9]$/, 'must be one keypad digit, 0 to 9')),
  label: z.object({ en: CodeLabelSchema, es: CodeLabelSchema }),
});
export type WrapUpCode = z.infer<typeof WrapUpCodeSchema>;

/** A list a volunteer can answer from the keypad: every id and every digit once. */
const codeList = z.array(WrapUpCodeSchema).check(
  z.maxLength(MAX_WRAP_UP_CODES, `must hold at most ${MAX_WRAP_UP_CODES} codes, one keypad digit each`),
  z.superRefine((codes, context) => {
    const seen = { id: new Set<string>(), key: new Set<string>() };
    codes.forEach((code, index) => {
      if (seen.id.has(code.id))
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `code id "${code.id}" is used twice`,
        });
      if (seen.key.has(code.key))
        context.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `keypad digit ${code.key} is used twice`,
        });
      seen.id.add(code.id);
      seen.key.add(code.key);
    });
  }),
);

/** What a volunteer records when a contact ends: codes only, never words about the person. */
export const WrapUpCodesSchema = z.object({
  /** Off: volunteers are not asked at all. */
  enabled: z.boolean(),
  topics: codeList,
  /** The kind of service a volunteer referred to; "none" is a code like any other. */
  referrals: codeList,
});
export type WrapUpCodes = z.infer<typeof WrapUpCodesSchema>;

export const LineSettingsSchema = z.object({
  lineNumber: E164Schema,
  crisisNumber: DialableSchema,
  crisisTextNumber: DialableSchema,
  /** Dialled when the crisis line is busy, does not answer or is refused (short codes are, on some routes). */
  crisisBackupNumber: z.optional(DialableSchema),
  clinicianNumber: E164Schema,
  coordinatorNumbers: z.array(E164Schema),
  timeZone: z.string().check(z.minLength(1)),
  hours: LineHoursSchema,
  ringGroupSize: z
    .number()
    .check(z.int(), z.gte(1, 'must ring at least one volunteer'), z.lte(10, 'Twilio rings at most 10')),
  offerRingSeconds: z.number().check(z.int(), z.gte(5), z.lte(60)),
  /** How long a whisper waits for the volunteer's key before counting as missed. */
  whisperSeconds: z.number().check(z.int(), z.gte(3), z.lte(20)),
  maxWaitSeconds: z.number().check(z.int(), z.gte(10), z.lte(3600)),
  overflow: OverflowSchema,
  missedOffersBeforePause: z.number().check(z.int(), z.gte(1), z.lte(20)),
  wrapUpSeconds: z.number().check(z.int(), z.gte(0), z.lte(600)),
  holdLoopSeconds: z.number().check(z.int(), z.gte(5), z.lte(120)),
  textInactivityMinutes: z.number().check(z.int(), z.gte(5), z.lte(24 * 60)),
  /**
   * How long a waiting text (and a caller's text-back request) waits for a peer before the line says honestly
   * that nobody could answer; texts that arrive while the line is closed count it from the opening.
   */
  textWaitMinutes: z.number().check(z.int(), z.gte(5), z.lte(24 * 60)),
  /** Ask the caller how they are before queueing, and scan the words for crisis language. */
  voiceIntake: z.boolean(),
  /** Whether ON by text outside a rostered slot puts a volunteer on shift. */
  allowOnOutsideRoster: z.boolean(),
  shiftReminderMinutes: z.number().check(z.int(), z.gte(0), z.lte(24 * 60)),
  /** Minutes a live caller number may stay sealed in state before it must be gone. */
  liveStateHours: z.number().check(z.int(), z.gte(1), z.lte(48)),
  /** The line's name in the standard greeting and the first text ("the warmline" when unset). */
  lineName: z.optional(LineNameSchema),
  greeting: z.optional(GreetingSchema),
  /** The on-call clinician's language for alerts and call-backs (never the texter's). */
  clinicianLanguage: z._default(LanguageSchema, 'en'),
  coordinatorLanguages: z._default(CoordinatorLanguagesSchema, {}),
  /** A short clip played (repeated) between hold messages, inside the gather so 1 and 9 still work; empty: none. */
  holdAudioUrl: z.optional(z.union([HoldAudioUrlSchema, z.literal('')])),
  /** The clip's length: the hold loop repeats it to fill each turn and to stop on time at the maximum wait. */
  holdAudioSeconds: z._default(HoldAudioSecondsSchema, MAX_HOLD_CLIP_SECONDS),
  /** Supervisors may listen in on live calls, read along live texts and be asked for SUPPORT. */
  supervisionEnabled: z._default(z.boolean(), true),
  /** Supervisors may also coach (be heard by the volunteer only); off: listening only. */
  coachingEnabled: z._default(z.boolean(), true),
  /** The anonymous text survey after a conversation; off unless coordinators turn it on. */
  survey: z._default(SurveySettingsSchema, DEFAULT_SURVEY),
  wrapUpCodes: z._default(WrapUpCodesSchema, DEFAULT_WRAP_UP_CODES),
});

export type LineSettings = z.infer<typeof LineSettingsSchema>;
export type Overflow = z.infer<typeof OverflowSchema>;
export type Greeting = z.infer<typeof GreetingSchema>;

/**
 * Coordinators' edits: any subset, validated field by field. The defaulted fields lose their defaults here,
 * or every edit would quietly reset them (a partial schema still fills defaults in).
 */
export const LineSettingsPatchSchema = z.extend(z.partial(LineSettingsSchema), {
  clinicianLanguage: z.optional(LanguageSchema),
  coordinatorLanguages: z.optional(CoordinatorLanguagesSchema),
  holdAudioSeconds: z.optional(HoldAudioSecondsSchema),
  supervisionEnabled: z.optional(z.boolean()),
  coachingEnabled: z.optional(z.boolean()),
  survey: z.optional(SurveySettingsSchema),
  wrapUpCodes: z.optional(WrapUpCodesSchema),
});
export type LineSettingsPatch = z.infer<typeof LineSettingsPatchSchema>;
