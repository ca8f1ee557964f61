// Wrap-up codes on the volunteer's leg, after the call: one keypad entry, one webhook.
//
// Main course: the goodbye words -> one Gather (finishOnKey #, Twilio's default) asking for
// "topics * referral * safety #" -> the entry is read and written onto the contact log once -> "saved".
// Alternate courses: # alone or silence (the Gather falls through without calling us: "no codes saved"),
// a digit not on a list (asked once more, then let go), a replay or a second entry (the first stands), the
// volunteer did not have the call (never asked). The volunteer is already in wrap-up while typing: nothing
// here touches their state, so the dispatcher may offer them the next caller meanwhile.
//
// The volunteer is asked in the contact's language: the dispatcher only rings volunteers who speak it.
import type { WrapUpCodes } from '../line-settings.js';
import type { Contact } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import { hangup, type Language, say, type VoiceReply, type VoiceStep } from '../replies.js';
import { webhookTarget } from '../webhook-query.js';
import { codeListWords, readKeypadEntry, recordWrapUp } from '../wrap-up/wrap-up-answer.js';
import type { VoiceDeps } from './voice-deps.js';

/** Long enough for a dozen keys after the lists end; a trained volunteer types over the lists. */
const ENTRY_SECONDS = 10;
/** Room for every topic digit, two stars and the other two answers. */
const MAX_ENTRY_KEYS = 16;

/** Which contact the entry is for, and the language it is asked in; both ride in the Gather's URL. */
export interface WrapUpTarget {
  readonly contactId: string;
  readonly volunteerId: string;
  readonly language: Language;
}

/** Only the volunteer who answered the contact is asked, once, and only when the line uses codes. */
export function shouldAskWrapUp(
  contact: Contact | undefined,
  volunteerId: string,
  codes: WrapUpCodes,
): boolean {
  return (
    codes.enabled &&
    contact?.volunteerId === volunteerId &&
    contact.answeredAt !== undefined &&
    contact.wrapUpAt === undefined
  );
}

export function wrapUpCodeSteps(target: WrapUpTarget, codes: WrapUpCodes, retry = false): VoiceStep[] {
  const words = promptsFor(target.language);
  const ask = words.wrapUpAsk(
    codeListWords(codes.topics, target.language),
    codeListWords(codes.referrals, target.language),
  );
  return [
    {
      kind: 'gather',
      action: webhookTarget('wrapUpCodes', { ...target, ...(retry ? { retried: true } : {}) }),
      numDigits: MAX_ENTRY_KEYS,
      timeoutSeconds: ENTRY_SECONDS,
      prompts: [say(retry ? `${words.wrapUpNotUnderstood} ${ask}` : ask, target.language)],
    },
    // Pound alone and silence land here without a webhook: skipping costs nothing.
    say(words.wrapUpSkipped, target.language),
    hangup(),
  ];
}

/**
 * The Gather's action: the entry is read against the line's lists as they are now and written with one
 * conditional update (the settings read is the only other round trip).
 */
export async function handleWrapUpCodes(
  deps: VoiceDeps<'getLine' | 'updateContact'>,
  target: WrapUpTarget,
  digits: string | undefined,
  retried: boolean,
): Promise<VoiceReply> {
  const { settings } = await deps.store.getLine();
  const words = promptsFor(target.language);
  const goodbye = (text: string): VoiceReply => ({ steps: [say(text, target.language), hangup()] });
  const reading = readKeypadEntry(digits ?? '', settings.wrapUpCodes);
  if (reading === 'skip') return goodbye(words.wrapUpSkipped);
  if (reading === 'invalid')
    return retried
      ? goodbye(words.wrapUpSkipped)
      : { steps: wrapUpCodeSteps(target, settings.wrapUpCodes, true) };
  const outcome = await recordWrapUp(deps, { ...target, channel: 'voice' }, reading);
  return goodbye(outcome === 'recorded' ? words.wrapUpSaved : words.wrapUpAlready);
}
