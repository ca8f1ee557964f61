// What a caller hears when something inside the line fails: the crisis key, then another try, never silence.
//
// Main course: a webhook failed -> the caller hears the crisis number with "press 9" -> no key: the same
// webhook is tried again (the hold loop, or the greeting for a call we never stored).
// Alternate course: after a few failed tries in a row, a goodbye that repeats the crisis number, so a
// broken line cannot hold someone forever.
import { promptsFor, spokenTo, writtenTo } from '../prompts/prompts.js';
import type { ActionTarget, Language, SmsReply, VoiceReply } from '../replies.js';
import { hangup, say } from '../replies.js';
import { webhookTarget } from '../webhook-query.js';

/** Safe replies in a row before the caller is let go; each loop is about half a minute. */
export const MAX_TROUBLE_LOOPS = 4;

export interface TroubleContext {
  readonly crisisNumber: string;
  /** The caller's language when the failing webhook knew it; otherwise both are spoken. */
  readonly language?: Language | undefined;
  /** The caller's contact, when the failing webhook knew it. */
  readonly contactId?: string;
  /** How many safe replies this call has already had (carried in the action URLs as `t`). */
  readonly loops: number;
}

export function callerTroubleReply(context: TroubleContext): VoiceReply {
  const { crisisNumber, language, contactId, loops } = context;
  if (loops >= MAX_TROUBLE_LOOPS)
    return { steps: [...spokenTo(language, (words) => words.troubleGoodbye(crisisNumber)), hangup()] };
  const query = { contactId, crisisNumber, language, troubleLoops: loops + 1 };
  const retry: ActionTarget = webhookTarget(contactId ? 'voiceHold' : 'voiceIncoming', query);
  return {
    steps: [
      {
        kind: 'gather',
        action: webhookTarget('voiceHoldInput', query),
        numDigits: 1,
        timeoutSeconds: 5,
        prompts: spokenTo(language, (words) => words.technicalTrouble(crisisNumber)),
      },
      { kind: 'redirect', to: retry },
    ],
  };
}

/** A volunteer's leg failed: they are let go, and the caller stays in the queue for the next offer. */
export function volunteerTroubleReply(): VoiceReply {
  return { steps: [say(promptsFor('en').volunteerTrouble, 'en'), hangup()] };
}

/** `language` unknown (the failure came before the conversation was looked up): both, in one message. */
export function smsTroubleReply(
  crisisNumber: string,
  crisisTextNumber: string,
  language: Language | undefined,
): SmsReply {
  return {
    messages: [{ body: writtenTo(language, (words) => words.smsTrouble(crisisNumber, crisisTextNumber)) }],
  };
}
