// A volunteer's wrap-up codes: read from a keypad entry or a text, and written once onto the contact log.
//
// Main course: "13*2*0" (keypad) or "1 3 R2 S0" (text) -> topics 1 and 3, referral 2, no safety concern ->
// one conditional update of the contact: only its own volunteer, only while no codes are recorded.
// Alternate courses: nothing entered (a skip: nothing is written), a digit no code has (not understood: asked
// again, nothing written), a replay or a second entry (the first one stands: nothing is overwritten), a
// volunteer who did not have the contact, or a passed-on conversation (refused, nothing written).
import type { WrapUpCode, WrapUpCodes } from '../line-settings.js';
import type { Channel } from '../model.js';
import type { Clock, ContactStore, EventPublisher } from '../ports.js';
import type { Language } from '../replies.js';

export interface WrapUpAnswer {
  readonly topics: readonly string[];
  readonly referral?: string;
  readonly safetyConcern?: boolean;
}

export type WrapUpReading = WrapUpAnswer | 'skip' | 'invalid';

/** Keypad: topic digits, `*`, one referral digit, `*`, 1 or 0 for a safety concern; any part may be empty. */
export function readKeypadEntry(digits: string, codes: WrapUpCodes): WrapUpReading {
  const parts = digits.split('*');
  if (parts.length > 3) return 'invalid';
  const [topicDigits = '', referralDigit = '', safetyDigit = ''] = parts;
  return answerFrom([...topicDigits], referralDigit, safetyDigit, codes);
}

/** Text: topic numbers ("1 3" or "13"), R and the referral digit, S1 or S0; or SKIP. */
export function readTextEntry(entry: string, codes: WrapUpCodes): WrapUpReading {
  const words = entry
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length === 1 && words[0]?.toLowerCase() === 'skip') return 'skip';
  const topicDigits: string[] = [];
  let referral = '';
  let safety = '';
  for (const word of words) {
    if (/^\d+$/.test(word)) topicDigits.push(...word);
    else if (/^r\d$/i.test(word) && !referral) referral = word.slice(1);
    else if (/^s[01]$/i.test(word) && !safety) safety = word.slice(1);
    else return 'invalid';
  }
  if (words.length === 0) return 'invalid';
  return answerFrom(topicDigits, referral, safety, codes);
}

function answerFrom(
  topicDigits: readonly string[],
  referralDigit: string,
  safetyDigit: string,
  codes: WrapUpCodes,
): WrapUpReading {
  const topics: string[] = [];
  for (const digit of topicDigits) {
    const id = idOfKey(codes.topics, digit);
    if (!id) return 'invalid';
    if (!topics.includes(id)) topics.push(id);
  }
  const referral = referralDigit ? idOfKey(codes.referrals, referralDigit) : undefined;
  if (referralDigit && (referralDigit.length !== 1 || !referral)) return 'invalid';
  if (safetyDigit !== '' && safetyDigit !== '0' && safetyDigit !== '1') return 'invalid';
  if (topics.length === 0 && !referral && safetyDigit === '') return 'skip';
  return {
    topics,
    ...(referral ? { referral } : {}),
    ...(safetyDigit ? { safetyConcern: safetyDigit === '1' } : {}),
  };
}

const idOfKey = (list: readonly WrapUpCode[], key: string): string | undefined =>
  list.find((code) => code.key === key)?.id;

export interface RecordWrapUpDeps {
  readonly store: Pick<ContactStore, 'updateContact'>;
  readonly clock: Clock;
  readonly events: EventPublisher;
}

/**
 * One conditional write: the contact's own volunteer, no codes yet. 'already' covers a replay, a second
 * entry and someone who never had the contact: in each case the log is left as it was.
 */
export async function recordWrapUp(
  deps: RecordWrapUpDeps,
  target: { readonly contactId: string; readonly channel: Channel; readonly volunteerId: string },
  answer: WrapUpAnswer,
): Promise<'recorded' | 'already'> {
  const recorded = await deps.store.updateContact(target.contactId, {
    channel: target.channel,
    expectVolunteerId: target.volunteerId,
    expectAbsent: ['wrapUpAt'],
    set: {
      topics: [...answer.topics],
      ...(answer.referral ? { referral: answer.referral } : {}),
      ...(answer.safetyConcern === undefined ? {} : { safetyConcern: answer.safetyConcern }),
      wrapUpAt: deps.clock.now(),
    },
  });
  if (!recorded) return 'already';
  await deps.events.publish([
    {
      type: 'WrapUpRecorded',
      contactId: target.contactId,
      channel: target.channel,
      topics: [...answer.topics],
      ...(answer.referral ? { referral: answer.referral } : {}),
      ...(answer.safetyConcern === undefined ? {} : { safetyConcern: answer.safetyConcern }),
    },
  ]);
  return 'recorded';
}

/** "1 loneliness, 2 anxiety": each code's digit and its label in the volunteer's language. */
export function codeListWords(list: readonly WrapUpCode[], language: Language): string {
  return [...list]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((code) => `${code.key} ${code.label[language]}`)
    .join(', ');
}
