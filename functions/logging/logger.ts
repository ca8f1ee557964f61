// Structured JSON logs with redaction: phone numbers and message bodies never reach a log line.
import type { Log } from '../../flows/ports.js';

type Fields = Record<string, string | number | boolean | undefined>;

/** Field names whose values are words or numbers of people, whatever they contain. */
const SENSITIVE_FIELD =
  /^(body|text|message_?body|from|to|phone|number|caller|called|speech|speechresult|digits)$/i;
/** E.164, %2B-encoded E.164, and runs of 7+ digits with common separators. */
const PHONE_LIKE = /(\+|%2B)\d{6,15}|\b\d(?:[\s().-]*\d){6,}\b/gi;

export const REDACTED = '[redacted]';

/** Calendar dates (2026-11-22) have seven or more digits too, and no number is written that way. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function redactText(text: string): string {
  return text.replace(PHONE_LIKE, (match) => (DATE.test(match) ? match : '[number]'));
}

export function redactFields(fields: Fields | undefined): Fields {
  const clean: Fields = {};
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (value === undefined) continue;
    clean[name] = SENSITIVE_FIELD.test(name)
      ? REDACTED
      : typeof value === 'string'
        ? redactText(value)
        : value;
  }
  return clean;
}

export function createLogger(options: {
  service: string;
  level?: 'info' | 'warn' | 'error';
  write?: (line: string) => void;
}): Log {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const order = { info: 0, warn: 1, error: 2 } as const;
  const min = order[options.level ?? 'info'];
  const emit = (level: keyof typeof order) => (message: string, fields?: Fields) => {
    if (order[level] < min) return;
    write(
      JSON.stringify({
        level,
        time: new Date().toISOString(),
        service: options.service,
        message: redactText(message),
        ...redactFields(fields),
      }),
    );
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
