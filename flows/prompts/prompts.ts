// Every word the line speaks or texts, per language; flows pick from here and nowhere else.
import type { Language, SpokenStep } from '../replies.js';
import { say } from '../replies.js';
import { english } from './en.js';
import { spanish } from './es.js';

export interface Prompts {
  /** The first sentence a caller hears; a coordinator's own greeting replaces it. */
  welcome: (lineName: string | undefined) => string;
  /** Always follows the welcome, whatever a coordinator writes: callers must know this is not a crisis line. */
  peerNotCrisis: string;
  chooseSpanish: string;
  crisisOption: (crisisNumber: string) => string;
  intakeQuestion: string;
  holdPosition: (position: number) => string;
  holdReassurance: string;
  holdOptions: string;
  textBackConfirmed: string;
  connecting: string;
  callEndedByPeer: string;
  thanksForCalling: string;
  closedNow: (opensAt: string | null, crisisNumber: string) => string;
  unstaffedNow: (crisisNumber: string) => string;
  textWhenOpen: string;
  blocked: string;
  overflowPartner: string;
  overflowTextBack: string;
  overflowResources: (crisisNumber: string) => string;
  connectingCrisis: string;
  peerStillHere: string;
  crisisTryingBackup: string;
  crisisUnreachable: (crisisNumber: string, crisisTextNumber: string) => string;
  partnerUnreachable: string;
  technicalTrouble: (crisisNumber: string) => string;
  stillTrying: string;
  troubleGoodbye: (crisisNumber: string) => string;
  volunteerTrouble: string;
  smsTrouble: (crisisNumber: string, crisisTextNumber: string) => string;
  escalationNotice: (channel: 'voice' | 'sms', kind: string, reference: string | undefined) => string;
  lineUnstaffedNotice: string;
  routingChangeNotice: (confirmed: boolean, fields: readonly string[]) => string;
  smsCrisisReply: (crisisNumber: string, crisisTextNumber: string) => string;
  clinicianTextAlert: (reference: string, kind: string) => string;
  smsBlocked: string;
  smsLanguageChanged: string;
  smsHelp: (crisisNumber: string) => string;
  smsResumed: string;
  smsWelcome: (crisisTextNumber: string, lineName: string | undefined) => string;
  smsQueueStatus: (position: number) => string;
  smsPeerJoined: string;
  smsClosedNow: (opensAt: string | null, crisisTextNumber: string) => string;
  smsUnstaffed: (crisisTextNumber: string) => string;
  smsOverflow: (crisisTextNumber: string) => string;
  smsEndedByPeer: string;
  smsInactiveClosed: string;
  smsPassedBack: string;
  smsNotDelivered: string;
  volunteerPausedNotice: (missedOffers: number) => string;
  /** `flagged` names a concern the detector found in the caller's words, for the volunteer to ask about. */
  whisper: (language: string, waitedSeconds: number, flagged?: string) => string;
  whisperMissed: string;
  offerGone: string;
  offerTaken: string;
  volunteerConnected: string;
  volunteerMenu: string;
  warmTransferStarted: string;
  volunteerCallEnded: (wrapUpSeconds: number) => string;
  languageName: Record<Language, string>;
  spokenNumber: (number: string) => string;
}

export const PROMPTS: Record<Language, Prompts> = { en: english, es: spanish };

export function promptsFor(language: Language): Prompts {
  return PROMPTS[language];
}

/**
 * Words for a caller in their language, or, before anyone knows it (closed, unstaffed, blocked, a failure
 * before the language choice), English then Spanish, each in its own voice, so a Spanish speaker is never
 * left with English alone.
 */
export function spokenTo(
  language: Language | undefined,
  words: (prompts: Prompts, language: Language) => string,
): SpokenStep[] {
  const languages: readonly Language[] = language ? [language] : ['en', 'es'];
  return languages.map((each) => say(words(PROMPTS[each], each), each));
}

/** The same for a text: one language when known, otherwise English then Spanish in one message. */
export function writtenTo(
  language: Language | undefined,
  words: (prompts: Prompts, language: Language) => string,
): string {
  const languages: readonly Language[] = language ? [language] : ['en', 'es'];
  return languages.map((each) => words(PROMPTS[each], each)).join('\n\n');
}

/** Reads digits one by one so text-to-speech does not say "nine hundred eighty-eight". */
export function digitsForSpeech(number: string): string {
  return number
    .replace(/^\+1(?=\d{10}$)/, '')
    .replace(/\D/g, '')
    .split('')
    .join(' ');
}
