// A warm transfer's crisis leg: how it ended decides who keeps the caller company.
//
// Main course: the volunteer presses star then 1 -> the dispatcher rings the crisis line into the caller's room
// with a status callback -> the counsellor joins -> later hangs up -> its `completed` callback lands here: the
// contact records that the crisis line has left, and CrisisLegEnded tells the dispatcher, which sends the caller
// to the crisis options if the volunteer has gone too (they stay in the room with the volunteer otherwise).
// Alternate courses: busy, no answer or failed (the counsellor never joined: the volunteer, if still there, is
// told and put back with the caller; a caller left alone gets the backup crisis number, then 9 again); the caller
// has already gone (nothing to do); a replayed or repeated callback (keyed on the leg's CallSid: done once).
import { promptsFor } from '../prompts/prompts.js';
import type { VoiceReply } from '../replies.js';
import type { VoiceDeps } from './voice-deps.js';
import { joinConference } from './volunteer-call.js';

const FINAL_CALL_STATUSES = new Set(['completed', 'busy', 'no-answer', 'canceled', 'failed']);
/** Status callbacks of one leg come within minutes; a day outlives any replay that matters. */
const LEG_MARKER_SECONDS = 86_400;

export async function handleCrisisLegStatus(
  deps: VoiceDeps<'firstTime' | 'forget' | 'updateContact'>,
  contactId: string,
  legSid: string,
  callStatus: string,
): Promise<void> {
  if (!FINAL_CALL_STATUSES.has(callStatus)) return;
  const key = `crisis-leg#${legSid}`;
  if (!(await deps.store.firstTime(key, LEG_MARKER_SECONDS))) return;
  try {
    const at = deps.clock.now();
    // Only a `completed` leg was ever answered; every other final status means the counsellor never joined.
    const joined = callStatus === 'completed';
    const recorded = await deps.store.updateContact(contactId, {
      channel: 'voice',
      expectStatus: ['connected'],
      set: { crisisLegEnded: { joined, at } },
    });
    if (!recorded) return; // the caller's leg has ended: nobody is left to look after
    await deps.events.publish([{ type: 'CrisisLegEnded', contactId, channel: 'voice', joined, at }]);
  } catch (error) {
    // Twilio does not resend a status callback: unmark, so a replay (or the same callback retried) can do it.
    await deps.store.forget(key).catch(() => undefined);
    throw error;
  }
}

/** The volunteer was still with the caller when the crisis line failed to join: told, and put back in the room. */
export function warmTransferUnreachedReply(contactId: string, volunteerId: string): VoiceReply {
  return joinConference(contactId, volunteerId, promptsFor('en').warmTransferUnreached);
}
