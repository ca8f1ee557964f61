// The survey's report figures: shown per question only for groups of at least the minimum.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY } from '../../../flows/standard-settings.js';
import { buildSurveyReport, SURVEY_MIN_GROUP } from '../../../flows/survey/survey-report.js';
import { SurveySettingsSchema } from '../../../flows/survey/survey-settings.js';
import type { SurveyAnswer } from '../../../flows/survey/survey-types.js';

const answer = (n: number, questionId: string, value: SurveyAnswer['value']): SurveyAnswer => ({
  contactId: `s-${n}`,
  questionId,
  kind: typeof value === 'number' ? 'scale1to5' : 'yesNo',
  value,
  language: n % 2 ? 'es' : 'en',
  at: n,
});

describe('buildSurveyReport', () => {
  it('shows the count, mean and spread of a question with five answers, and nothing of one with four', () => {
    const answers = [
      ...[1, 2, 5, 5, 5].map((value, n) => answer(n, 'better', value)),
      ...['yes', 'yes', 'no', 'yes'].map((value, n) => answer(n, 'again', value as 'yes' | 'no')),
    ];
    const report = buildSurveyReport(answers, DEFAULT_SURVEY);
    expect(report.minGroup).toBe(SURVEY_MIN_GROUP);
    expect(report.questions[0]).toMatchObject({
      id: 'better',
      shown: true,
      count: 5,
      mean: 3.6,
      distribution: [1, 1, 0, 0, 3],
    });
    expect(report.questions[1]).toEqual({
      id: 'again',
      kind: 'yesNo',
      shown: false,
      text: DEFAULT_SURVEY.questions[1]?.text,
    });
  });

  it('counts yes and no, and keeps a question answered in the range that is no longer asked', () => {
    const answers = ['yes', 'no', 'yes', 'yes', 'no'].map((value, n) => answer(n, 'retired', value as 'yes'));
    const report = buildSurveyReport(answers, DEFAULT_SURVEY);
    expect(report.questions.map((q) => q.id)).toEqual(['better', 'again', 'retired']);
    expect(report.questions[2]).toEqual({
      id: 'retired',
      kind: 'yesNo',
      shown: true,
      count: 5,
      yes: 3,
      no: 2,
    });
  });
});

describe('SurveySettingsSchema', () => {
  it('is off by default and takes the default questions', () => {
    expect(SurveySettingsSchema.parse(DEFAULT_SURVEY).enabled).toBe(false);
  });

  it('refuses one question, a repeated id and a missing Spanish wording, saying which', () => {
    const [first] = DEFAULT_SURVEY.questions;
    if (!first) throw new Error('no default question');
    const messages = (questions: unknown[]) => {
      const parsed = SurveySettingsSchema.safeParse({ ...DEFAULT_SURVEY, questions });
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    expect(messages([first])).toEqual(['a survey needs 2 or 3 questions']);
    expect(messages([first, first])).toEqual(['question ids must differ']);
    expect(messages([first, { ...first, id: 'other', text: { en: 'Hi?', es: ' ' } }])).toEqual([
      'must not be empty',
    ]);
  });
});
