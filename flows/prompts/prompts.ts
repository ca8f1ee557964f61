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
  /** A withheld number cannot be texted back, so key 1 is not offered. */
  holdOptionsWithoutTextBack: string;
  textBackConfirmed: string;
  connecting: string;
  callEndedByPeer: string;
  thanksForCalling: string;
  /** A text sent now waits for the opening, so the prompt says so only when there is one. */
  closedNow: (opensAt: string | null, crisisNumber: string) => string;
  /** `waitMinutes`: how long a text waits for a peer to come on shift (the setting textWaitMinutes). */
  unstaffedNow: (crisisNumber: string, waitMinutes: number) => string;
  textWhenOpen: string;
  blocked: string;
  overflowPartner: string;
  overflowTextBack: string;
  overflowResources: (crisisNumber: string) => string;
  connectingCrisis: string;
  peerStillHere: string;
  crisisTryingBackup: string;
  crisisUnreachable: (crisisNumber: string, crisisTextNumber: string) => string;
  /** The counsellor of a warm transfer hung up and the volunteer had already gone: the caller's options. */
  crisisCounsellorLeft: (crisisNumber: string, crisisTextNumber: string) => string;
  partnerUnreachable: string;
  technicalTrouble: (crisisNumber: string) => string;
  stillTrying: string;
  troubleGoodbye: (crisisNumber: string) => string;
  volunteerTrouble: string;
  smsTrouble: (crisisNumber: string, crisisTextNumber: string) => string;
  escalationNotice: (channel: 'voice' | 'sms', kind: string, reference: string | undefined) => string;
  lineUnstaffedNotice: string;
  lineAllPausedNotice: (volunteers: number) => string;
  /** A volunteer texted SUPPORT while no supervisor was on shift. */
  supportUnansweredNotice: (channel: 'voice' | 'sms', reference: string) => string;
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
  /** With an opening, the text waits for it; without one, nothing waits and the reply says only the truth. */
  smsClosedNow: (opensAt: string | null, crisisTextNumber: string) => string;
  smsUnstaffed: (crisisTextNumber: string, waitMinutes: number) => string;
  /** The line's first text to a caller who asked to be texted back, once a peer has accepted. */
  smsTextBack: (lineName: string | undefined) => string;
  /**
   * Nobody accepted within the wait: one honest closing text with the crisis options. A caller who asked to be
   * texted back has never had a text from the line, so it says who it is.
   */
  smsUnanswered: (crisisTextNumber: string, textBack: boolean, lineName: string | undefined) => string;
  smsEndedByPeer: string;
  smsInactiveClosed: string;
  /** A survey reply that is not an answer: asked once more, gently, with the question repeated after it. */
  surveyReask: string;
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
  /** The crisis line of a warm transfer never joined; the volunteer is put back with the caller. */
  warmTransferUnreached: string;
  volunteerCallEnded: (wrapUpSeconds: number) => string;
  /** The caller hung up while this volunteer's phone was ringing or the whisper was playing. */
  offerCallerLeft: string;
  /** A key other than 1 during the whisper: the volunteer may still accept. */
  offerWrongKey: string;
  /** Several wrong keys in a row: the offer goes to someone else. */
  offerWrongKeyLimit: string;
  /** The caller left a live call: the volunteer's wrap-up words, whatever key brought them here. */
  callerLeftCall: (wrapUpSeconds: number) => string;
  /** Wrap-up codes by keypad: the format first, so a trained volunteer can type over the lists. */
  wrapUpAsk: (topics: string, referrals: string) => string;
  wrapUpSaved: string;
  /** Pound alone, or nothing entered before the timeout. */
  wrapUpSkipped: string;
  wrapUpNotUnderstood: string;
  wrapUpAlready: string;
  /** Wrap-up codes by text, sent when a conversation ends; the volunteer answers CODES <tag> ... or SKIP. */
  wrapUpTextAsk: (tag: string, topics: string, referrals: string) => string;
  wrapUpTextSaved: (tag: string) => string;
  wrapUpTextSkipped: (tag: string) => string;
  wrapUpTextNotUnderstood: (tag: string, topics: string, referrals: string) => string;
  wrapUpTextAlready: (tag: string) => string;
  wrapUpTextNothingDue: (tag: string | undefined) => string;
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
