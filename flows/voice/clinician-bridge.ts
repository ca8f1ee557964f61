// The clinician's call-back leg: once they answer, the line dials the texter from its own number.
import { clinicianTexts } from '../prompts/volunteer-texts.js';
import type { VoiceReply } from '../replies.js';
import { hangup, say } from '../replies.js';
import type { VoiceDeps } from './voice-deps.js';

export async function handleClinicianBridge(
  deps: VoiceDeps,
  reference: string,
  lineNumber: string,
): Promise<VoiceReply> {
  const ref = await deps.store.getEscalationRef(reference);
  if (!ref || ref.liveUntil <= deps.clock.now())
    return { steps: [say(clinicianTexts.expired, 'en'), hangup()] };
  return {
    steps: [
      say(clinicianTexts.connecting, 'en'),
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
