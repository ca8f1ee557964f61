// The anonymous post-contact survey end to end: texters, the simulator, signed webhooks and the admin API.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY } from '../../flows/standard-settings.js';
import type { SurveySettings } from '../../flows/survey/survey-settings.js';
import type { SimPhone } from '../../infra/local/simulator/simulator.js';
import { type AdminLine, patchSettings, startAdminLine } from '../functions/admin/admin-line.js';
import { movableClock, numberTraces, signedPosterFor } from '../support/local-line.js';
import { smsFields } from '../support/signed-webhook.js';
import { waitFor } from '../support/wait-for.js';

const TEXTER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';
const INTRO = DEFAULT_SURVEY.intro.en;
const FIRST = DEFAULT_SURVEY.questions[0]?.text.en ?? '';
const SECOND = DEFAULT_SURVEY.questions[1]?.text.en ?? '';
const ENABLED: SurveySettings = { ...DEFAULT_SURVEY, enabled: true };

let admin: AdminLine | undefined;
afterEach(async () => {
  await admin?.line.close();
  admin = undefined;
});

const line = () => {
  if (!admin) throw new Error('no line started');
  return admin.line;
};
const phone = (number: string): SimPhone => line().simulator.phone(number);
const count = (number: string, words: string) =>
  phone(number).messages.filter((message) => message.body.includes(words)).length;

async function startLine(survey: SurveySettings | undefined, options = {}): Promise<void> {
  admin = await startAdminLine(options);
  if (survey) expect(await patchSettings(admin, { survey })).toBe(200);
  // Only Ana stays on shift, so every offer goes to her.
  for (const number of [BEN, CARO]) {
    await phone(number).text('OFF');
    await phone(number).waitForMessage("you're OFF shift");
  }
}

/** A texter talks with Ana; returns once they are connected. */
async function conversationWithAna(texter: string, firstWords: string): Promise<void> {
  const offers = count(ANA, 'Reply ACCEPT');
  const connections = count(ANA, "] You're connected");
  await phone(texter).text(firstWords);
  await waitFor(() => count(ANA, 'Reply ACCEPT') > offers, 'an offer to Ana');
  await phone(ANA).text('ACCEPT');
  await waitFor(() => count(ANA, "] You're connected") > connections, 'Ana connected');
}

async function anaEnds(): Promise<void> {
  await phone(ANA).text('END');
  await phone(ANA).waitForMessage('Conversation ended');
}

/** A pending survey's item; a closed one keeps only its keys and expiry until TTL removes it. */
const isOpenSurvey = (item: Record<string, unknown>) =>
  String(item.pk).startsWith('SURVEY#') && item.contactId !== undefined;

async function surveyReport() {
  const response = await admin?.api.request<{ survey: { questions: Record<string, unknown>[] } }>(
    'GET',
    '/admin/reports',
  );
  return response?.body.survey;
}

describe('the post-contact survey', () => {
  it('is sent once after the peer ends, takes the answers and thanks the texter', async () => {
    await startLine(ENABLED);
    await conversationWithAna(TEXTER, 'hi, I feel lonely tonight');
    // Ana's END as Twilio posts it, so it can be replayed byte for byte: the reply carries the first question.
    const post = signedPosterFor(line());
    const end = smsFields(`SM${'e1'.repeat(16)}`, ANA, line().config.LINE_NUMBER, 'END');
    const first = await post('/twilio/sms', end);
    expect(first.body).toContain(INTRO.replace(/'/g, '&apos;'));
    expect(first.body).toContain(FIRST);

    // A replayed END and a tick change nothing: the survey went out once.
    const replayed = await post('/twilio/sms', end);
    expect(replayed.status).toBe(200);
    expect(replayed.body).not.toContain(FIRST);
    await line().tick();
    await line().idle();
    expect(count(TEXTER, INTRO)).toBe(0);

    await phone(TEXTER).text('4');
    await phone(TEXTER).waitForMessage(SECOND);
    await phone(TEXTER).text('Y');
    await phone(TEXTER).waitForMessage(DEFAULT_SURVEY.thanks.en);

    // After the thanks, a text is a new conversation again.
    await phone(TEXTER).text('hello again');
    await phone(TEXTER).waitForMessage('peer support by text, not a crisis line');
  });

  it('reaches a caller who asked on hold to be texted: after that conversation ends, never after the call alone', async () => {
    const CALLER = '+15557650042';
    await startLine(ENABLED);
    const call = await phone(CALLER).dial();
    await call.waitForSay('To get a text when a peer is free, press 1');
    await call.press('1');
    await call.waitForStatus('completed');
    await line().idle();
    // The call itself ended with the text-back: the caller agreed to a text, not yet to a survey.
    expect(count(CALLER, INTRO)).toBe(0);

    await phone(ANA).waitForMessage('a caller who asked to be texted back');
    await phone(ANA).text('ACCEPT');
    await phone(CALLER).waitForMessage('You asked us to text you');
    await phone(CALLER).text('thanks for getting back to me');
    await phone(ANA).waitForMessage('thanks for getting back to me');
    await anaEnds();
    await phone(CALLER).waitForMessage(FIRST);
    await phone(CALLER).text('5');
    await phone(CALLER).waitForMessage(SECOND);
    expect(count(CALLER, INTRO)).toBe(1);
  });

  it('keeps answers by contact id alone, and the report hides a question with fewer than five answers', async () => {
    await startLine(ENABLED);
    await conversationWithAna(TEXTER, 'hello');
    await anaEnds();
    await phone(TEXTER).waitForMessage(INTRO);
    await phone(TEXTER).text('5');
    await phone(TEXTER).waitForMessage(SECOND);
    await phone(TEXTER).text('no');
    await phone(TEXTER).waitForMessage(DEFAULT_SURVEY.thanks.en);

    const hidden = await surveyReport();
    expect(hidden?.questions.map((q) => [q.id, q.shown])).toEqual([
      ['better', false],
      ['again', false],
    ]);
    expect(hidden?.questions[0]).not.toHaveProperty('count');

    const items = await line().scanTable();
    const answers = items.filter((item) => String(item.pk).startsWith('ANSWER#'));
    expect(answers.map((a) => [a.questionId, a.value])).toEqual(
      expect.arrayContaining([
        ['better', 5],
        ['again', 'no'],
      ]),
    );
    const contact = items.find((item) => item.pk === `CONTACT#${answers[0]?.contactId}`);
    const phoneKey = line().core.vault.keyOf(TEXTER);
    expect(contact?.callerKey).toBe(phoneKey);
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      for (const trace of [...numberTraces(TEXTER), phoneKey]) expect(text).not.toContain(trace);
      expect(Object.keys(answer).sort()).toEqual([
        'at',
        'contactId',
        'expiresAt',
        'gsi1pk',
        'gsi1sk',
        'kind',
        'language',
        'pk',
        'questionId',
        'sk',
        'value',
      ]);
    }
    // The pending survey, the one item tied to the number's key, is gone once the survey ends.
    expect(items.some(isOpenSurvey)).toBe(false);

    // Four more people answer the first question (stored as the flow stores them): five is enough to show.
    for (const n of [1, 2, 3, 4])
      await line().core.surveys.saveAnswer({
        contactId: `s-other-${n}`,
        questionId: 'better',
        kind: 'scale1to5',
        value: n,
        language: 'en',
        at: Date.now(),
      });
    const shown = await surveyReport();
    expect(shown?.questions[0]).toMatchObject({
      id: 'better',
      shown: true,
      count: 5,
      mean: 3,
      distribution: [1, 1, 1, 1, 1],
    });
    expect(shown?.questions[1]).toMatchObject({ id: 'again', shown: false });
  });

  it('sends nothing while it is off, as it is by default', async () => {
    await startLine(undefined);
    await conversationWithAna(TEXTER, 'hello');
    await anaEnds();
    await phone(TEXTER).waitForMessage('ended this conversation');
    await line().idle();
    expect(count(TEXTER, INTRO)).toBe(0);
    expect((await line().scanTable()).some(isOpenSurvey)).toBe(false);
  });

  it('is sent when a quiet conversation closes, in the texter’s language', async () => {
    const clock = movableClock();
    await startLine(ENABLED, { clock });
    await conversationWithAna(TEXTER, 'hola, necesito hablar con alguien');
    clock.advance(31 * 60_000);
    await line().tick();
    await phone(TEXTER).waitForMessage(DEFAULT_SURVEY.intro.es);
    expect(count(TEXTER, DEFAULT_SURVEY.questions[0]?.text.es ?? '')).toBe(1);
    await phone(TEXTER).text('bien');
    await phone(TEXTER).waitForMessage(
      `${'Perdone, no lo entendimos. Si quiere responder:'} ${DEFAULT_SURVEY.questions[0]?.text.es}`,
    );
    await line().tick();
    expect(count(TEXTER, DEFAULT_SURVEY.intro.es)).toBe(1);
  });

  it('ends at STOP: nothing more is sent and the number is opted out', async () => {
    await startLine(ENABLED);
    await conversationWithAna(TEXTER, 'hello');
    await anaEnds();
    await phone(TEXTER).waitForMessage(INTRO);
    await phone(TEXTER).text('STOP');
    await line().idle();
    const received = phone(TEXTER).messages.length;
    await phone(TEXTER).text('3');
    await line().idle();
    expect(phone(TEXTER).messages).toHaveLength(received);
    const items = await line().scanTable();
    expect(items.some((item) => String(item.pk).startsWith('ANSWER#'))).toBe(false);
    expect(items.some(isOpenSurvey)).toBe(false);
  });

  it('escalates crisis words sent as an answer, and the survey ends', async () => {
    await startLine(ENABLED);
    await conversationWithAna(TEXTER, 'hello');
    await anaEnds();
    await phone(TEXTER).waitForMessage(INTRO);
    await phone(TEXTER).text('I want to die');
    await phone(TEXTER).waitForMessage('A clinician from our team has been alerted');
    await phone(line().config.CLINICIAN_NUMBER).waitForMessage('Warmline CRISIS (text');
    await waitFor(async () => !(await line().scanTable()).some(isOpenSurvey), 'the survey closed');
    expect((await line().scanTable()).some((item) => String(item.pk).startsWith('ANSWER#'))).toBe(false);
    // A digit now is a new text, not an answer.
    await phone(TEXTER).text('4');
    await phone(TEXTER).waitForMessage('peer support by text, not a crisis line');
  });

  it('is not sent after a conversation the peer escalated', async () => {
    await startLine(ENABLED);
    await conversationWithAna(TEXTER, 'hello');
    await phone(ANA).text('ESCALATE');
    await phone(ANA).waitForMessage('clinician');
    await anaEnds();
    await phone(TEXTER).waitForMessage('ended this conversation');
    await line().idle();
    expect(count(TEXTER, INTRO)).toBe(0);
  });

  it('lapses after a day: a late reply is a new text', async () => {
    const clock = movableClock();
    await startLine(ENABLED, { clock });
    await conversationWithAna(TEXTER, 'hello');
    await anaEnds();
    await phone(TEXTER).waitForMessage(INTRO);
    clock.advance(25 * 3_600_000);
    await phone(TEXTER).text('4');
    await phone(TEXTER).waitForMessage('peer support by text, not a crisis line');
    expect(count(TEXTER, SECOND)).toBe(0);
  });

  it('takes YES (a carrier keyword) as an answer, and hears words of concern as someone who wants to talk', async () => {
    await startLine(ENABLED);
    await conversationWithAna(TEXTER, 'hello');
    await anaEnds();
    await phone(TEXTER).waitForMessage(INTRO);
    await phone(TEXTER).text('3');
    await phone(TEXTER).waitForMessage(SECOND);
    await phone(TEXTER).text('YES');
    await phone(TEXTER).waitForMessage(DEFAULT_SURVEY.thanks.en);
    expect(count(TEXTER, 'you will get our messages again')).toBe(0);

    const other = '+15557650077';
    await conversationWithAna(other, 'hi');
    await anaEnds();
    await phone(other).waitForMessage(INTRO);
    const offers = count(ANA, 'Reply ACCEPT');
    await phone(other).text('honestly I feel so alone and hopeless tonight');
    // Not an answer: the survey ends and the words open a conversation, offered to a peer.
    await phone(other).waitForMessage('peer support by text, not a crisis line');
    await waitFor(() => count(ANA, 'Reply ACCEPT') > offers, 'a new offer to Ana');
    const stored = await line().scanTable();
    expect(stored.filter((item) => String(item.pk).startsWith('ANSWER#'))).toHaveLength(2);
  });

  it('refuses survey settings that do not make a survey, saying what is wrong', async () => {
    admin = await startAdminLine();
    const { version } = (await admin.api.request<{ version: number }>('GET', '/admin/settings')).body;
    const bad = {
      ...DEFAULT_SURVEY,
      enabled: true,
      questions: [{ id: 'Better!', kind: 'stars', text: { en: 'How was it?', es: '' } }],
    };
    const response = await admin.api.request<{ issues: { path: string; code: string; message: string }[] }>(
      'PATCH',
      '/admin/settings',
      { version, settings: { survey: bad } },
    );
    expect(response.status).toBe(400);
    const codes = response.body.issues.map((issue) => [issue.path, issue.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['settings.survey.questions', 'survey-question-count'],
        ['settings.survey.questions.0.id', 'survey-question-id'],
        ['settings.survey.questions.0.kind', 'survey-question-kind'],
        ['settings.survey.questions.0.text.es', 'required'],
      ]),
    );
    const { settings } = (
      await admin.api.request<{ settings: { survey: SurveySettings } }>('GET', '/admin/settings')
    ).body;
    expect(settings.survey.enabled).toBe(false);
  });
});
