// The survey's answers in the reports: per question, how many answered and how, never fewer than a group's
// minimum, so nobody can be singled out by their answer.
import type { SurveySettings, SurveyWording } from './survey-settings.js';
import type { SurveyAnswer } from './survey-types.js';

/** A question with fewer answers than this in the range shows no figures at all ("too few to show"). */
export const SURVEY_MIN_GROUP = 5;

export type SurveyQuestionFigures =
  | { readonly id: string; readonly kind: 'scale1to5'; readonly shown: false }
  | { readonly id: string; readonly kind: 'yesNo'; readonly shown: false }
  | {
      readonly id: string;
      readonly kind: 'scale1to5';
      readonly shown: true;
      readonly count: number;
      readonly mean: number;
      /** Answers per value, 1 to 5 in order. */
      readonly distribution: readonly number[];
    }
  | {
      readonly id: string;
      readonly kind: 'yesNo';
      readonly shown: true;
      readonly count: number;
      readonly yes: number;
      readonly no: number;
    };

export interface SurveyReport {
  readonly enabled: boolean;
  readonly minGroup: number;
  /** The questions as now set up, each with its wording, then any others answered in the range. */
  readonly questions: readonly (SurveyQuestionFigures & { readonly text?: SurveyWording })[];
}

export function buildSurveyReport(answers: readonly SurveyAnswer[], settings: SurveySettings): SurveyReport {
  const byQuestion = new Map<string, SurveyAnswer[]>();
  for (const answer of answers) {
    const group = byQuestion.get(answer.questionId) ?? [];
    group.push(answer);
    byQuestion.set(answer.questionId, group);
  }
  const current = settings.questions.map((question) => ({
    ...figures(question.id, question.kind, byQuestion.get(question.id) ?? []),
    text: question.text,
  }));
  const retired = [...byQuestion]
    .filter(([id]) => !settings.questions.some((question) => question.id === id))
    .map(([id, group]) => figures(id, group[0]?.kind ?? 'scale1to5', group));
  return { enabled: settings.enabled, minGroup: SURVEY_MIN_GROUP, questions: [...current, ...retired] };
}

function figures(
  id: string,
  kind: SurveyAnswer['kind'],
  group: readonly SurveyAnswer[],
): SurveyQuestionFigures {
  // Answers of another kind under the same id (the question was changed) are not mixed in.
  const same = group.filter((answer) => answer.kind === kind);
  if (same.length < SURVEY_MIN_GROUP) return { id, kind, shown: false };
  if (kind === 'yesNo') {
    const yes = same.filter((answer) => answer.value === 'yes').length;
    return { id, kind, shown: true, count: same.length, yes, no: same.length - yes };
  }
  const values = same.map((answer) => Number(answer.value));
  const distribution = [1, 2, 3, 4, 5].map((score) => values.filter((value) => value === score).length);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { id, kind, shown: true, count: same.length, mean, distribution };
}
