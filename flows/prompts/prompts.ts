// Every word the line speaks or texts, per language; flows pick from here and nowhere else.
import type { Language } from '../replies.js';
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
  /** The crisis line of a warm transfer never joined; the volunteer is put back with the caller. */
  warmTransferUnreached: string;
  volunteerCallEnded: (wrapUpSeconds: number) => string;
  languageName: Record<Language, string>;
  spokenNumber: (number: string) => string;
}

export const PROMPTS: Record<Language, Prompts> = { en: english, es: spanish };

export function promptsFor(language: Language): Prompts {
  return PROMPTS[language];
}

/** Reads digits one by one so text-to-speech does not say "nine hundred eighty-eight". */
export function digitsForSpeech(number: string): string {
  return number
    .replace(/^\+1(?=\d{10}$)/, '')
    .replace(/\D/g, '')
    .split('')
    .join(' ');
}
