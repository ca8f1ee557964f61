// What the survey keeps: a pending survey (live state, by the number's key) and answers (by contact id only).
import type { Language } from '../replies.js';
import type { SurveyQuestion } from './survey-settings.js';

/** A survey being answered; gone when it ends or after `liveUntil`, whichever is first. */
export interface PendingSurvey {
  readonly phoneKey: string;
  readonly contactId: string;
  readonly language: Language;
  /** Index of the question awaiting an answer. */
  readonly step: number;
  /** The current question has already been asked twice. */
  readonly reasked: boolean;
  readonly liveUntil: number;
}

export type SurveyValue = number | 'yes' | 'no';

/** One answer. Deliberately no number, phone key or caller key: only the contact it came after. */
export interface SurveyAnswer {
  readonly contactId: string;
  readonly questionId: string;
  readonly kind: SurveyQuestion['kind'];
  readonly value: SurveyValue;
  readonly language: Language;
  readonly at: number;
}
