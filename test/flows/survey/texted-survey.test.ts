// The survey flow with a small in-memory store: parsing answers, the one re-ask, racing replies.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../flows/model.js';
import type { LineState, SurveyStore } from '../../../flows/ports.js';
import { DEFAULT_SURVEY } from '../../../flows/standard-settings.js';
import type { PendingSurvey, SurveyAnswer } from '../../../flows/survey/survey-types.js';
import { answerSurvey, offerSurvey, parseSurveyAnswer } from '../../../flows/survey/texted-survey.js';

function memorySurveys() {
  const pending = new Map<string, PendingSurvey>();
  const answers: SurveyAnswer[] = [];
  const store: SurveyStore = {
    openSurvey: async (survey) => void pending.set(survey.phoneKey, survey),
    getSurvey: async (key, now) => {
      const survey = pending.get(key);
      return survey && survey.liveUntil > now ? survey : undefined;
    },
    advanceSurvey: async (survey, next) => {
      const held = pending.get(survey.phoneKey);
      if (held?.step !== survey.step || held.reasked !== survey.reasked) return false;
      pending.set(survey.phoneKey, { ...held, ...next });
      return true;
    },
    closeSurvey: async (key) => void pending.delete(key),
    saveAnswer: async (answer) => {
      if (!answers.some((a) => a.contactId === answer.contactId && a.questionId === answer.questionId))
        answers.push(answer);
    },
    listAnswers: async () => answers,
  };
  return { store, pending, answers };
}

const NOW = 1_800_000_000_000;
const SURVEY: PendingSurvey = {
  phoneKey: 'k1',
  contactId: 's-1',
  language: 'en',
  step: 0,
  reasked: false,
  liveUntil: NOW + 3_600_000,
};
const settings = { survey: { ...DEFAULT_SURVEY, enabled: true } };

function deps(surveys: SurveyStore) {
  return {
    surveys,
    store: {
      getLine: async () => {
        throw new Error('not used');
      },
      getPhone: async () => undefined,
      firstTime: async () => true,
    },
    vault: { open: (sealed: string) => sealed },
    clock: { now: () => NOW },
    log: { info: () => {}, warn: () => {}, error: () => {} },
  };
}

describe('parseSurveyAnswer', () => {
  it('reads a digit from 1 to 5 alone, with or without a full stop', () => {
    expect(parseSurveyAnswer('scale1to5', ' 4. ')).toBe(4);
    expect(parseSurveyAnswer('scale1to5', '6')).toBeUndefined();
    expect(parseSurveyAnswer('scale1to5', '4 but I need to talk')).toBeUndefined();
  });

  it('reads yes and no in English and Spanish', () => {
    expect(['Y', 'yes!', 'Sí', 'si'].map((w) => parseSurveyAnswer('yesNo', w))).toEqual(Array(4).fill('yes'));
    expect(['N', 'no', 'Nope'].map((w) => parseSurveyAnswer('yesNo', w))).toEqual(Array(3).fill('no'));
    expect(parseSurveyAnswer('yesNo', 'maybe')).toBeUndefined();
  });
});

describe('answerSurvey', () => {
  it('asks once more after a reply that is not an answer, and hands the second one back as a new text', async () => {
    const { store, pending, answers } = memorySurveys();
    await store.openSurvey(SURVEY);
    const first = await answerSurvey(deps(store), SURVEY, 'what?', settings, false);
    expect(first).toEqual({
      kind: 'answered',
      reply: {
        messages: [{ body: expect.stringMatching(/^Sorry, we didn't catch that\..*a little better/) }],
      },
    });
    const reasked = pending.get('k1');
    expect(reasked?.reasked).toBe(true);
    expect(await answerSurvey(deps(store), reasked ?? SURVEY, 'hmm', settings, false)).toEqual({
      kind: 'new-text',
    });
    expect(pending.has('k1')).toBe(false);
    expect(answers).toEqual([]);
  });

  it('hands a sentence straight back as a new text: someone writing again is never made to answer first', async () => {
    const { store, pending, answers } = memorySurveys();
    await store.openSurvey(SURVEY);
    expect(await answerSurvey(deps(store), SURVEY, 'hi, it has been a lonely week', settings, false)).toEqual(
      {
        kind: 'new-text',
      },
    );
    expect(pending.has('k1')).toBe(false);
    expect(answers).toEqual([]);
  });

  it('hands words of concern that are not an answer straight back as a new text', async () => {
    const { store, pending } = memorySurveys();
    await store.openSurvey(SURVEY);
    expect(await answerSurvey(deps(store), SURVEY, 'I feel so alone', settings, true)).toEqual({
      kind: 'new-text',
    });
    expect(pending.has('k1')).toBe(false);
  });

  it('sends the next question once when two replies race for the same step', async () => {
    const { store, answers } = memorySurveys();
    await store.openSurvey(SURVEY);
    const [a, b] = await Promise.all([
      answerSurvey(deps(store), SURVEY, '4', settings, false),
      answerSurvey(deps(store), SURVEY, '2', settings, false),
    ]);
    const sent = [a, b].flatMap((outcome) => (outcome.kind === 'answered' ? outcome.reply.messages : []));
    expect(sent).toHaveLength(1);
    expect(answers.map((answer) => [answer.questionId, answer.value])).toEqual([['better', 4]]);
  });

  it('keeps the answer without the number key, and thanks the texter after the last question', async () => {
    const { store, pending, answers } = memorySurveys();
    const last = { ...SURVEY, step: 1 };
    await store.openSurvey(last);
    const outcome = await answerSurvey(deps(store), last, 'n', settings, false);
    expect(outcome).toEqual({ kind: 'answered', reply: { messages: [{ body: DEFAULT_SURVEY.thanks.en }] } });
    expect(answers).toEqual([
      { contactId: 's-1', questionId: 'again', kind: 'yesNo', value: 'no', language: 'en', at: NOW },
    ]);
    expect(pending.has('k1')).toBe(false);
  });
});

describe('offerSurvey', () => {
  const ended: Contact = {
    contactId: 's-9',
    channel: 'sms',
    language: 'es',
    status: 'ended',
    outcome: 'completed',
    callerKey: 'k9',
    startedAt: NOW,
    offersOutstanding: 0,
    offerRound: 0,
    liveUntil: NOW,
  };
  const withLine = (surveys: SurveyStore, enabled = true) => ({
    ...deps(surveys),
    store: {
      getLine: async () => ({ settings: { survey: { ...DEFAULT_SURVEY, enabled } } }) as unknown as LineState,
      getPhone: async () => undefined,
      firstTime: async () => true,
    },
  });

  it('texts the intro and first question in the contact’s language to the number it held', async () => {
    const { store, pending } = memorySurveys();
    expect(await offerSurvey(withLine(store), ended, '+15550001111')).toEqual([
      { to: '+15550001111', body: `${DEFAULT_SURVEY.intro.es}\n${DEFAULT_SURVEY.questions[0]?.text.es}` },
    ]);
    expect(pending.get('k9')).toMatchObject({ contactId: 's-9', step: 0, liveUntil: NOW + 24 * 3_600_000 });
  });

  it('offers nothing after an escalated or abandoned conversation, or while the survey is off', async () => {
    const { store, pending } = memorySurveys();
    const escalation = { trigger: 'volunteer' as const, kind: 'volunteer-request', at: NOW };
    expect(await offerSurvey(withLine(store), { ...ended, escalation }, '+15550001111')).toEqual([]);
    expect(await offerSurvey(withLine(store), { ...ended, outcome: 'abandoned' }, '+15550001111')).toEqual(
      [],
    );
    expect(await offerSurvey(withLine(store, false), ended, '+15550001111')).toEqual([]);
    expect(pending.size).toBe(0);
  });

  it('offers nothing, and does not fail the end, when the survey store fails', async () => {
    const { store } = memorySurveys();
    const failing = {
      ...store,
      openSurvey: async () => {
        throw new Error('store down');
      },
    };
    expect(await offerSurvey(withLine(failing), ended, '+15550001111')).toEqual([]);
  });
});
