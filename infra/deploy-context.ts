// Deploy-time settings: one schema over CDK context, with clearly fake defaults so offline synth works.
//
// Context keys (pass with `npx cdk deploy --all -c key=value` or put them in cdk.context.json):
//   lineNumber            E.164 Twilio number callers dial and text          (fake default +15550100000)
//   clinicianNumber       E.164 on-call clinician for crisis escalations      (fake default +15550100001)
//   crisisNumber          number or short code the line hands crises to       (default 988)
//   crisisTextNumber      number or short code texters are pointed to         (default 988)
//   crisisBackupNumber    E.164 crisis number dialled when the first one fails (default none)
//   coordinatorNumbers    comma-separated E.164 numbers alerted when unstaffed (default none)
//   timezone              IANA zone for shifts and reports                    (default America/New_York)
//   twilioAccountSid      AC + 32 hex digits                                  (fake default AC000…0)
//   publicBaseUrl         base URL Twilio signs against when a custom domain fronts the API
//                         (default: the HTTP API's own execute-api URL)
//   logRetentionDays      CloudWatch log retention for every function and the API (default 30)
//   archiveRetentionDays  how long the event archive keeps events for replay (default 30)
//   alarmEmail            address subscribed to the alarm topic (default none: subscribe later)
//   webhookReservedConcurrency  concurrency reserved for the webhook function; 0 reserves none, for new
//                         accounts whose concurrency quota is still 10 (default 20)
//   webhookHeartbeatHours  alarm when no webhook at all arrives for this many hours, 1 to 24 (default 6)
//   authDomainPrefix      Cognito hosted sign-in domain prefix, unique per region (default warmline-example)
// Until real values are given, the stacks synthesise but the line is not usable: the fake numbers
// are in the 555-01xx range that is reserved for fiction.
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';
import { DialableSchema, E164Schema } from '../flows/phone-numbers.js';
import { TimeZoneSchema } from '../flows/setting-fields.js';

const logRetentions = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number');
const isLogRetention = (value: number): value is RetentionDays => logRetentions.includes(value);
const days = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// The number and timezone schemas are the Lambdas' zod/mini ones, which have no methods: wrapped by function.
export const DeployContextSchema = z.object({
  lineNumber: z._default(E164Schema, '+15550100000'),
  clinicianNumber: z._default(E164Schema, '+15550100001'),
  crisisNumber: z._default(DialableSchema, '988'),
  crisisTextNumber: z._default(DialableSchema, '988'),
  crisisBackupNumber: z.optional(DialableSchema),
  coordinatorNumbers: z
    .union([z.string(), z.array(z.string())])
    .default('')
    .transform((list) => (Array.isArray(list) ? list : list.split(',')).map((n) => n.trim()).filter(Boolean))
    .pipe(z.array(E164Schema)),
  timezone: z._default(TimeZoneSchema, 'America/New_York'),
  twilioAccountSid: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex digits)')
    .default(`AC${'0'.repeat(32)}`),
  publicBaseUrl: z
    .string()
    .url('must be an absolute https URL such as https://line.example.org')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  logRetentionDays: days(30).refine(isLogRetention, {
    message: `must be a CloudWatch retention such as 7, 14, 30, 90, 365 (one of ${logRetentions.join(', ')})`,
  }),
  archiveRetentionDays: days(30),
  alarmEmail: z.string().email('must be an email address').optional(),
  webhookReservedConcurrency: z.coerce.number().int().nonnegative().default(20),
  // CloudWatch caps an alarm's evaluated span at one day; a quiet line's nights are well under that.
  webhookHeartbeatHours: z.coerce
    .number()
    .int('must be a whole number of hours')
    .min(1, 'must be at least 1 hour')
    .max(24, 'must be at most 24 hours (CloudWatch evaluates an alarm over one day at most)')
    .default(6),
  authDomainPrefix: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lower-case letters, digits and hyphens')
    .default('warmline-example'),
});

export type DeployContext = z.infer<typeof DeployContextSchema>;

export class DeployContextError extends Error {
  override readonly name = 'DeployContextError';
}

/** Keys read from CDK context; anything else in the context belongs to CDK itself. */
export const deployContextKeys = Object.keys(DeployContextSchema.shape) as readonly (keyof DeployContext)[];

/** Parses the context values, naming every wrong key so a failed deploy says what to fix. */
export function parseDeployContext(read: (key: string) => unknown): DeployContext {
  const raw = Object.fromEntries(
    deployContextKeys.map((key) => [key, read(key)]).filter(([, v]) => v !== undefined),
  );
  const parsed = DeployContextSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `-c ${issue.path.join('.')}: ${issue.message}`);
    throw new DeployContextError(`Invalid CDK context:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
