// The promises a text conversation makes, end to end through signed webhooks and the simulator:
// the texter's words reach their peer, carrier keywords keep their meaning only where they should.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimPhone } from '../../infra/local/simulator/simulator.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

const TEXTER = '+15557654321';
const ANA = '+15550100001';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const phone = (number: string): SimPhone => line.simulator.phone(number);
const bodies = (number: string) => phone(number).messages.map((m) => m.body);

async function openAndAccept(texter: string, firstWords: string): Promise<void> {
  await phone(texter).text(firstWords);
  await phone(ANA).waitForMessage('Reply ACCEPT');
  await phone(ANA).text('ACCEPT');
  await phone(ANA).waitForMessage("] You're connected");
  await phone(texter).waitForMessage('A peer volunteer is here');
}

describe('carrier keywords inside a live conversation', () => {
  it('relays yes, help, info and start to the peer as conversation', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi, can we talk');
    const texterBefore = phone(TEXTER).messages.length;
    for (const word of ['yes', 'HELP', 'info', 'Start']) {
      await phone(TEXTER).text(word);
      await phone(ANA).waitForMessage(`[A] ${word}`);
    }
    await line.idle();
    // Nothing automatic went back to the texter: no help text, no "you will get our messages again".
    expect(phone(TEXTER).messages.slice(texterBefore)).toEqual([]);
  });

  it.each(['STOPALL', 'END', 'optout', 'revoke', 'PARAR'])(
    'ends the conversation on %s and sends nothing more',
    async (word) => {
      line = await startTestLine();
      await openAndAccept(TEXTER, 'hi there');
      await phone(TEXTER).text(word);
      await phone(ANA).waitForMessage('opted out (STOP)');
      const received = phone(TEXTER).messages.length;
      await phone(ANA).text('[A] are you still there?');
      await phone(ANA).waitForMessage('no open conversation');
      await line.idle();
      expect(phone(TEXTER).messages).toHaveLength(received);
      expect(bodies(ANA).some((b) => b.includes(`[A] ${word}`))).toBe(false);
    },
  );

  it('keeps HELP and START as carrier keywords outside a conversation', async () => {
    line = await startTestLine();
    await phone(TEXTER).text('HELP');
    await phone(TEXTER).waitForMessage('988');
    await line.idle();
    expect(
      bodies(TEXTER).some((b) => b.includes('not a crisis line') && b.includes('peer support by text')),
    ).toBe(false);
    expect(bodies(ANA).some((b) => b.includes('Reply ACCEPT'))).toBe(false);
  });
});

describe("a volunteer's mistyped command", () => {
  it('is asked about and never reaches the texter, while a short real reply does', async () => {
    line = await startTestLine();
    await openAndAccept(TEXTER, 'hi, can we talk');
    const texterBefore = phone(TEXTER).messages.length;
    await phone(ANA).text('ESCALTE A');
    await phone(ANA).waitForMessage('did you mean ESCALATE A?');
    await phone(ANA).text('STAUTS');
    await phone(ANA).waitForMessage('did you mean STATUS?');
    await phone(ANA).text('ok');
    await phone(TEXTER).waitForMessage('ok');
    await phone(ANA).text('on my way');
    await phone(TEXTER).waitForMessage('on my way');
    const received = phone(TEXTER)
      .messages.slice(texterBefore)
      .map((m) => m.body);
    expect(received).toEqual(['ok', 'on my way']);
    expect(line.bus.published.some((e) => e.type === 'ContactEscalated')).toBe(false);
  });
});

describe("a texter's language", () => {
  /** The language of the one waiting text conversation, read from the queue it waits in. */
  const waitingIn = async () => {
    const [en, es] = await Promise.all([
      line.store.listQueued('sms', 'en', 10),
      line.store.listQueued('sms', 'es', 10),
    ]);
    return [...en.map(() => 'en'), ...es.map(() => 'es')];
  };

  it('answers a first text in Spanish in Spanish, and switches to English on ENGLISH while waiting', async () => {
    line = await startTestLine();
    await phone(TEXTER).text('Buenas noches');
    await phone(TEXTER).waitForMessage('apoyo entre pares por texto');
    expect(await waitingIn()).toEqual(['es']);

    await phone(TEXTER).text('ENGLISH');
    await phone(TEXTER).waitForMessage("we'll carry on in English");
    expect(await waitingIn()).toEqual(['en']);

    await phone(TEXTER).text('espanol');
    await phone(TEXTER).waitForMessage('seguimos en español');
    expect(await waitingIn()).toEqual(['es']);
  });
});
