// A crisis text: the texter gets the crisis line's options and the clinician an alert, in one reply.
//
// Main course: the detector flags a message -> the reply carries two messages (texter, clinician) and is
// returned before any bookkeeping, so it needs neither the store nor the bus.
// Alternate course: the bookkeeping (the escalation record, ContactEscalated) fails -> logged, reply unchanged.
import { createHash } from 'node:crypto';
import type { LineSettings } from '../line-settings.js';
import { promptsFor } from '../prompts/prompts.js';
import type { Language, SmsReply } from '../replies.js';

/** A short, speakable reference for the clinician: derived from the message id, so a replay gets the same one. */
export function escalationReference(messageSid: string): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const digest = createHash('sha256').update(messageSid).digest();
  return Array.from(digest.subarray(0, 6), (byte) => alphabet[byte % alphabet.length]).join('');
}

export function crisisTextReply(
  settings: Pick<LineSettings, 'crisisNumber' | 'crisisTextNumber' | 'clinicianNumber' | 'clinicianLanguage'>,
  language: Language,
  reference: string,
  kind: string,
): SmsReply {
  return {
    messages: [
      { body: promptsFor(language).smsCrisisReply(settings.crisisNumber, settings.crisisTextNumber) },
      // The texter's language is theirs; the clinician reads alerts in their own.
      {
        to: settings.clinicianNumber,
        body: promptsFor(settings.clinicianLanguage).clinicianTextAlert(reference, kind),
      },
    ],
  };
}
