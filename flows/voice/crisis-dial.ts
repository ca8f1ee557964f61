// The caller's crisis path: dial the crisis line from the line's number, needing nothing but configuration.
import { promptsFor } from '../prompts/prompts.js';
import type { Language, VoiceReply } from '../replies.js';
import { hangup, say } from '../replies.js';

export const CRISIS_KEY = '9';

export function crisisDialReply(crisisNumber: string, lineNumber: string, language: Language): VoiceReply {
  return {
    steps: [
      say(promptsFor(language).connectingCrisis, language),
      { kind: 'dial-number', number: crisisNumber, callerId: lineNumber },
      hangup(),
    ],
  };
}

/** The crisis number travels in the signed action URLs, so pressing 9 never waits on a store read. */
export function crisisNumberFrom(query: URLSearchParams, fallback: string): string {
  const carried = query.get('cn');
  return carried && /^(\+[1-9]\d{6,14}|\d{3,8})$/.test(carried) ? carried : fallback;
}
