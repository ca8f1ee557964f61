// The on-call clinician's side: "CALL <ref>" connects them by phone with a texter, each seeing only the line.
//
// Main course: an escalation alert carries a reference -> the clinician texts CALL <ref> -> ClinicianCallRequested
// -> the dispatcher rings the clinician from the line -> on answer the line dials the texter (voice flow
// clinician-bridge.ts). Alternate courses: an unknown or expired reference (a clear reply, nothing dialled);
// any other text from the clinician (how to use CALL).
import { clinicianTexts } from '../prompts/volunteer-texts.js';
import type { SmsReply } from '../replies.js';
import type { IncomingText, TextDeps } from './text-deps.js';

const CALL = /^\s*call\s+([a-z0-9]{6})\s*[.!]?\s*$/i;

export function isClinician(deps: TextDeps<never>, from: string): boolean {
  return from === deps.defaults.clinicianNumber;
}

export async function handleClinicianText(
  deps: TextDeps<'getEscalationRef' | 'getLine'>,
  text: IncomingText,
): Promise<SmsReply> {
  const reference = CALL.exec(text.body)?.[1]?.toUpperCase();
  const { settings } = await deps.store.getLine();
  const words = clinicianTexts[settings.clinicianLanguage];
  if (!reference) return { messages: [{ body: words.help }] };
  const ref = await deps.store.getEscalationRef(reference);
  if (!ref || ref.liveUntil <= deps.clock.now())
    return { messages: [{ body: words.unknownReference(reference) }] };
  await deps.events.publish([{ type: 'ClinicianCallRequested', reference, requestId: text.messageSid }]);
  return { messages: [{ body: words.calling(reference) }] };
}
