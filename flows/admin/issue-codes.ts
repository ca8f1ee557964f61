// Stable codes for the admin API's errors, beside the English message API clients read: the console words
// them in its own language from the code and its values, and the English message stays free to improve.
//
// A message is coded by matching the wording its schema or route writes (one table, next to the schemas it
// names); a zod message of its own is coded by zod's issue kind; anything else is "invalid", and the console
// then shows the English message as it is.

export const ISSUE_CODES = [
  'invalid',
  'json',
  'required',
  'too-long',
  'too-small',
  'too-big',
  'wrong-type',
  'unknown-field',
  'whole-number',
  'whole-number-range',
  'boolean',
  'email',
  'version',
  'phone-e164',
  'phone-dialable',
  'phone-format',
  'phone-not-in-use',
  'phone-taken',
  'phone-needed',
  'phone-same-as-row',
  'timezone',
  'time',
  'end-time',
  'time-range-empty',
  'date',
  'date-range-order',
  'date-range-long',
  'weekday',
  'language',
  'language-unknown',
  'languages-required',
  'markup',
  'ring-group-min',
  'ring-group-max',
  'volunteer-unknown',
  'volunteer-id-format',
  'duplicate-row',
  'shift-duplicate-id',
  'shift-unknown',
  'shift-weekday',
  'swap-same',
  'extra-duplicate-id',
  'override-kind',
  'csv-empty',
  'csv-no-column',
  'contact-unknown',
  'contact-withheld',
  'survey-question-id',
  'survey-question-kind',
  'survey-question-count',
  'survey-question-ids-differ',
  'code-id-format',
  'code-key',
  'code-list-max',
  'code-duplicate-id',
  'code-duplicate-key',
  // Whole-request errors (the body's `code`), not tied to a field.
  'conflict',
  'not-found',
  'volunteer-exists',
  'own-proposal',
  'no-pending-change',
  'supervision-off',
  'coaching-off',
  'not-supervisor',
  'call-not-live',
  'call-is-text',
  'call-not-connected',
  'server-error',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface IssueCoding {
  readonly code: IssueCode;
  /** Values the wording needs ("max", "row", "date"...), taken from the message. */
  readonly params?: Readonly<Record<string, string>>;
}

/** The wordings the schemas (roster-schema, line-settings, admin-schemas), CSV readers and routes write. */
const WORDINGS: readonly (readonly [IssueCode, RegExp])[] = [
  ['json', /^must be JSON$/],
  [
    'required',
    /^(must not be empty|must name the (shift|volunteer|extra slot|volunteer who covers)|must name a contact from the log)$/,
  ],
  ['too-long', /^must be at most (?<max>\d+) characters$/],
  ['whole-number', /^must be a whole number$/],
  ['whole-number-range', /^must be a whole number from (?<min>\d+) to (?<max>\d+)$/],
  ['boolean', /^must be true or false$/],
  ['email', /^must be an email address$/],
  ['version', /^must be the version you last read/],
  ['phone-e164', /^must be an E\.164 phone number/],
  ['phone-dialable', /^must be an E\.164 number or a short code/],
  ['phone-format', /^must be a phone number, such as/],
  ['phone-not-in-use', /^is not a number in use in its country/],
  ['phone-taken', /^is already the number of another volunteer$/],
  ['phone-needed', /^a new volunteer needs their full phone number$/],
  ['phone-same-as-row', /^is the same number as row (?<row>\d+)$/],
  ['timezone', /^must be an IANA timezone/],
  ['time', /^must be a 24-hour time "HH:MM" between 00:00 and 23:59$/],
  ['end-time', /^must be a 24-hour time "HH:MM" between 00:00 and 24:00$/],
  ['time-range-empty', /^end must differ from start/],
  ['date', /^must be a calendar date/],
  ['date-range-order', /^must not be before from$/],
  ['date-range-long', /^the range may span at most (?<days>\d+) days$/],
  ['weekday', /^must be a weekday/],
  ['language', /^must be a language the line serves/],
  ['language-unknown', /^"(?<word>[^"]*)" is not a language the line serves/],
  ['languages-required', /^must list at least one language$/],
  ['markup', /^must not contain < or >/],
  ['ring-group-min', /^must ring at least one volunteer$/],
  ['ring-group-max', /^Twilio rings at most (?<max>\d+)$/],
  ['volunteer-unknown', /^no volunteer has id "(?<id>[^"]*)"$/],
  ['volunteer-id-format', /^must be letters, digits, - or _/],
  ['duplicate-row', /^is also on row (?<row>\d+)$/],
  ['shift-duplicate-id', /^shift id "(?<id>[^"]*)" is used twice$/],
  ['shift-unknown', /^shift "(?<id>[^"]*)" is not in the weekly roster$/],
  ['shift-weekday', /^(?<date>\S+) is a (?<weekday>\w+), but that shift is on (?<day>\w+)s$/],
  ['swap-same', /^a swap needs two different occurrences$/],
  ['extra-duplicate-id', /^extra slot id "(?<id>[^"]*)" is already used/],
  ['override-kind', /^kind must be one of/],
  ['csv-empty', /^the file is empty$/],
  ['csv-no-column', /^the header has no "(?<column>[^"]*)" column$/],
  ['contact-unknown', /^no contact in the log has this id$/],
  ['contact-withheld', /^this caller withheld their number/],
  ['survey-question-id', /^must be a short id of lower-case letters/],
  ['survey-question-kind', /^must be scale1to5 \(1 to 5\) or yesNo/],
  ['survey-question-count', /^a survey needs 2 or 3 questions$/],
  ['survey-question-ids-differ', /^question ids must differ$/],
  ['code-id-format', /^must be a code id/],
  ['code-key', /^must be one keypad digit/],
  ['code-list-max', /^must hold at most (?<max>\d+) codes/],
  ['code-duplicate-id', /^code id "(?<id>[^"]*)" is used twice$/],
  ['code-duplicate-key', /^keypad digit (?<key>\d) is used twice$/],
];

/** zod's own kinds of issue, for messages no schema here wrote. */
const ZOD_KINDS: Readonly<Record<string, IssueCode>> = {
  too_small: 'too-small',
  too_big: 'too-big',
  invalid_type: 'wrong-type',
  unrecognized_keys: 'unknown-field',
};

/** The code and values of a message; `zodIssue` codes the messages zod wrote itself. */
export function codeIssue(
  message: string,
  zodIssue?: { code: string; minimum?: unknown; maximum?: unknown },
): IssueCoding {
  for (const [code, pattern] of WORDINGS) {
    const match = pattern.exec(message);
    if (match) return match.groups ? { code, params: { ...match.groups } } : { code };
  }
  const kind = zodIssue ? ZOD_KINDS[zodIssue.code] : undefined;
  if (!kind || !zodIssue) return { code: 'invalid' };
  const bound = kind === 'too-small' ? zodIssue.minimum : kind === 'too-big' ? zodIssue.maximum : undefined;
  return bound === undefined ? { code: kind } : { code: kind, params: { limit: String(bound) } };
}
