// What coordinators may send the admin API: every body and query validated here, field by field.
import * as z from 'zod';
import { LineSettingsPatchSchema } from '../line-settings.js';
import { LocalDateSchema, RosterSchema } from '../roster/roster-schema.js';
import { TimeZoneSchema } from '../setting-fields.js';
import { codeIssue, type IssueCode } from './issue-codes.js';

export const LanguageSchema = z.enum(['en', 'es'], { error: 'must be a language the line serves: en or es' });

const VersionSchema = z
  .number({ error: 'must be the version you last read (a whole number)' })
  .int('must be a whole number')
  .min(0, 'must not be negative');

/** The phone is checked and normalised separately (normalisePhone), so the message names the real problem. */
export const VolunteerInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  phone: z.string().trim().min(1, 'must not be empty'),
  languages: z.array(LanguageSchema).min(1, 'must list at least one language'),
  active: z.boolean().default(true),
  maxTextSessions: z.number().int('must be a whole number').min(0).max(10).default(3),
  notes: z.string().max(1000, 'must be at most 1000 characters').optional(),
  /** May listen in on and coach live calls, and is texted when a volunteer asks for SUPPORT. */
  supervisor: z.boolean({ error: 'must be true or false' }).default(false),
});
export type VolunteerInput = z.infer<typeof VolunteerInputSchema>;

export const VolunteerPatchSchema = VolunteerInputSchema.partial()
  .extend({ version: VersionSchema })
  .strict();
export type VolunteerPatch = z.infer<typeof VolunteerPatchSchema>;

export const VersionOnlySchema = z.object({ version: VersionSchema });

export const RosterPutSchema = z.object({
  version: VersionSchema,
  weekly: RosterSchema.shape.weekly,
  overrides: RosterSchema.shape.overrides,
});

export const ConfirmSettingsBodySchema = z.object({ id: z.string().min(1) }).strict();

export const SettingsPatchBodySchema = z.object({
  version: VersionSchema,
  // The stored settings only require some text; an edit must name a timezone the calendar can use. The patch
  // schema is a zod/mini object, which has no .extend(): its shape goes into a classic strict object instead.
  settings: z.strictObject({ ...LineSettingsPatchSchema.shape, timeZone: z.optional(TimeZoneSchema) }),
});

/** The console's Listen / Coach buttons: which live call, which supervisor the line rings, and how they join. */
export const SupervisionBodySchema = z
  .object({
    contactId: z.string().min(1, 'must name a live call from the board'),
    supervisorId: z.string().min(1, 'must name the supervisor the line should call'),
    mode: z.enum(['listen', 'coach'], { error: 'must be listen or coach' }),
  })
  .strict();

export const BlockCallerSchema = z.object({
  contactId: z.string().min(1, 'must name a contact from the log'),
  reason: z.string().max(200, 'must be at most 200 characters').optional(),
});

/** Inclusive local dates in the line's timezone; at most about a year, so a report stays a few queries. */
export const DateRangeSchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema })
  .refine((range) => range.from <= range.to, { error: 'must not be before from', path: ['to'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 400 * 86_400_000, {
    error: 'the range may span at most 400 days',
    path: ['to'],
  });
export type DateRange = z.infer<typeof DateRangeSchema>;

export const DevLoginSchema = z.object({
  email: z.string().trim().email('must be an email address').default('coordinator@localhost'),
});

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  /** Stable for the console to word in its own language (issue-codes.ts); the responses add it if absent. */
  readonly code?: IssueCode;
  readonly params?: Readonly<Record<string, string>>;
}

/** zod's issues as `{ path: "weekly.0.end", message, code }`, the shape every 400 carries. */
export function fieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
    ...codeIssue(issue.message, issue as { code: string; minimum?: unknown; maximum?: unknown }),
  }));
}
