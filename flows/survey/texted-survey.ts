// The anonymous survey texted after a conversation: offered once, answered question by question, then thanks.
//
// Main course: a text conversation ends normally (the peer's END, or the quiet close) -> the intro and the
// first question go to the texter -> each answer is kept by contact id and the next question follows ->
// the thanks.
// Alternate courses: the survey is off, the conversation was escalated, the number has sent STOP, or this
// contact was already surveyed (a replayed end) -> nothing is sent; a reply that is not an answer -> one
// gentle re-ask, and a second one ends the survey and is read as a new text; words of concern that are not
// an answer -> the same at once; STOP or crisis language -> the survey ends and the text takes its usual
// course (see incoming-text.ts); no reply within
// SURVEY_HOURS -> the pending survey is void and a late reply is a new text.
import type { LineSettings } from '../line-settings.js';
import type { Contact } from '../model.js';
import type { Clock, Deduplicator, Log, PhoneVault, Store, SurveyStore } from '../ports.js';
import { promptsFor } from '../prompts/prompts.js';
import type { SmsReply, TextMessage } from '../replies.js';
import type { SurveyQuestion } from './survey-settings.js';
import type { PendingSurvey, SurveyValue } from './survey-types.js';

type AddressedText = TextMessage & { readonly to: string };

/** A reply a day later is about something else. */
export const SURVEY_HOURS = 24;
/** A contact is surveyed once: its end can be replayed, or closed twice by racing paths, for about this long. */
const SURVEY_ONCE_SECONDS = 7 * 86_400;

export interface SurveyDeps {
  readonly store: Pick<Store, 'getLine' | 'getPhone'> & Pick<Deduplicator, 'firstTime'>;
  /** Without a survey store the line sends no survey. */
  readonly surveys?: SurveyStore;
  readonly vault: Pick<PhoneVault, 'open'>;
  readonly clock: Clock;
  readonly log: Log;
}

/**
 * The survey's first text for a conversation that has just ended, or none. `ended` is the contact as the
 * end left it; `callerSealed` the number it held before the end dropped it.
 */
export async function offerSurvey(
  deps: SurveyDeps,
  ended: Contact,
  callerSealed: string | undefined,
): Promise<AddressedText[]> {
  // The end has happened whatever the survey does: its failure must not lose the closing texts with it.
  try {
    return await firstSurveyText(deps, ended, callerSealed);
  } catch (error) {
    deps.log.warn('survey not offered', {
      contactId: ended.contactId,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return [];
  }
}

async function firstSurveyText(
  deps: SurveyDeps,
  ended: Contact,
  callerSealed: string | undefined,
): Promise<AddressedText[]> {
  const { surveys } = deps;
  if (!surveys || !callerSealed) return [];
  if (ended.channel !== 'sms' || ended.outcome !== 'completed' || ended.escalation) return [];
  const { settings } = await deps.store.getLine();
  const survey = settings.survey;
  const first = survey.questions[0];
  if (!survey.enabled || !first) return [];
  const phone = await deps.store.getPhone(ended.callerKey);
  if (phone?.optedOut) return [];
  if (!(await deps.store.firstTime(`survey#${ended.contactId}`, SURVEY_ONCE_SECONDS))) return [];
  await surveys.openSurvey({
    phoneKey: ended.callerKey,
    contactId: ended.contactId,
    language: ended.language,
    step: 0,
    reasked: false,
    liveUntil: deps.clock.now() + SURVEY_HOURS * 3_600_000,
  });
  deps.log.info('survey offered', { contactId: ended.contactId });
  const body = `${survey.intro[ended.language]}\n${first.text[ended.language]}`;
  return [{ to: deps.vault.open(callerSealed), body }];
}

/** What a reply to a pending survey came to: texts back, or not an answer after all (a new text). */
export type SurveyOutcome =
  | { readonly kind: 'answered'; readonly reply: SmsReply }
  | { readonly kind: 'new-text' };

export async function answerSurvey(
  deps: SurveyDeps & { readonly surveys: SurveyStore },
  survey: PendingSurvey,
  body: string,
  settings: Pick<LineSettings, 'survey'>,
  /** The detector found words of concern: unless the reply is an answer, someone wants to talk. */
  concerned: boolean,
): Promise<SurveyOutcome> {
  const { questions, thanks } = settings.survey;
  const question = questions[survey.step];
  // The questions were edited under a pending survey: it ends quietly and the text is read as a new one.
  if (!question) {
    await deps.surveys.closeSurvey(survey.phoneKey);
    return { kind: 'new-text' };
  }
  const value = parseSurveyAnswer(question.kind, body);
  if (value === undefined) {
    if (survey.reasked || concerned) {
      await deps.surveys.closeSurvey(survey.phoneKey);
      return { kind: 'new-text' };
    }
    const moved = await deps.surveys.advanceSurvey(survey, { step: survey.step, reasked: true });
    if (!moved) return { kind: 'answered', reply: { messages: [] } };
    const reask = `${promptsFor(survey.language).surveyReask} ${question.text[survey.language]}`;
    return { kind: 'answered', reply: { messages: [{ body: reask }] } };
  }
  await deps.surveys.saveAnswer({
    contactId: survey.contactId,
    questionId: question.id,
    kind: question.kind,
    value,
    language: survey.language,
    at: deps.clock.now(),
  });
  const next = questions[survey.step + 1];
  if (!next) {
    await deps.surveys.closeSurvey(survey.phoneKey);
    return { kind: 'answered', reply: { messages: [{ body: thanks[survey.language] }] } };
  }
  const moved = await deps.surveys.advanceSurvey(survey, { step: survey.step + 1, reasked: false });
  return { kind: 'answered', reply: { messages: moved ? [{ body: next.text[survey.language] }] : [] } };
}

const YES = new Set(['y', 'yes', 'yeah', 'yep', 's', 'si', 'sí', 'claro']);
const NO = new Set(['n', 'no', 'nope', 'nah']);

/** A reply is an answer only when it is the answer alone (a digit, a yes or a no), give or take punctuation. */
export function parseSurveyAnswer(kind: SurveyQuestion['kind'], body: string): SurveyValue | undefined {
  const word = body
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '')
    .trim();
  if (kind === 'scale1to5') return /^[1-5]$/.test(word) ? Number(word) : undefined;
  if (YES.has(word)) return 'yes';
  if (NO.has(word)) return 'no';
  return undefined;
}
