// Twilio's Debugger webhook: an error Twilio saw on our account, logged as its code alone for the alarm to count.
//
// Main course: a signed form post with Level and a JSON Payload -> one log line naming the error code and
// level, which the stack's metric filter counts and alarms on. Alternate course: a Payload that is not JSON or
// has no numeric error_code is still counted, as code "unknown", because Twilio saw something go wrong.
// The Payload carries the failed request (numbers, message bodies, call SIDs): nothing from it but the code
// is read, so nothing else can reach a log line.

/** The exact message the metric filter matches; infra imports it so the two cannot drift apart. */
export const TWILIO_ERROR_LOG_MESSAGE = 'twilio reported an error';

export interface TwilioErrorReport {
  /** Twilio's numeric error code, such as "11200" (the webhook failed), or "unknown". */
  readonly twilioErrorCode: string;
  /** Not "level": a log line's own level field would be overwritten by it. */
  readonly twilioLevel: 'error' | 'warning' | 'unknown';
}

/** Reads only the code and level from a Debugger webhook's fields. */
export function readTwilioErrorReport(params: Readonly<Record<string, string>>): TwilioErrorReport {
  return { twilioErrorCode: errorCodeOf(params.Payload), twilioLevel: levelOf(params.Level) };
}

function errorCodeOf(payload: string | undefined): string {
  try {
    const parsed: unknown = JSON.parse(payload ?? '');
    const code =
      typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'error_code') : undefined;
    // Twilio's codes are five digits; anything else is not a code and might be something we must not log.
    return /^\d{5}$/.test(String(code)) ? String(code) : 'unknown';
  } catch {
    return 'unknown';
  }
}

function levelOf(level: string | undefined): TwilioErrorReport['twilioLevel'] {
  const lower = level?.toLowerCase();
  return lower === 'error' || lower === 'warning' ? lower : 'unknown';
}
