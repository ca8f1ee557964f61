// The clinician's call-back leg: once they answer, the line dials the texter from its own number.
import { clinicianTexts } from '../prompts/volunteer-texts.js';
import type { VoiceReply } from '../replies.js';
import { hangup, say } from '../replies.js';
import type { VoiceDeps } from './voice-deps.js';

/** Longer than an escalation reference lives (the line's live-state hours, at most 48). */
const BRIDGE_ONCE_SECONDS = 3 * 86_400;

export async function handleClinicianBridge(
  deps: VoiceDeps<'firstTime' | 'getEscalationRef'>,
  reference: string,
  lineNumber: string,
): Promise<VoiceReply> {
  const language = deps.defaults.clinicianLanguage;
  const words = clinicianTexts[language];
  const ref = await deps.store.getEscalationRef(reference);
  const expired = { steps: [say(words.expired, language), hangup()] };
  if (!ref || ref.liveUntil <= deps.clock.now()) return expired;
  // Used once: a replayed request (signed, so replayable forever) must not dial the texter's number again.
  if (!(await deps.store.firstTime(`clinician-bridge#${reference}`, BRIDGE_ONCE_SECONDS))) return expired;
  return {
    steps: [
      say(words.connecting, language),
      {
        kind: 'dial-number',
        number: deps.vault.open(ref.callerSealed),
        callerId: lineNumber,
        timeoutSeconds: 45,
      },
      hangup(),
    ],
  };
}
