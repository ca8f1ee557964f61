// The concern tier end to end: words of concern flag a text conversation, put it first in the queue, tell the
// volunteer what to ask, and show on the live board; texts through the simulator, the board through the API.
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveBoard } from '../../flows/admin/live-board.js';
import { detectCrisis } from '../../flows/crisis/detect-crisis.js';
import type { SimPhone } from '../../infra/local/simulator/simulator.js';
import { type AdminLine, startAdminLine } from '../functions/admin/admin-line.js';
import { waitFor } from '../support/wait-for.js';

const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';
const FIRST = '+15557650001';
const SECOND = '+15557650002';
const WORRIED = '+15557650003';

const CONCERN_TEXT = 'honestly I feel like such a burden to everyone lately';
const PLAIN_TEXT = 'hi, rough day at work, can we talk';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

const phone = (number: string): SimPhone => admin.line.simulator.phone(number);
const offersTo = (number: string) => phone(number).messages.filter((m) => m.body.includes('Reply ACCEPT'));

async function onlyAnaOnShift(): Promise<void> {
  for (const number of [BEN, CARO]) {
    await phone(number).text('OFF');
    await phone(number).waitForMessage("you're OFF shift");
  }
}

describe('the concern tier', () => {
  it('reads the test messages as intended: one concern, one plain', () => {
    expect(detectCrisis(CONCERN_TEXT)).toMatchObject({ escalate: false, tier: 'concern', concern: 'burden' });
    expect(detectCrisis(PLAIN_TEXT).tier).toBeNull();
  });

  it('tells the volunteer offered and connected to a concern text what to ask', async () => {
    admin = await startAdminLine();
    await onlyAnaOnShift();

    await phone(WORRIED).text(CONCERN_TEXT);
    const offer = await waitFor(() => offersTo(ANA)[0], 'an offer to Ana');
    await phone(ANA).text('ACCEPT');
    const connected = await phone(ANA).waitForMessage("You're connected");

    expect(offer.body).toContain('Flagged: feeling like a burden; please ask directly about safety.');
    expect(connected.body).toContain('please ask directly whether they are thinking of suicide');
    await phone(ANA).waitForMessage(`[A] ${CONCERN_TEXT}`);
    // The texter is not told anything about the flag, and nothing escalated.
    expect(
      phone(WORRIED)
        .messages.map((m) => m.body)
        .join(' '),
    ).not.toMatch(/flag|concern/i);
    const [contact] = (await admin.line.store.listLive()).filter((c) => c.channel === 'sms');
    expect(contact?.concern?.kind).toBe('burden');
    expect(contact?.escalation).toBeUndefined();
  });

  it('offers a concern text before an older one without a flag, and shows the flag on the board', async () => {
    admin = await startAdminLine();
    await onlyAnaOnShift();
    // Ana holds the first offer, so the next two texters wait: a plain one, then a later concern one.
    await phone(FIRST).text(PLAIN_TEXT);
    await waitFor(() => offersTo(ANA)[0], 'the first offer to Ana');
    await phone(SECOND).text('hello, is anyone there tonight');
    await phone(SECOND).waitForMessage('peer support by text, not a crisis line');
    await phone(WORRIED).text(CONCERN_TEXT);
    await phone(WORRIED).waitForMessage('peer support by text, not a crisis line');
    await admin.line.idle();

    const board = await admin.api.request<LiveBoard>('GET', '/admin/board');
    const waiting = board.body.queues.find((q) => q.channel === 'sms' && q.language === 'en')?.contacts ?? [];
    const flagged = waiting.filter((c) => c.concern === 'burden');
    expect(flagged).toHaveLength(1);
    expect(waiting.filter((c) => c.concern === undefined).length).toBeGreaterThanOrEqual(1);
    expect(board.text).not.toContain(CONCERN_TEXT);

    // Taking the first conversation frees Ana for another: the concern one comes next, not the older one.
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage("You're connected");
    const second = await waitFor(() => offersTo(ANA)[1], 'a second offer to Ana');
    expect(second.body).toContain('Flagged: feeling like a burden');
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage(`[B] ${CONCERN_TEXT}`);
  });

  it('flags a conversation already under way and tells its peer once', async () => {
    admin = await startAdminLine();
    await onlyAnaOnShift();
    await phone(FIRST).text(PLAIN_TEXT);
    await waitFor(() => offersTo(ANA)[0], 'an offer to Ana');
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage("You're connected");

    await phone(FIRST).text(CONCERN_TEXT);
    await phone(ANA).waitForMessage('Heads-up: words of concern (feeling like a burden)');
    await phone(FIRST).text('what is the point of me even trying, I am such a burden');
    await phone(ANA).waitForMessage('[A] what is the point of me even trying');
    await admin.line.idle();

    const headsUps = phone(ANA).messages.filter((m) => m.body.includes('Heads-up'));
    expect(headsUps).toHaveLength(1);
  });
});

describe('the concern tier on a call', () => {
  it('flags a caller whose spoken intake carries words of concern, and tells the volunteer in the whisper', async () => {
    admin = await startAdminLine();
    await admin.line.store.saveSettings({ voiceIntake: true });
    await onlyAnaOnShift();

    const call = await phone('+15557650009').dial();
    await call.waitForSay('how are you doing today');
    await call.waitForGather();
    await call.speak(CONCERN_TEXT);
    const offer = await phone(ANA).waitForIncomingCall();
    await offer.answer();
    await offer.waitForSay('Press 1 to accept');

    expect(offer.transcript.join(' ')).toContain(
      'Flagged: feeling like a burden; please ask directly about safety.',
    );
    expect(call.transcript.join(' ')).not.toMatch(/flagged|concern/i);
    await call.hangup();
  });
});
