// Replays, retries and late callbacks that used to do things twice or in the wrong conversation.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimPhone } from '../../infra/local/simulator/simulator.js';
import { callContactId, signedPosterFor, startTestLine, type TestLine } from '../support/local-line.js';
import { callFields, smsFields } from '../support/signed-webhook.js';
import { waitFor } from '../support/wait-for.js';

const TEXTER = '+15557654321';
const ANA = '+15550100001';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const phone = (number: string): SimPhone => line.simulator.phone(number);
const post = (pathAndQuery: string, params: Record<string, string>) =>
  signedPosterFor(line)(pathAndQuery, params);

/** The texter writes, Ana (alone on shift) accepts; returns the conversation's tag. */
async function conversationWithAna(words: string): Promise<void> {
  const offers = () => phone(ANA).messages.filter((m) => m.body.includes('Reply ACCEPT')).length;
  const before = offers();
  await phone(TEXTER).text(words);
  await waitFor(() => offers() > before, 'an offer to Ana');
  const connected = () => phone(ANA).messages.filter((m) => m.body.includes("You're connected")).length;
  const wasConnected = connected();
  await phone(ANA).text('ACCEPT');
  await waitFor(() => connected() > wasConnected, 'Ana to be connected');
}

async function onlyAnaOnShift(): Promise<void> {
  for (const number of ['+15550100002', '+15550100003']) {
    await phone(number).text('OFF');
    await phone(number).waitForMessage("you're OFF shift");
  }
}

describe('a volunteer ESCALATE by text', () => {
  it("saves the reference, so the clinician's CALL <ref> reaches the texter", async () => {
    line = await startTestLine();
    await onlyAnaOnShift();
    await conversationWithAna('hi');
    const clinician = phone(line.config.CLINICIAN_NUMBER);
    await phone(ANA).text('ESCALATE');
    const alert = await clinician.waitForMessage('Warmline CRISIS');
    const reference = /Ref ([A-Z0-9]{6})/.exec(alert.body)?.[1] ?? '';
    await clinician.text(`CALL ${reference}`);
    await clinician.waitForMessage(`calling you now from the line for ${reference}`);
    const leg = await clinician.waitForIncomingCall();
    await leg.answer();
    await leg.waitForSay('Connecting you to the texter');
    await phone(TEXTER).waitForIncomingCall();
  });

  it('alerts the clinician once however often the same ESCALATE is delivered', async () => {
    line = await startTestLine();
    await onlyAnaOnShift();
    await conversationWithAna('hi');
    const params = smsFields(`SM${'e5'.repeat(16)}`, ANA, line.config.LINE_NUMBER, 'ESCALATE A');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await post('/twilio/sms', params)).body);
    const alerts = answers.filter((body) => body.includes(`to="${line.config.CLINICIAN_NUMBER}"`));
    expect(alerts).toHaveLength(1);
    for (const body of answers) expect(body).toContain('[A] Escalated');
  });
});

describe('a crisis text delivered again', () => {
  it('gives the texter the crisis options each time but alerts the clinician once', async () => {
    line = await startTestLine();
    const params = smsFields(
      `SM${'c1'.repeat(16)}`,
      TEXTER,
      line.config.LINE_NUMBER,
      'i want to end my life',
    );
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await post('/twilio/sms', params)).body);
    expect(answers.filter((body) => body.includes(`to="${line.config.CLINICIAN_NUMBER}"`))).toHaveLength(1);
    for (const body of answers) expect(body).toContain('call 988 or text 988');
  });
});

describe("the clinician's call-back", () => {
  it("uses a reference once: a replayed bridge request does not dial the texter's number again", async () => {
    line = await startTestLine();
    const clinician = phone(line.config.CLINICIAN_NUMBER);
    await phone(TEXTER).text('i took a whole bottle of pills an hour ago');
    const alert = await clinician.waitForMessage('Warmline CRISIS');
    const reference = /Ref ([A-Z0-9]{6})/.exec(alert.body)?.[1] ?? '';
    const bridge = `/twilio/voice/clinician-bridge?r=${reference}`;
    const leg = callFields(`CA${'b'.repeat(32)}`, line.config.LINE_NUMBER, line.config.CLINICIAN_NUMBER);
    const first = await post(bridge, { ...leg, CallStatus: 'in-progress' });
    const replay = await post(bridge, { ...leg, CallStatus: 'in-progress' });
    expect(first.body).toContain(`<Number>${TEXTER}</Number>`);
    expect(replay.body).not.toContain(TEXTER);
    expect(replay.body).toContain('<Hangup/>');
  });
});

describe('a texter message replayed after its conversation ended', () => {
  it('is not relayed into the next conversation', async () => {
    line = await startTestLine();
    await onlyAnaOnShift();
    await conversationWithAna('hello');
    const old = smsFields(`SM${'0d'.repeat(16)}`, TEXTER, line.config.LINE_NUMBER, 'words from before');
    expect((await post('/twilio/sms', old)).body).toContain('words from before');
    await phone(ANA).text('END A');
    await phone(TEXTER).waitForMessage('ended this conversation');
    await conversationWithAna('hello again');
    const replay = await post('/twilio/sms', old);
    expect(replay.status).toBe(200);
    expect(replay.body).not.toContain('words from before');
  });
});

describe('a late status callback', () => {
  it('ends an offer whose leg has gone, so a key press after it cannot bridge the caller into an empty room', async () => {
    line = await startTestLine();
    await line.store.saveSettings({
      hours: { alwaysOpen: true, windows: [], holidays: [] },
      ringGroupSize: 1,
    });
    const call = await line.simulator.phone(TEXTER).dial();
    const contactId = callContactId(line, call.sid);
    await waitFor(
      async () => (await line.store.getContact(contactId))?.status === 'queued',
      'the caller queued',
    );
    const ringing = await phone(ANA).waitForIncomingCall();
    const offer = `?c=${contactId}&v=vol-ana`;
    const anaLeg = callFields(ringing.sid, line.config.LINE_NUMBER, ANA);
    await post(`/twilio/voice/offer-status${offer}`, { ...anaLeg, CallStatus: 'completed' });
    const pressed = await post(`/twilio/voice/offer-input${offer}`, {
      ...anaLeg,
      CallStatus: 'in-progress',
      Digits: '1',
    });
    expect(pressed.body).not.toContain('<Conference');
    expect((await line.store.getContact(contactId))?.status).toBe('queued');
    expect((await line.store.getVolunteer('vol-ana'))?.state).not.toBe('busy');
  });
});
