// The survey's section of the reports: per question, the count and how people answered; a question with
// fewer answers than the minimum group comes from the API without figures and reads "too few to show".
import type { SurveyReport } from '../../../flows/survey/survey-report.js';
import { h } from '../dom.js';
import { language, t } from '../i18n.js';

type Question = SurveyReport['questions'][number];

function answers(question: Question, minGroup: number): string {
  if (!question.shown) return t('Too few answers to show (fewer than {min}).', { min: minGroup });
  if (question.kind === 'yesNo')
    return t('{count} answers: {yes} yes, {no} no', {
      count: question.count,
      yes: question.yes,
      no: question.no,
    });
  return t('{count} answers, average {mean} of 5; 1 to 5: {spread}', {
    count: question.count,
    mean: question.mean.toFixed(1),
    spread: question.distribution.join(' / '),
  });
}

export function surveyFigures(survey: SurveyReport): HTMLElement {
  return h(
    'section',
    { 'aria-label': t('Survey after a text conversation') },
    h('h2', {}, t('Survey after a text conversation')),
    survey.enabled ? '' : h('p', { class: 'muted' }, t('The survey is off; answers from before are shown.')),
    h(
      'ul',
      {},
      survey.questions.map((question) =>
        h(
          'li',
          { 'data-survey-question': question.id },
          h('strong', {}, question.text?.[language()] ?? question.id),
          ' ',
          answers(question, survey.minGroup),
        ),
      ),
    ),
  );
}
