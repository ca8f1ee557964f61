// Text conversations end to end: texters and volunteers texting the line's number through the simulator.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimPhone } from '../../infra/local/simulator/simulator.js';
import { movableClock, startTestLine, type TestLine } from '../support/local-line.js';
import { postSignedWebhook, smsFields } from '../support/signed-webhook.js';
import { openAndAccept as openTextConversation } from '../support/text-conversations.js';
import { waitFor } from '../support/wait-for.js';

const TEXTER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const phone = (number: string): SimPhone => line.simulator.phone(number);
const bodies = (number: string) => phone(number).messages.map((m) => m.body);

/** Only Ana stays on shift, so every offer goes to her. */
async function onlyAnaOnShift(): Promise<void> {
  for (const number of [BEN, CARO]) {
    await phone(number).text('OFF');
    await phone(number).waitForMessage("you're OFF shift");
  }
}

const openAndAccept = (texter: string, firstWords: string, volunteer = ANA): Promise<string> =>
  openTextConversation(line, texter, firstWords, volunteer);

describe('a text conversation', () => {
  it('relays both ways through the line number with neither number exposed', async () => {
    line = await startTestLine();
    const tag = await openAndAccept(TEXTER, 'hi, I feel lonely tonight');
    expect(tag).toBe('A');
    // The words the texter sent while waiting are handed over on ACCEPT.
    await phone(ANA).waitForMessage('[A] hi, I feel lonely tonight');
    await phone(TEXTER).waitForMessage('A peer volunteer is here');
    for (const other of [BEN, CARO]) await phone(other).waitForMessage('taken by another volunteer');

    await phone(TEXTER).text('are you there?');
    await phone(ANA).waitForMessage('[A] are you there?');
    await phone(ANA).text('Yes, I am here. Tell me more.');
    await phone(TEXTER).waitForMessage('Yes, I am here. Tell me more.');

    for (const message of phone(TEXTER).messages) expect(message.from).toBe(line.config.LINE_NUMBER);
    for (const message of phone(ANA).messages) expect(message.from).toBe(line.config.LINE_NUMBER);
    expect(JSON.stringify(phone(TEXTER).messages)).not.toContain('5550100001');
    expect(JSON.stringify(phone(ANA).messages)).not.toContain('5557654321');
  });

  it('gives the conversation to exactly one of two volunteers who ACCEPT at once', async () => {
    line = await startTestLine();
    await phone(TEXTER).text('hello, can someone talk?');
    await Promise.all([ANA, BEN].map((n) => phone(n).waitForMessage('Reply ACCEPT')));
    await Promise.all([phone(ANA).text('ACCEPT'), phone(BEN).text('accept')]);
    await line.idle();
    const winners = [ANA, BEN].filter((n) => bodies(n).some((b) => b.includes("You're connected")));
    expect(winners).toHaveLength(1);
    const loser = winners[0] === ANA ? BEN : ANA;
    await waitFor(
      () => bodies(loser).some((b) => /taken by another volunteer|no longer waiting/.test(b)),
      'the loser to be told',
    );
    const contact = (await line.store.listLive()).find((c) => c.channel === 'sms');
    expect(contact?.volunteerId).toBe(winners[0] === ANA ? 'vol-ana' : 'vol-ben');
  });

  it('routes tagged and untagged replies of a volunteer holding three conversations', async () => {
    line = await startTestLine();
    await onlyAnaOnShift();
    const texters = ['+15557650001', '+15557650002', '+15557650003'];
    const tags = [];
    for (const [i, texter] of texters.entries()) tags.push(await openAndAccept(texter, `first words ${i}`));
    expect(tags).toEqual(['A', 'B', 'C']);

    await phone(ANA).text('[B] hello B');
    await phone(texters[1] ?? '').waitForMessage('hello B');
    // An untagged reply goes to the conversation written to most recently: B.
    await phone(ANA).text('and one more thing');
    await phone(texters[1] ?? '').waitForMessage('and one more thing');
    await phone(ANA).text('#a: hello A');
    await phone(texters[0] ?? '').waitForMessage('hello A');
    expect(bodies(texters[2] ?? '').some((b) => b.includes('hello'))).toBe(false);

    await phone(ANA).text('[D] anyone?');
    await phone(ANA).waitForMessage('no open conversation [D]. Your open ones: [A], [B], [C]');

    await phone(ANA).text('END B');
    await phone(ANA).waitForMessage('[B] Conversation ended');
    await phone(texters[1] ?? '').waitForMessage('ended this conversation');
  });

  it('stops everything to a texter who sends STOP and tells their volunteer', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi there');
    await phone(TEXTER).text('STOP');
    await phone(ANA).waitForMessage('opted out (STOP)');
    const received = phone(TEXTER).messages.length;
    await phone(ANA).text('[A] are you still there?');
    await phone(ANA).waitForMessage('no open conversation [A]');
    await phone(TEXTER).text('hello again');
    await line.idle();
    expect(phone(TEXTER).messages).toHaveLength(received);
    await phone(TEXTER).text('START');
    await phone(TEXTER).waitForMessage('you will get our messages again');
  });

  it('passes a conversation back to the queue for another volunteer', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi');
    await phone(ANA).text('pass a');
    await phone(ANA).waitForMessage('[A] Returned to the queue');
    await phone(TEXTER).waitForMessage("You're back in line");
    await waitFor(
      () => bodies(BEN).filter((b) => b.includes('Reply ACCEPT')).length >= 2,
      'a new offer to Ben',
    );
    await phone(BEN).text('ACCEPT');
    await phone(BEN).waitForMessage("[A] You're connected");
  });

  it('closes an inactive conversation kindly on both sides, and a later text opens a new one', async () => {
    const clock = movableClock();
    line = await startTestLine({ clock });
    await openAndAccept(TEXTER, 'hi');
    clock.advance(31 * 60_000);
    await line.tick();
    await line.idle();
    await phone(TEXTER).waitForMessage("we've closed this conversation");
    await phone(ANA).waitForMessage('[A] Closed after no messages');
    const welcomes = () => bodies(TEXTER).filter((b) => b.includes('not a crisis line')).length;
    expect(welcomes()).toBe(1);
    await phone(TEXTER).text('me again');
    await waitFor(() => welcomes() === 2, 'a second welcome');
    // The log counts the texter's earlier conversation as the new one starts.
    const conversations = (await line.scanTable())
      .filter((item) => item.sk === 'CONTACT' && item.channel === 'sms')
      .sort((a, b) => Number(a.startedAt) - Number(b.startedAt));
    expect(conversations.map((c) => c.repeatCount)).toEqual([0, 1]);
  });

  it('texts the texter nothing when a volunteer replies or ENDs seven hours after live state expired', async () => {
    const clock = movableClock();
    line = await startTestLine({ clock });
    await openAndAccept(TEXTER, 'hi');
    await phone(TEXTER).waitForMessage('A peer volunteer is here');
    const texterBefore = phone(TEXTER).messages.length;
    // liveStateHours is 6 and TTL has not deleted anything yet (it deletes late; the embedded store never does).
    clock.advance(7 * 3_600_000);

    await phone(ANA).text('are you still there?');
    await line.idle();
    await phone(ANA).text('END');
    await line.idle();

    expect(phone(TEXTER).messages.slice(texterBefore)).toEqual([]);
  });

  it('relays a replayed inbound message once', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi');
    const params = smsFields(`SM${'7'.repeat(32)}`, TEXTER, line.config.LINE_NUMBER, 'only once please');
    const send = () =>
      postSignedWebhook({
        origin: line.origin,
        publicBaseUrl: line.config.PUBLIC_BASE_URL,
        authToken: line.config.TWILIO_AUTH_TOKEN ?? '',
        pathAndQuery: '/twilio/sms',
        params,
      });
    const first = await send();
    const replay = await send();
    expect(first.body).toContain('[A] only once please');
    expect(replay.status).toBe(200);
    expect(replay.body).not.toContain('only once please');
  });

  it('leaves no texter number or message body in the store, the events or the logs', async () => {
    line = await startTestLine();
    const words = 'my cat is the only one who listens';
    await openAndAccept(TEXTER, words);
    await phone(ANA).waitForMessage(words);
    await phone(ANA).text('tell me about your cat');
    await phone(TEXTER).waitForMessage('tell me about your cat');
    await phone(ANA).text('END');
    await line.idle();
    const stored = JSON.stringify(await line.scanTable());
    const events = JSON.stringify(line.bus.published);
    const logs = line.logLines.join('\n');
    for (const trace of ['+15557654321', '5557654321', '+15550100001', words, 'tell me about your cat']) {
      expect(stored).not.toContain(trace);
      expect(events).not.toContain(trace);
      expect(logs).not.toContain(trace);
    }
  });
});

describe('crisis escalation by text', () => {
  it('answers a crisis text with the crisis options and alerts the clinician, telling the peer too', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi');
    await phone(TEXTER).text('i have the pills ready and i am going to take them all tonight');
    await phone(TEXTER).waitForMessage('call 988 or text 988');
    const alert = await phone(line.config.CLINICIAN_NUMBER).waitForMessage('Warmline CRISIS');
    expect(alert.body).not.toContain('pills');
    expect(alert.body).not.toContain('5557654321');
    await phone(ANA).waitForMessage('[A] Crisis language was detected');
    const escalated = line.bus.published.find((e) => e.type === 'ContactEscalated');
    expect(escalated).toMatchObject({ channel: 'sms', trigger: 'texter-language' });
    expect(JSON.stringify(line.bus.published)).not.toContain('pills');
  });

  it('escalates on the volunteer ESCALATE command', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi');
    await phone(ANA).text('escalate');
    await phone(ANA).waitForMessage('[A] Escalated');
    await phone(TEXTER).waitForMessage('call 988 or text 988');
    await phone(line.config.CLINICIAN_NUMBER).waitForMessage('Warmline CRISIS');
    await line.idle();
    expect(line.bus.published.some((e) => e.type === 'ContactEscalated' && e.trigger === 'volunteer')).toBe(
      true,
    );
  });

  it('does not treat a volunteer relaying a question about safety as a crisis of their own', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi');
    await phone(ANA).text('are you thinking about killing yourself?');
    await phone(TEXTER).waitForMessage('are you thinking about killing yourself?');
    await line.idle();
    expect(phone(line.config.CLINICIAN_NUMBER).messages).toHaveLength(0);
  });
});

describe("the clinician's masked call-back", () => {
  it('connects the clinician and the texter by phone when the clinician texts CALL <ref>, both seeing only the line', async () => {
    line = await startTestLine();
    const clinician = phone(line.config.CLINICIAN_NUMBER);
    await phone(TEXTER).text('i took a whole bottle of pills an hour ago');
    const alert = await clinician.waitForMessage('Warmline CRISIS');
    const reference = /Ref ([A-Z0-9]{6})/.exec(alert.body)?.[1] ?? '';
    expect(reference).toHaveLength(6);

    await clinician.text(`call ${reference.toLowerCase()}`);
    await clinician.waitForMessage(`calling you now from the line for ${reference}`);
    const clinicianLeg = await clinician.waitForIncomingCall();
    expect(clinicianLeg.from).toBe(line.config.LINE_NUMBER);
    await clinicianLeg.answer();
    await clinicianLeg.waitForSay('Connecting you to the texter');
    const texterLeg = await phone(TEXTER).waitForIncomingCall();
    expect(texterLeg.from).toBe(line.config.LINE_NUMBER);
    await texterLeg.answer();
    await waitFor(() => clinicianLeg.bridgedWith === texterLeg, 'the clinician and texter to be bridged');
    expect(JSON.stringify(clinician.messages)).not.toContain('5557654321');
  });

  it('dials nothing for an unknown reference', async () => {
    line = await startTestLine();
    const clinician = phone(line.config.CLINICIAN_NUMBER);
    await clinician.text('CALL ZZZZZZ');
    await clinician.waitForMessage('unknown or has expired');
    await line.idle();
    expect(clinician.calls).toHaveLength(0);
  });
});
