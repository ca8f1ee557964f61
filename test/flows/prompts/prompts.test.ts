// Every word the line says or texts exists in both languages, and the two are really different words.
import { describe, expect, it } from 'vitest';
import { QUEUE_AHEAD_CAP } from '../../../flows/ports.js';
import { PROMPTS, type Prompts } from '../../../flows/prompts/prompts.js';
import { clinicianTexts } from '../../../flows/prompts/volunteer-texts.js';
import { LANGUAGES } from '../../../flows/replies.js';

type Sampled = { [K in keyof Prompts]: Prompts[K] extends (...args: infer A) => unknown ? A : undefined };

/** One call per function prompt; the type makes a new prompt without a sample fail to compile. */
const SAMPLES: Sampled = {
  welcome: [undefined],
  peerNotCrisis: undefined,
  chooseSpanish: undefined,
  crisisOption: ['988'],
  intakeQuestion: undefined,
  holdPosition: [3],
  holdReassurance: undefined,
  holdOptions: undefined,
  holdOptionsWithoutTextBack: undefined,
  textBackConfirmed: undefined,
  connecting: undefined,
  callEndedByPeer: undefined,
  thanksForCalling: undefined,
  closedNow: ['OPENS', '988'],
  unstaffedNow: ['988', 120],
  textWhenOpen: undefined,
  blocked: undefined,
  overflowPartner: undefined,
  overflowTextBack: undefined,
  overflowResources: ['988'],
  connectingCrisis: undefined,
  peerStillHere: undefined,
  crisisTryingBackup: undefined,
  crisisUnreachable: ['988', '741741'],
  partnerUnreachable: undefined,
  technicalTrouble: ['988'],
  stillTrying: undefined,
  troubleGoodbye: ['988'],
  volunteerTrouble: undefined,
  smsTrouble: ['988', '741741'],
  escalationNotice: ['voice', 'keypress', 'ABC123'],
  lineUnstaffedNotice: undefined,
  routingChangeNotice: [true, ['crisis number']],
  smsCrisisReply: ['988', '741741'],
  clinicianTextAlert: ['ABC123', 'means'],
  smsBlocked: undefined,
  smsLanguageChanged: undefined,
  smsHelp: ['988'],
  smsResumed: undefined,
  smsWelcome: ['988', undefined],
  smsQueueStatus: [2],
  smsPeerJoined: undefined,
  smsClosedNow: ['OPENS', '988'],
  smsUnstaffed: ['988', 120],
  smsTextBack: ['Hillside'],
  smsUnanswered: ['988', true, 'Hillside'],
  smsEndedByPeer: undefined,
  smsInactiveClosed: undefined,
  surveyReask: undefined,
  smsPassedBack: undefined,
  wrapUpAsk: ['1 loneliness', '0 none'],
  wrapUpSaved: undefined,
  wrapUpSkipped: undefined,
  wrapUpNotUnderstood: undefined,
  wrapUpAlready: undefined,
  wrapUpTextAsk: ['A', '1 loneliness', '0 none'],
  wrapUpTextSaved: ['A'],
  wrapUpTextSkipped: ['A'],
  wrapUpTextNotUnderstood: ['A', '1 loneliness', '0 none'],
  wrapUpTextAlready: ['A'],
  wrapUpTextNothingDue: ['A'],
  smsNotDelivered: undefined,
  volunteerPausedNotice: [3],
  whisper: ['Spanish', 40, 'hopelessness'],
  offerCallerLeft: undefined,
  crisisCounsellorLeft: ['988', '741741'],
  lineAllPausedNotice: [2],
  supportUnansweredNotice: ['voice', '40213'],
  warmTransferUnreached: undefined,
  offerWrongKey: undefined,
  offerWrongKeyLimit: undefined,
  callerLeftCall: [60],
  whisperMissed: undefined,
  offerGone: undefined,
  offerTaken: undefined,
  volunteerConnected: undefined,
  volunteerMenu: undefined,
  warmTransferStarted: undefined,
  volunteerCallEnded: [60],
  languageName: undefined,
  spokenNumber: ['988'],
};

/** The same on purpose: the Spanish choice is said in Spanish to everyone; a number reads the same. */
const SAME_ON_PURPOSE = new Set<keyof Prompts>(['chooseSpanish', 'spokenNumber']);

function render(prompts: Prompts, key: keyof Prompts): string {
  const value = prompts[key];
  const args = SAMPLES[key];
  if (typeof value === 'function') return String((value as (...a: unknown[]) => unknown)(...(args ?? [])));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

describe('the prompt sets', () => {
  const keys = Object.keys(SAMPLES) as (keyof Prompts)[];

  it('have every key in every language, and no key the others lack', () => {
    for (const language of LANGUAGES) expect(Object.keys(PROMPTS[language]).sort()).toEqual([...keys].sort());
  });

  it('say every prompt in words of its own language, not a copy of the English', () => {
    const copies = keys.filter(
      (key) => !SAME_ON_PURPOSE.has(key) && render(PROMPTS.en, key) === render(PROMPTS.es, key),
    );
    expect(copies).toEqual([]);
    for (const language of LANGUAGES)
      for (const key of keys)
        expect(render(PROMPTS[language], key).trim(), `${language}.${key}`).not.toBe('');
  });

  it('keep what the caller needs (the opening time, the numbers) in both languages', () => {
    for (const language of LANGUAGES) {
      expect(render(PROMPTS[language], 'closedNow')).toContain('OPENS');
      expect(render(PROMPTS[language], 'smsClosedNow')).toContain('OPENS');
      expect(render(PROMPTS[language], 'crisisUnreachable')).toContain('7 4 1 7 4 1');
      expect(render(PROMPTS[language], 'escalationNotice')).toContain('ABC123');
    }
  });

  it('say "20 or more" once the count reaches its cap, never a number the count did not reach', () => {
    for (const language of LANGUAGES) {
      const capped = PROMPTS[language].holdPosition(QUEUE_AHEAD_CAP + 1);
      expect(capped).toContain(String(QUEUE_AHEAD_CAP));
      expect(capped).not.toContain(String(QUEUE_AHEAD_CAP + 1));
      expect(capped).not.toBe(PROMPTS[language].holdPosition(QUEUE_AHEAD_CAP));
      expect(PROMPTS[language].smsQueueStatus(QUEUE_AHEAD_CAP + 1)).toContain(String(QUEUE_AHEAD_CAP));
    }
    expect(PROMPTS.en.holdPosition(QUEUE_AHEAD_CAP + 1)).toContain('or more');
    expect(PROMPTS.es.holdPosition(QUEUE_AHEAD_CAP + 1)).toContain('o más');
  });

  it("have the clinician's texts in both languages, every one different", () => {
    const words = (language: 'en' | 'es') =>
      Object.entries(clinicianTexts[language]).map(([key, value]) => [
        key,
        typeof value === 'function' ? value('ABC123') : value,
      ]);
    expect(words('es').map(([key]) => key)).toEqual(words('en').map(([key]) => key));
    const en = Object.fromEntries(words('en'));
    expect(words('es').filter(([key, value]) => en[key as string] === value)).toEqual([]);
  });
});
