// Every word the line texts to volunteers: commands, offers, relayed messages and their tags.
import type { ConcernKind } from '../crisis/crisis-types.js';
import type { ReleaseReason } from '../model.js';
import type { Language } from '../replies.js';

/** How a volunteer is told what a concern is about, in a few plain words. */
export const concernWords: Readonly<Record<ConcernKind, string>> = {
  hopelessness: 'hopelessness',
  burden: 'feeling like a burden',
  'death-talk': 'talk of death',
  'self-harm-talk': 'talk of self-harm',
  distress: 'deep distress',
};

const COMMANDS =
  'ON, OFF, STATUS, ACCEPT, END <tag>, PASS <tag> <short note>, ESCALATE <tag>, CODES <tag> <codes> (when asked), SUPPORT [tag], HELP';
const tags = (open: readonly string[]) => (open.length ? open.map((t) => `[${t}]`).join(', ') : 'none');

export const volunteerTexts = {
  help: `Warmline commands: ${COMMANDS}. Start a message with [tag] to choose a conversation; without a tag it goes to your latest one.`,
  onShift: "Warmline: you're ON shift. Calls and texts will come to you. Text OFF to stop.",
  onRefused:
    'Warmline: you are not on the roster right now, so ON was not applied. Ask a coordinator to add a shift.',
  offShift: "Warmline: you're OFF shift. Open text conversations stay with you until you END or PASS them.",
  status: (queued: number, open: readonly string[], onShift: boolean) =>
    `Warmline: ${onShift ? 'ON' : 'OFF'} shift. ${queued} text${queued === 1 ? '' : 's'} waiting. Your conversations: ${tags(open)}.`,
  textOffer: (language: string, concern?: ConcernKind, textBack?: boolean) =>
    `Warmline: new text conversation (${language}${textBack ? ', a caller who asked to be texted back' : ''}).${concern ? ` Flagged: ${concernWords[concern]}; please ask directly about safety.` : ''} Reply ACCEPT to take it.`,
  concernRaised: (tag: string, concern: ConcernKind) =>
    `[${tag}] Heads-up: words of concern (${concernWords[concern]}). Please ask directly whether they are thinking of suicide; ESCALATE ${tag} if they are in danger.`,
  offerTaken: 'Warmline: that text conversation was taken by another volunteer. Thank you!',
  texterLeft: 'Warmline: the texter left that conversation before anyone joined. Thank you!',
  nothingToAccept: 'Warmline: there is no text conversation waiting for you right now.',
  acceptGone: 'Warmline: that conversation is no longer waiting. Thank you!',
  tooManySessions: (limit: number) =>
    `Warmline: you already have ${limit} open conversations. END or PASS one first.`,
  accepted: (tag: string, concern?: ConcernKind) =>
    `[${tag}] You're connected with a texter.${concern ? ` Flagged: ${concernWords[concern]}; please ask directly whether they are thinking of suicide.` : ''} Replies go to your latest conversation; start with [${tag}] to choose this one. END ${tag} to finish, PASS ${tag} <short note, no names> to hand it to another peer, ESCALATE ${tag} for the crisis line.`,
  relayed: (tag: string, body: string) => `[${tag}] ${body}`,
  unknownTag: (tag: string, open: readonly string[]) =>
    `Warmline: no open conversation [${tag}]. Your open ones: ${tags(open)}.`,
  didYouMean: (meant: string) =>
    `Warmline: did you mean ${meant}? Nothing was sent to the texter. To send those words to them, start with the tag, e.g. [A].`,
  noOpenSessions: `Warmline: you have no open text conversations. Commands: ${COMMANDS}.`,
  ended: (tag: string) => `[${tag}] Conversation ended. Thank you.`,
  passedToPeer: (tag: string) =>
    `[${tag}] Returned to the queue and offered to another peer now, with your note if you wrote one. Thank you.`,
  passedWaiting: (tag: string) =>
    `[${tag}] Returned to the queue. No other peer is free right now, so it waits for the next one, with your note if you wrote one. Thank you.`,
  passNote: (tag: string, note: string | undefined) =>
    note
      ? `[${tag}] Passed on by another peer, who wrote: ${note}`
      : `[${tag}] Passed on by another peer (no note).`,
  escalated: (tag: string, crisisTextNumber: string) =>
    `[${tag}] Escalated: the texter has been given the crisis line (${crisisTextNumber}) and the on-call clinician alerted. You may keep texting them.`,
  escalatedByDetector: (tag: string) =>
    `[${tag}] Crisis language was detected: the texter was given the crisis line and the on-call clinician alerted. Please stay with them.`,
  texterStopped: (tag: string) => `[${tag}] The texter opted out (STOP). The conversation is closed.`,
  texterInactive: (tag: string) => `[${tag}] Closed after no messages for a while.`,
  textBackStarting: (tag: string) =>
    `[${tag}] This caller asked to be texted back: the line is texting them now that you're here. Wait for their reply, or write first.`,
  textBackUnreachable: (tag: string) =>
    `[${tag}] The line could not text this caller back (their number does not take texts). The conversation is closed. Thank you.`,
  notDelivered: (tag: string) => `[${tag}] Your last message could not be delivered to the texter.`,
} as const;

/** What a volunteer whose text offer ended is told: the true reason, never "taken" for a texter who left. */
export function textOfferReleased(reason: ReleaseReason): string {
  if (reason === 'taken') return volunteerTexts.offerTaken;
  return reason === 'left' ? volunteerTexts.texterLeft : volunteerTexts.acceptGone;
}

/** Words for the on-call clinician, by text and on the call-back, in the clinician's own language setting. */
export interface ClinicianTexts {
  readonly help: string;
  readonly unknownReference: (reference: string) => string;
  readonly calling: (reference: string) => string;
  readonly connecting: string;
  readonly expired: string;
}

export const clinicianTexts: Readonly<Record<Language, ClinicianTexts>> = {
  en: {
    help: 'Warmline: to call a texter back through the line, reply CALL followed by the reference from the alert.',
    unknownReference: (reference) =>
      `Warmline: reference ${reference} is unknown or has expired. Nothing was dialled.`,
    calling: (reference) =>
      `Warmline: calling you now from the line for ${reference}. Answer, and we will connect you to the texter.`,
    connecting:
      'Warmline crisis call-back. Connecting you to the texter now. They will see the warmline number.',
    expired: 'Warmline: this call-back has expired. Goodbye.',
  },
  es: {
    help: 'Warmline: para llamar a quien escribió a través de la línea, responda CALL seguido de la referencia del aviso.',
    unknownReference: (reference) =>
      `Warmline: la referencia ${reference} no existe o ha vencido. No se marcó ningún número.`,
    calling: (reference) =>
      `Warmline: le llamamos ahora desde la línea por ${reference}. Conteste y le conectaremos con quien escribió.`,
    connecting:
      'Llamada de crisis de Warmline. Le conectamos ahora con quien escribió. Verá el número de la línea.',
    expired: 'Warmline: esta llamada ya venció. Adiós.',
  },
};
