// The runtime configuration: every setting read from the environment, parsed once with one schema.

import { DialableSchema, E164Schema } from '../flows/phone-numbers.js';
import { HoldAudioUrlSchema, TimeZoneSchema } from '../flows/setting-fields.js';
import * as z from '../flows/zod-mini.js';

const optionalUrl = z.optional(
  z.string().check(z.url('must be an absolute URL such as https://api.example.org')),
);
const PositiveWholeSchema = z.coerce.number().check(z.int(), z.positive());
const positive = (fallback: number) => z._default(PositiveWholeSchema, fallback);

export const RuntimeConfigSchema = z.object({
  PUBLIC_BASE_URL: z.pipe(
    z
      .string()
      .check(
        z.url(
          'must be the absolute base URL Twilio posts to, such as https://abc.execute-api.eu-west-1.amazonaws.com',
        ),
      ),
    z.transform((url: string) => url.replace(/\/+$/, '')),
  ),
  TWILIO_ACCOUNT_SID: z
    .string()
    .check(z.regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex digits)')),
  /** Local runs pass the token itself; in AWS the secret's ARN is passed and read at cold start. */
  TWILIO_AUTH_TOKEN: z.optional(z.string().check(z.minLength(8, 'must be the Twilio auth token'))),
  TWILIO_AUTH_TOKEN_SECRET_ARN: z.optional(z.string()),
  TWILIO_API_BASE: optionalUrl,
  CALLER_KEY_PEPPER: z.optional(
    z.string().check(z.minLength(16, 'must be at least 16 characters of secret')),
  ),
  CALLER_KEY_PEPPER_SECRET_ARN: z.optional(z.string()),
  SESSION_KEY: z.optional(
    z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 32 bytes as 64 lower-case hex digits')),
  ),
  SESSION_KEY_SECRET_ARN: z.optional(z.string()),
  TABLE_NAME: z.string().check(z.minLength(3, 'must name the DynamoDB table')),
  EVENT_BUS_NAME: z.string().check(z.minLength(1, 'must name the EventBridge bus')),
  DYNAMODB_ENDPOINT: optionalUrl,
  EVENTBRIDGE_ENDPOINT: optionalUrl,
  AWS_REGION: z._default(z.string(), 'us-east-1'),
  LINE_NUMBER: E164Schema,
  CRISIS_NUMBER: z._default(DialableSchema, '988'),
  CRISIS_TEXT_NUMBER: z._default(DialableSchema, '988'),
  /** A second crisis number (E.164: carriers refuse short codes on some routes); unset: none. */
  CRISIS_BACKUP_NUMBER: z.optional(DialableSchema),
  /** The hold clip callers hear between hold messages until a coordinator sets another; unset: quiet. */
  HOLD_AUDIO_URL: z.optional(HoldAudioUrlSchema),
  CLINICIAN_NUMBER: E164Schema,
  COORDINATOR_NUMBERS: z.pipe(
    z.pipe(
      z._default(z.string(), ''),
      z.transform((list: string) =>
        list
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      ),
    ),
    z.array(E164Schema),
  ),
  // Checked at start-up: a misspelt zone would otherwise pass and fail every call on the first hours check.
  LINE_TIMEZONE: z._default(TimeZoneSchema, 'America/New_York'),
  /** Deadline for each attempt of a store call; two attempts stay inside the webhook's 3 s deadline. */
  STORE_TIMEOUT_MS: positive(1000),
  STORE_MAX_ATTEMPTS: positive(2),
  /** A whole store call, retries included: inside the deadline, with time left to answer. */
  STORE_DEADLINE_MS: positive(2000),
  /** EventBridge: per attempt, attempts, and the whole publish with its resends of failed entries. */
  BUS_TIMEOUT_MS: positive(500),
  BUS_MAX_ATTEMPTS: positive(2),
  BUS_DEADLINE_MS: positive(1000),
});

export type RuntimeConfig = z.infer<typeof RuntimeConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment, naming every wrong setting; called once at cold start. */
export function parseRuntimeConfig(env: Record<string, string | undefined>): RuntimeConfig {
  const parsed = RuntimeConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data;
  requireOneOf(config, 'TWILIO_AUTH_TOKEN', 'TWILIO_AUTH_TOKEN_SECRET_ARN');
  requireOneOf(config, 'CALLER_KEY_PEPPER', 'CALLER_KEY_PEPPER_SECRET_ARN');
  requireOneOf(config, 'SESSION_KEY', 'SESSION_KEY_SECRET_ARN');
  return config;
}

function requireOneOf(config: RuntimeConfig, value: keyof RuntimeConfig, arn: keyof RuntimeConfig): void {
  if (config[value] === undefined && config[arn] === undefined) {
    throw new ConfigError(
      `Invalid configuration:\n  ${value}: set it, or ${arn} to read it from Secrets Manager`,
    );
  }
}
