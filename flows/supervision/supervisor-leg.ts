// A supervisor's leg has ended (they hung up, or never answered): said on the bus for the audit log. The
// caller's and the volunteer's legs are not looked at: a supervisor leaving changes nothing for them.
import type { VoiceDeps } from '../voice/voice-deps.js';
import type { SupervisionMode } from './listen-in.js';

const ENDED = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

export async function handleSupervisorLegStatus(
  deps: Pick<VoiceDeps, 'events'>,
  leg: { contactId: string; supervisorId: string; mode: SupervisionMode; callSid: string; status: string },
): Promise<void> {
  if (!ENDED.has(leg.status)) return;
  const { mode } = leg;
  await deps.events.publish([
    {
      type: 'SupervisionEnded',
      contactId: leg.contactId,
      channel: 'voice',
      supervisorId: leg.supervisorId,
      mode,
      callSid: leg.callSid,
      joined: leg.status === 'completed',
    },
  ]);
}
