// The post-contact survey's settings: on or off, the intro and thanks, and two or three questions, each in
// English and Spanish. A question row left without an id is dropped; the API says what else is wrong.
import type { SurveyQuestion, SurveySettings, SurveyWording } from '../../../flows/survey/survey-settings.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import type { SettingForm } from './settings-forms.js';

const QUESTION_SLOTS = 3;

function wordingBoxes(name: string, words: SurveyWording | undefined, label: string) {
  const box = (language: 'en' | 'es') =>
    h('textarea', { name: `${name}-${language}`, rows: 2, maxlength: 300 }, words?.[language] ?? '');
  const en = box('en');
  const es = box('es');
  return {
    elements: [field(`${label} (${t('English')})`, en), field(`${label} (${t('Spanish')})`, es)],
    read: (): SurveyWording => ({ en: en.value.trim(), es: es.value.trim() }),
  };
}

function questionRow(slot: number, question: SurveyQuestion | undefined) {
  const id = h('input', { name: `survey-q${slot}-id`, value: question?.id ?? '', maxlength: 32 });
  const kind = h(
    'select',
    { name: `survey-q${slot}-kind` },
    h('option', { value: 'scale1to5', selected: question?.kind !== 'yesNo' }, t('1 to 5')),
    h('option', { value: 'yesNo', selected: question?.kind === 'yesNo' }, t('Yes or no')),
  );
  const words = wordingBoxes(`survey-q${slot}`, question?.text, t('Question {n}', { n: slot }));
  const element = h(
    'fieldset',
    {},
    h('legend', {}, t('Question {n}', { n: slot })),
    field(t('Question id (kept when the wording changes)'), id),
    field(t('Answer'), kind),
    ...words.elements,
  );
  const read = (): SurveyQuestion | undefined =>
    id.value.trim() === ''
      ? undefined
      : {
          id: id.value.trim(),
          kind: kind.value === 'yesNo' ? 'yesNo' : 'scale1to5',
          text: words.read(),
        };
  return { element, read };
}

export function surveyForm(survey: SurveySettings): SettingForm<SurveySettings> {
  const enabled = h('input', { type: 'checkbox', name: 'survey-enabled', checked: survey.enabled });
  const intro = wordingBoxes('survey-intro', survey.intro, t('Intro, sent with the first question'));
  const thanks = wordingBoxes('survey-thanks', survey.thanks, t('Thanks, sent after the last answer'));
  const rows = Array.from({ length: QUESTION_SLOTS }, (_, index) =>
    questionRow(index + 1, survey.questions[index]),
  );
  const element = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, t('Survey after a text conversation')),
    h(
      'p',
      { class: 'subhead' },
      t(
        'Off unless you turn it on. Sent once, right after a conversation the peer ends or that closes quietly; never after STOP or an escalation. Answers are kept by contact only, never with a number, and reports show a question only once five people have answered it.',
      ),
    ),
    field(t('Text the survey to texters after their conversation'), enabled),
    ...intro.elements,
    ...thanks.elements,
    ...rows.map((row) => row.element),
  );
  return {
    element,
    read: () => ({
      // In the schema's order, so an untouched form compares equal to what is saved and sends nothing.
      enabled: enabled.checked,
      questions: rows.map((row) => row.read()).filter((q): q is SurveyQuestion => q !== undefined),
      intro: intro.read(),
      thanks: thanks.read(),
    }),
  };
}
