// The line's promises to text people back, end to end through signed webhooks and the simulator: a caller who
// pressed 1 on hold, a texter nobody could answer, a text that came in while the line was closed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../flows/model.js';
import { textBackRequestId } from '../../flows/voice/caller-call.js';
import type { SimCall } from '../../infra/local/simulator/call-leg.js';
import type { SimPhone } from '../../infra/local/simulator/simulator.js';
import {
  callContactId,
  movableClock,
  numberTraces,
  signedPosterFor,
  startTestLine,
  type TestLine,
} from '../support/local-line.js';
import { callFields, smsFields } from '../support/signed-webhook.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';
const TEXT_BACK = 'You asked us to text you: a peer is here now';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const phone = (number: string): SimPhone => line.simulator.phone(number);
const bodies = (number: string) => phone(number).messages.map((m) => m.body);
const count = (number: string, words: string) => bodies(number).filter((b) => b.includes(words)).length;

/** Only Ana stays on shift, so every offer goes to her. */
async function onlyAnaOnShift(): Promise<void> {
  for (const number of [BEN, CARO]) {
    await phone(number).text('OFF');
    await phone(number).waitForMessage("you're OFF shift");
  }
}

/** Dials in, holds, and presses 1 while the hold options play; returns the ended call. */
async function askForTextBack(from = CALLER): Promise<SimCall> {
  const call = await phone(from).dial();
  await call.waitForSay('To get a text when a peer is free, press 1');
  await call.press('1');
  await call.waitForSay('We will text you at this number as soon as a peer is free');
  await call.waitForStatus('completed');
  return call;
}

const request = (call: SimCall) =>
  line.store.getContact(textBackRequestId(callContactId(line, call.sid))) as Promise<Contact>;

async function expectNoTraceOf(number: string): Promise<void> {
  await line.idle();
  const stored = JSON.stringify(await line.scanTable());
  for (const trace of numberTraces(number)) expect(stored).not.toContain(trace);
}

describe('a text-back request from the hold loop', () => {
  it('is offered by text, and on ACCEPT the line texts the caller, then relays both ways masked', async () => {
    line = await startTestLine();
    await onlyAnaOnShift();
    const call = await askForTextBack();
    const voice = await line.store.getContact(callContactId(line, call.sid));
    expect(voice).toMatchObject({ status: 'ended', outcome: 'text-back' });
    expect(voice?.callerSealed).toBeUndefined();

    await phone(ANA).waitForMessage('a caller who asked to be texted back');
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage("[A] You're connected");
    await phone(ANA).waitForMessage('[A] This caller asked to be texted back');
    const first = await phone(CALLER).waitForMessage(TEXT_BACK);
    expect(first.from).toBe(line.config.LINE_NUMBER);
    expect(first.body).toContain('This is the warmline.');

    await phone(CALLER).text('thank you for texting me back');
    await phone(ANA).waitForMessage('[A] thank you for texting me back');
    await phone(ANA).text('Glad you are here. How are you doing?');
    await phone(CALLER).waitForMessage('Glad you are here. How are you doing?');

    for (const message of [...phone(CALLER).messages, ...phone(ANA).messages])
      expect(message.from).toBe(line.config.LINE_NUMBER);
    expect(JSON.stringify(phone(ANA).messages)).not.toContain('5557654321');
    expect(JSON.stringify(phone(CALLER).messages)).not.toContain('5550100001');
    expect(count(CALLER, TEXT_BACK)).toBe(1);

    await phone(ANA).text('END A');
    await phone(CALLER).waitForMessage('ended this conversation');
    expect(await request(call)).toMatchObject({ status: 'ended', outcome: 'completed', textBack: true });
    await expectNoTraceOf(CALLER);
  });

  it('creates one request and texts the caller once when the key, the ACCEPT and the event are replayed', async () => {
    line = await startTestLine();
    await onlyAnaOnShift();
    const call = await askForTextBack();
    const post = signedPosterFor(line);
    const contactId = callContactId(line, call.sid);
    const pressed = { ...callFields(call.sid, CALLER, line.config.LINE_NUMBER), Digits: '1' };
    await post(`/twilio/voice/hold-input?c=${contactId}&cn=988&l=en`, pressed);
    await post(`/twilio/voice/hold-input?c=${contactId}&cn=988&l=en`, pressed);

    await phone(ANA).waitForMessage('Reply ACCEPT');
    const accept = smsFields(`SM${'4'.repeat(32)}`, ANA, line.config.LINE_NUMBER, 'ACCEPT');
    const sent = await post('/twilio/sms', accept);
    expect(sent.status).toBe(200);
    await post('/twilio/sms', accept);
    await waitFor(async () => (await request(call))?.status === 'connected', 'the request to be accepted');
    await phone(CALLER).waitForMessage(TEXT_BACK);
    // The dispatcher sees the same ContactConnected again, as a duplicate delivery would bring it (the bus
    // delivers to the dispatcher what the admin API publishes).
    await line.bus.publish(
      [
        {
          type: 'ContactConnected',
          contactId: textBackRequestId(contactId),
          channel: 'sms',
          volunteerId: 'vol-ana',
        },
      ],
      'admin',
    );
    await line.idle();

    expect(count(CALLER, TEXT_BACK)).toBe(1);
    const queued = line.bus.published.filter((e) => e.type === 'ContactQueued' && e.channel === 'sms');
    expect(queued).toHaveLength(1);
    const requests = (await line.scanTable()).filter(
      (item) => 'callerKey' in item && String(item.contactId).startsWith('t-'),
    );
    expect(requests).toHaveLength(1);
  });

  it('sends one honest closing text on the tick when nobody accepts, with outcome unanswered', async () => {
    const clock = movableClock();
    line = await startTestLine({ clock });
    const call = await askForTextBack();
    await waitFor(
      () => [ANA, BEN, CARO].some((n) => count(n, 'a caller who asked to be texted back') > 0),
      'the request to be offered',
    );
    // Nobody accepts. Past the default two-hour wait, two ticks run at once, then one more.
    clock.advance(121 * 60_000);
    await Promise.all([line.tick(), line.tick()]);
    await line.tick();
    await line.idle();

    const closing = phone(CALLER).messages.filter((m) => m.body.includes('no peer volunteer was free'));
    expect(closing).toHaveLength(1);
    expect(closing[0]?.body).toContain('You asked us to text you back');
    expect(closing[0]?.body).toContain('988');
    expect(bodies(CALLER).some((b) => b.includes("haven't heard from you"))).toBe(false);
    expect(await request(call)).toMatchObject({ status: 'ended', outcome: 'unanswered' });
    const ended = line.bus.published.filter(
      (e) => e.type === 'ContactEnded' && e.contactId === textBackRequestId(callContactId(line, call.sid)),
    );
    expect(ended).toEqual([expect.objectContaining({ outcome: 'unanswered' })]);
    await expectNoTraceOf(CALLER);
  });

  it('ends the request as unreachable, once, when Twilio refuses to text the number', async () => {
    line = await startTestLine();
    await onlyAnaOnShift();
    const call = await askForTextBack();
    line.simulator.invalidNumbers.add(CALLER);
    await phone(ANA).waitForMessage('Reply ACCEPT');
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage('could not text this caller back');
    await line.tick();
    await line.tick();
    await line.idle();
    expect(await request(call)).toMatchObject({ status: 'ended', outcome: 'unreachable' });
    const tries = line.simulator.timeline.filter(
      (e) =>
        e.kind === 'rest' && e.summary === 'POST Messages' && e.detail?.includes(encodeURIComponent(CALLER)),
    );
    expect(tries).toHaveLength(1);
    await expectNoTraceOf(CALLER);
  });

  it('does not offer or promise a text-back to a withheld number', async () => {
    line = await startTestLine();
    await line.store.saveSettings({ overflow: { kind: 'text-back' }, maxWaitSeconds: 10 });
    const call = await phone('anonymous').dial();
    await call.waitForSay('To keep holding, stay on the line. For the crisis line, press 9.');
    await call.press('1');
    // Key 1 does nothing; at the wait limit the caller hears the resources, not a promise to text them.
    await call.waitForSay('Please try us again later', 20_000);
    expect(call.transcript.join(' ')).not.toContain('We will text you');
    expect(call.transcript.join(' ')).not.toContain('press 1');
    const contact = await line.store.getContact(callContactId(line, call.sid));
    expect(contact?.outcome).toBe('overflowed');
    expect(line.bus.published.some((e) => e.type === 'ContactQueued' && e.channel === 'sms')).toBe(false);
  });
});

describe('a texter nobody answers', () => {
  it('is told honestly on the tick at the wait limit, not "we haven\'t heard from you"', async () => {
    const clock = movableClock();
    line = await startTestLine({ clock });
    await phone(CALLER).text('hi, is anyone there?');
    await phone(ANA).waitForMessage('Reply ACCEPT');
    // Past the quiet-conversation limit (30 minutes): a texter still waiting is not "quiet".
    clock.advance(31 * 60_000);
    await line.tick();
    await line.idle();
    expect(bodies(CALLER).some((b) => b.includes("haven't heard from you"))).toBe(false);
    clock.advance(90 * 60_000);
    await line.tick();
    await line.tick();
    await line.idle();
    expect(count(CALLER, 'no peer volunteer was free to answer in time')).toBe(1);
    const contact = (await line.store.listLive()).find((c) => c.channel === 'sms');
    expect(contact).toBeUndefined();
    expect(
      line.bus.published.flatMap((e) =>
        e.type === 'ContactEnded' && e.channel === 'sms' ? [e.outcome] : [],
      ),
    ).toEqual(['unanswered']);
    await expectNoTraceOf(CALLER);
  });
});

/**
 * Opening hours on every day from the top of the hour after next (line time), for three hours, so a wait of
 * two hours and a minute lands inside them whatever the minute it starts from, even on the night DST starts
 * (when those two hours of real time are three on the line's clock).
 */
function opensInTwoHours(now: number, timeZone: string) {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  return {
    alwaysOpen: false,
    windows: days.map((day) => ({ day, start: at(hour + 2), end: at(hour + 5) })),
    holidays: [],
  };
}

describe('a text while the line is closed', () => {
  it("waits, says when we open in the texter's language, and is offered at the opening", async () => {
    const clock = movableClock();
    // Thirty seconds before the hour turns, the test's worst moment: the wait below then ends in the next hour.
    clock.advance(3_600_000 - ((clock.now() + 30_000) % 3_600_000));
    line = await startTestLine({ clock });
    await line.store.saveSettings({ hours: opensInTwoHours(clock.now(), 'America/New_York') });
    await phone(CALLER).text('hello, are you open?');
    const reply = await phone(CALLER).waitForMessage('The warmline is closed right now');
    expect(reply.body).toContain('Your message is saved');
    expect(reply.body).toMatch(/We open again (today|on \w+) at \d/);
    await line.idle();
    expect(count(ANA, 'Reply ACCEPT')).toBe(0);

    await phone('+15557650002').text('hola, necesito hablar');
    const spanish = await phone('+15557650002').waitForMessage('Warmline está cerrada');
    expect(spanish.body).toMatch(/Abrimos de nuevo (hoy|el \S+) a las? \d/);

    clock.advance(2 * 3_600_000 + 60_000);
    await line.tick();
    await phone(ANA).waitForMessage('Reply ACCEPT');
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage('[A] hello, are you open?');
    await phone(CALLER).waitForMessage('A peer volunteer is here');
  });
});
