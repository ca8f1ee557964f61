// Wrap-up codes by text: the ask a volunteer gets when a conversation ends, and their CODES answer.
//
// Main course: a conversation with a peer ends (the volunteer's END, the texter's STOP, the inactivity close)
// -> its tag is kept on the volunteer as "codes due" -> one text lists the codes -> `CODES A 1 3 R2 S0` ->
// one conditional update of the contact log -> "saved".
// Alternate courses: `CODES A SKIP` (nothing written; no longer due), an entry with a number on no list
// (explained, still due), a tag with nothing due (told so), a second CODES for the same conversation (the
// first stands), a replayed webhook (same MessageSid: answered once, nothing sent again). PASS is not an
// end for the passer: the conversation goes on, and whoever has it when it ends is asked.
// The ask and the replies are in the conversation's language: the line only offers it to peers who speak it.
import type { LineSettings } from '../line-settings.js';
import type { Contact, Volunteer } from '../model.js';
import { promptsFor } from '../prompts/prompts.js';
import type { Language, SmsReply } from '../replies.js';
import { codeListWords, readTextEntry, recordWrapUp } from '../wrap-up/wrap-up-answer.js';
import { REPLAY_WINDOW_SECONDS, type TextDeps } from './text-deps.js';

/** The ask for a conversation that has just ended with its peer, or nothing when the line does not use codes. */
export function wrapUpAskText(
  settings: Pick<LineSettings, 'wrapUpCodes'>,
  contact: Contact,
): string | undefined {
  const codes = settings.wrapUpCodes;
  if (!codes.enabled || !contact.volunteerId || contact.status !== 'connected') return undefined;
  const lists = listWords(settings, contact.language);
  return promptsFor(contact.language).wrapUpTextAsk(contact.tag ?? '?', lists.topics, lists.referrals);
}

const listWords = (settings: Pick<LineSettings, 'wrapUpCodes'>, language: Language) => ({
  topics: codeListWords(settings.wrapUpCodes.topics, language),
  referrals: codeListWords(settings.wrapUpCodes.referrals, language),
});

const reply = (body: string): SmsReply => ({ messages: [{ body }] });

export async function answerWrapUpCodes(
  deps: TextDeps<'firstTime' | 'getContact' | 'getLine' | 'updateContact' | 'updateVolunteer'>,
  volunteer: Volunteer,
  command: { readonly tag?: string; readonly entry: string },
  messageSid: string,
): Promise<SmsReply> {
  const due = volunteer.wrapUpDue ?? {};
  const tags = Object.keys(due);
  // Without a tag, the one conversation waiting for codes is meant; with several, the volunteer must say which.
  const tag = command.tag ?? (tags.length === 1 ? tags[0] : undefined);
  const contactId = tag ? due[tag] : undefined;
  if (!tag || !contactId) return reply(promptsFor('en').wrapUpTextNothingDue(command.tag));
  if (!(await deps.store.firstTime(`codes#${messageSid}`, REPLAY_WINDOW_SECONDS))) return { messages: [] };
  const [{ settings }, contact] = await Promise.all([deps.store.getLine(), deps.store.getContact(contactId)]);
  const words = promptsFor(contact?.language ?? 'en');
  const reading = readTextEntry(command.entry, settings.wrapUpCodes);
  if (reading === 'invalid') {
    const lists = listWords(settings, contact?.language ?? 'en');
    return reply(words.wrapUpTextNotUnderstood(tag, lists.topics, lists.referrals));
  }
  const outcome =
    reading === 'skip'
      ? 'skipped'
      : await recordWrapUp(deps, { contactId, channel: 'sms', volunteerId: volunteer.volunteerId }, reading);
  // No longer due either way; a lost race with another change to the volunteer only leaves a stale entry,
  // which a later CODES finds already answered.
  await deps.store.updateVolunteer(volunteer.volunteerId, {
    expectVersion: volunteer.version,
    set: { wrapUpDue: Object.fromEntries(Object.entries(due).filter(([t]) => t !== tag)) },
  });
  if (outcome === 'skipped') return reply(words.wrapUpTextSkipped(tag));
  return reply(outcome === 'recorded' ? words.wrapUpTextSaved(tag) : words.wrapUpTextAlready(tag));
}
