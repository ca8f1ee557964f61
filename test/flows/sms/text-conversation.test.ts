// A text conversation over the memory store, both sides: open, wait, offer, ACCEPT, relay, END, PASS,
// ESCALATE, STOP, crisis words, replays and the clinician's CALL.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatchWaiting } from '../../../flows/dispatch/dispatcher.js';
import type { SurveyStore } from '../../../flows/ports.js';
import { promptsFor } from '../../../flows/prompts/prompts.js';
import { textOfferReleased, volunteerTexts } from '../../../flows/prompts/volunteer-texts.js';
import type { SmsReply } from '../../../flows/replies.js';
import { escalationReference } from '../../../flows/sms/crisis-text.js';
import { handleIncomingText } from '../../../flows/sms/incoming-text.js';
import { textContactId } from '../../../flows/sms/text-deps.js';
import { type FlowLine, phoneOf, readableVault, startFlowLine } from '../../support/flow-line.js';

const en = promptsFor('en');
const TEXTER = '+15556000001';
const TEXTER_KEY = readableVault.keyOf(TEXTER);

let line: FlowLine;
let sids = 0;
beforeEach(async () => {
  line = await startFlowLine({ ringGroupSize: 1 });
  await line.addVolunteer('ana', { idleSince: 0 });
});

/** A text to the line; `messageSid` given to replay one. */
function text(from: string, body: string, messageSid = `SM${++sids}`): Promise<SmsReply> {
  return handleIncomingText(line.text, { from, body, messageSid });
}
const bodies = (reply: SmsReply) => reply.messages.map((m) => (m.to ? `${m.to}: ${m.body}` : m.body));

/** The texter's first text, opening the conversation; returns its contact id. */
async function open(body = 'hi, I could use someone to talk to'): Promise<string> {
  const messageSid = `SM-open-${++sids}`;
  await text(TEXTER, body, messageSid);
  return textContactId(readableVault, messageSid);
}

/** Opens a conversation and has `volunteerId` accept it; returns its contact id. */
async function connected(volunteerId = 'ana'): Promise<string> {
  const contactId = await open();
  await dispatchWaiting(line.dispatch);
  await text(phoneOf(volunteerId), 'ACCEPT');
  line.events.take();
  return contactId;
}

describe('the texter opening a conversation', () => {
  it('looks for a pending survey only when the number is marked as having been sent one', async () => {
    const getSurvey = vi.fn(async () => undefined);
    const deps = { ...line.text, surveys: { getSurvey } as unknown as SurveyStore };

    await handleIncomingText(deps, { from: TEXTER, body: 'hi there', messageSid: 'SM-plain' });
    expect(getSurvey).not.toHaveBeenCalled();

    const marked = '+15556000077';
    vi.spyOn(line.store, 'getPhone').mockResolvedValue({
      phoneKey: readableVault.keyOf(marked),
      surveyUntil: line.clock.now() + 3_600_000,
    });
    await handleIncomingText(deps, { from: marked, body: '4', messageSid: 'SM-marked' });
    expect(getSurvey).toHaveBeenCalledTimes(1);
  });

  it('welcomes a first text, queues it with the words sealed, and points the number at it', async () => {
    const messageSid = 'SM-first';

    const reply = await text(TEXTER, 'hi, is anyone there', messageSid);

    const contactId = textContactId(readableVault, messageSid);
    expect(bodies(reply)).toEqual([en.smsWelcome(line.defaults.crisisTextNumber, undefined)]);
    expect(await line.store.getContact(contactId)).toMatchObject({
      status: 'queued',
      channel: 'sms',
      callerSealed: readableVault.seal(TEXTER),
      pendingSealed: [readableVault.seal('hi, is anyone there')],
      messageCount: 1,
    });
    expect((await line.store.getPhone(TEXTER_KEY))?.contactId).toBe(contactId);
    expect(line.events.events).toEqual([
      { type: 'ContactQueued', contactId, channel: 'sms', language: 'en' },
    ]);
  });

  it('answers a replayed first text with nothing, opening nothing twice', async () => {
    await text(TEXTER, 'hello', 'SM-replayed');

    const replay = await text(TEXTER, 'hello', 'SM-replayed');

    expect(replay.messages).toEqual([]);
    expect(line.events.types()).toEqual(['ContactQueued']);
  });

  it('opens a Spanish conversation for a text in Spanish', async () => {
    const contactId = await open('hola, necesito hablar con alguien');

    expect((await line.store.getContact(contactId))?.language).toBe('es');
  });

  it('refuses a blocked number and opens nothing', async () => {
    await line.store.setBlocked(TEXTER_KEY, true);

    const reply = await text(TEXTER, 'hello');

    expect(bodies(reply)).toEqual([en.smsBlocked]);
    expect(await line.store.getPhone(TEXTER_KEY)).toBeUndefined();
    expect(line.events.events).toEqual([]);
  });

  it('tells a texter nobody is on shift, and keeps the text waiting for a peer', async () => {
    await line.store.setOnShift('ana', false);

    const contactId = await open();

    expect((await line.store.getContact(contactId))?.status).toBe('queued');
    expect(line.events.types()).toEqual(['ContactQueued']);
  });
});

describe('the texter waiting', () => {
  it('keeps each further text sealed for the peer and tells the texter their place', async () => {
    const contactId = await open();

    const reply = await text(TEXTER, 'still there?');

    expect(bodies(reply)).toEqual([en.smsQueueStatus(1)]);
    expect((await line.store.getContact(contactId))?.pendingSealed).toHaveLength(2);
  });

  it('moves a waiting conversation to Spanish on ESPAÑOL, announcing it afresh', async () => {
    const contactId = await open();

    const reply = await text(TEXTER, 'ESPAÑOL');

    expect(bodies(reply)).toEqual([promptsFor('es').smsLanguageChanged]);
    expect((await line.store.getContact(contactId))?.language).toBe('es');
    expect(line.events.types()).toEqual(['ContactQueued', 'ContactQueued']);
  });

  it('ends a wait that has run out with one honest closing text', async () => {
    const contactId = await open();
    line.clock.advance(line.defaults.textWaitMinutes * 60_000);

    const reply = await text(TEXTER, 'hello?');

    expect(reply.messages).toHaveLength(1);
    expect(await line.store.getContact(contactId)).toMatchObject({ status: 'ended', outcome: 'unanswered' });
    expect(await line.store.getPhone(TEXTER_KEY)).not.toHaveProperty('contactId');
  });
});

describe('a volunteer accepting', () => {
  it('gives the conversation tag A, hands over the waiting texts and tells the texter a peer joined', async () => {
    const contactId = await open('first words');
    await text(TEXTER, 'second words');
    await dispatchWaiting(line.dispatch);

    const reply = await text(phoneOf('ana'), 'accept');

    expect(bodies(reply)).toEqual([
      volunteerTexts.accepted('A', undefined),
      volunteerTexts.relayed('A', 'first words'),
      volunteerTexts.relayed('A', 'second words'),
      `${TEXTER}: ${en.smsPeerJoined}`,
    ]);
    const contact = await line.store.getContact(contactId);
    expect(contact).toMatchObject({ status: 'connected', volunteerId: 'ana', tag: 'A' });
    expect(contact).not.toHaveProperty('pendingSealed');
    expect(await line.store.getVolunteer('ana')).toMatchObject({
      textSessions: { A: contactId },
      latestTag: 'A',
    });
    expect(await line.store.getVolunteer('ana')).not.toHaveProperty('textOffer');
    expect(line.events.types()).toContain('ContactConnected');
  });

  it('lets only the first of two volunteers who ACCEPT have it; the other is told it was taken', async () => {
    await line.store.saveSettings({ ringGroupSize: 2 });
    await line.addVolunteer('ben');
    const contactId = await open();
    await dispatchWaiting(line.dispatch);

    const [anaReply, benReply] = await Promise.all([
      text(phoneOf('ana'), 'ACCEPT'),
      text(phoneOf('ben'), 'ACCEPT'),
    ]);

    const winner = (await line.store.getContact(contactId))?.volunteerId;
    expect(['ana', 'ben']).toContain(winner);
    expect(bodies(winner === 'ana' ? benReply : anaReply)).toEqual([textOfferReleased('taken')]);
    expect(line.events.types().filter((type) => type === 'ContactConnected')).toHaveLength(1);
  });

  it('finishes an ACCEPT whose volunteer record could not be written when the volunteer sends it again', async () => {
    const contactId = await open('first words');
    await dispatchWaiting(line.dispatch);
    const write = line.store.updateVolunteer.bind(line.store);
    vi.spyOn(line.store, 'updateVolunteer')
      .mockRejectedValueOnce(new Error('store unavailable'))
      .mockImplementation(write);

    await expect(text(phoneOf('ana'), 'ACCEPT')).rejects.toThrow('store unavailable');
    expect(await line.store.getContact(contactId)).toMatchObject({ status: 'connected', volunteerId: 'ana' });

    const again = await text(phoneOf('ana'), 'ACCEPT');
    expect(bodies(again)).toEqual([
      volunteerTexts.accepted('A', undefined),
      volunteerTexts.relayed('A', 'first words'),
      `${TEXTER}: ${en.smsPeerJoined}`,
    ]);
    expect(await line.store.getVolunteer('ana')).toMatchObject({ textSessions: { A: contactId } });
    expect(await line.store.getVolunteer('ana')).not.toHaveProperty('textOffer');
    expect(line.events.types().filter((type) => type === 'ContactConnected')).toHaveLength(1);
  });

  it('tells a volunteer with no offer that there is nothing to accept', async () => {
    expect(bodies(await text(phoneOf('ana'), 'ACCEPT'))).toEqual([volunteerTexts.nothingToAccept]);
  });
});

describe('the conversation', () => {
  it("relays the texter's words to the peer as [A] words, once however often the webhook comes", async () => {
    await connected();

    const reply = await text(TEXTER, 'thanks for being here', 'SM-relay');
    const replay = await text(TEXTER, 'thanks for being here', 'SM-relay');

    expect(bodies(reply)).toEqual([
      `${phoneOf('ana')}: ${volunteerTexts.relayed('A', 'thanks for being here')}`,
    ]);
    expect(replay.messages).toEqual([]);
  });

  it("relays the peer's reply to the texter without its tag, once", async () => {
    await connected();

    const reply = await text(phoneOf('ana'), '[A] I am glad you texted', 'SM-reply');
    const replay = await text(phoneOf('ana'), '[A] I am glad you texted', 'SM-reply');

    expect(bodies(reply)).toEqual([`${TEXTER}: I am glad you texted`]);
    expect(replay.messages).toEqual([]);
  });

  it('lists the open tags when the peer writes to one that does not exist', async () => {
    await connected();

    const reply = await text(phoneOf('ana'), '[C] hello');

    expect(bodies(reply)).toEqual([volunteerTexts.unknownTag('C', ['A'])]);
  });

  it('asks about a near-miss of a command rather than relaying it', async () => {
    await connected();

    const reply = await text(phoneOf('ana'), 'ESCALTE');

    expect(reply.messages).toHaveLength(1);
    expect(reply.messages[0]?.to).toBeUndefined();
  });

  it('flags the conversation once when the texter writes words of concern, and asks the peer to check', async () => {
    const contactId = await connected();

    const reply = await text(TEXTER, 'honestly I feel like a burden to everyone');

    expect(bodies(reply)).toContain(`${phoneOf('ana')}: ${volunteerTexts.concernRaised('A', 'burden')}`);
    expect((await line.store.getContact(contactId))?.concern?.kind).toBe('burden');
  });
});

describe('closing a conversation', () => {
  it('ends it on END: the texter is told, the tag freed, the number unlinked', async () => {
    const contactId = await connected();

    const reply = await text(phoneOf('ana'), 'END');

    expect(bodies(reply)).toEqual([volunteerTexts.ended('A'), `${TEXTER}: ${en.smsEndedByPeer}`]);
    const ended = await line.store.getContact(contactId);
    expect(ended).toMatchObject({ status: 'ended', outcome: 'completed' });
    expect(ended).not.toHaveProperty('callerSealed');
    expect((await line.store.getVolunteer('ana'))?.textSessions).toEqual({});
    expect(await line.store.getPhone(TEXTER_KEY)).not.toHaveProperty('contactId');
    expect(line.events.types()).toEqual(['ContactEnded']);
  });

  it('passes it on with a note: back in the queue, never to the passer, the note to whoever accepts', async () => {
    await line.addVolunteer('ben');
    const contactId = await connected('ana');

    const reply = await text(phoneOf('ana'), 'PASS feeling isolated after a move, call me at 555 123 4567');
    await dispatchWaiting(line.dispatch);
    const accepted = await text(phoneOf('ben'), 'ACCEPT');

    expect(bodies(reply)).toEqual([volunteerTexts.passedToPeer('A'), `${TEXTER}: ${en.smsPassedBack}`]);
    expect((await line.store.getVolunteer('ana'))?.textOffer).toBeUndefined();
    expect(bodies(accepted)).toContain(
      volunteerTexts.passNote('A', 'feeling isolated after a move, call me at …'),
    );
    const contact = await line.store.getContact(contactId);
    expect(contact).toMatchObject({ status: 'connected', volunteerId: 'ben', passedBy: 'ana' });
    expect(contact).not.toHaveProperty('passSummarySealed');
  });

  it('escalates on ESCALATE: the texter gets the crisis options and the clinician one alert', async () => {
    const contactId = await connected();

    const reply = await text(phoneOf('ana'), 'ESCALATE A', 'SM-escalate');
    const replay = await text(phoneOf('ana'), 'ESCALATE A', 'SM-escalate');

    const reference = escalationReference('SM-escalate');
    expect(bodies(reply)).toEqual([
      volunteerTexts.escalated('A', line.defaults.crisisTextNumber),
      `${TEXTER}: ${en.smsCrisisReply(line.defaults.crisisNumber, line.defaults.crisisTextNumber)}`,
      `${line.defaults.clinicianNumber}: ${en.clinicianTextAlert(reference, 'volunteer-request')}`,
    ]);
    expect(bodies(replay)).toEqual([volunteerTexts.escalated('A', line.defaults.crisisTextNumber)]);
    expect(await line.store.getEscalationRef(reference)).toMatchObject({
      contactId,
      callerSealed: readableVault.seal(TEXTER),
    });
    expect(line.events.types()).toEqual(['ContactEscalated']);
  });

  it('closes everything on STOP: opted out, the peer told, and nothing more opens', async () => {
    const contactId = await connected();

    const reply = await text(TEXTER, 'STOP');
    const later = await text(TEXTER, 'hello again');

    expect(bodies(reply)).toEqual([`${phoneOf('ana')}: ${volunteerTexts.texterStopped('A')}`]);
    expect(await line.store.getContact(contactId)).toMatchObject({ status: 'ended', outcome: 'abandoned' });
    expect((await line.store.getPhone(TEXTER_KEY))?.optedOut).toBe(true);
    expect(later.messages).toEqual([]);
  });

  it('lets START undo STOP', async () => {
    await text(TEXTER, 'STOP');

    const reply = await text(TEXTER, 'START');

    expect(bodies(reply)).toEqual([en.smsResumed]);
    expect(await line.store.getPhone(TEXTER_KEY)).not.toHaveProperty('optedOut');
  });
});

describe('crisis words from a texter', () => {
  const CRISIS = 'I am going to kill myself tonight';

  it('answers with the crisis options and alerts the clinician in the same reply, telling the peer', async () => {
    const contactId = await connected();

    const reply = await text(TEXTER, CRISIS, 'SM-crisis');

    const messages = bodies(reply);
    expect(messages[0]).toBe(en.smsCrisisReply(line.defaults.crisisNumber, line.defaults.crisisTextNumber));
    expect(messages[1]).toMatch(new RegExp(`^\\${line.defaults.clinicianNumber}: `));
    expect(messages[2]).toBe(`${phoneOf('ana')}: ${volunteerTexts.escalatedByDetector('A')}`);
    expect((await line.store.getContact(contactId))?.escalation?.trigger).toBe('texter-language');
    expect(line.events.types()).toEqual(['ContactEscalated']);
  });

  it('gives a replay the options again but sends no second alert', async () => {
    await text(TEXTER, CRISIS, 'SM-crisis-2');

    const replay = await text(TEXTER, CRISIS, 'SM-crisis-2');

    expect(replay.messages).toHaveLength(1);
    expect(replay.messages[0]?.to).toBeUndefined();
    expect(line.events.types()).toEqual(['ContactEscalated']);
  });

  it("connects the clinician's CALL <reference> to a call back, and refuses an unknown one", async () => {
    await text(TEXTER, CRISIS, 'SM-crisis-3');
    const reference = escalationReference('SM-crisis-3');

    await text(line.defaults.clinicianNumber, `CALL ${reference}`, 'SM-clinician');
    const unknown = await text(line.defaults.clinicianNumber, 'CALL ZZZZZZ');

    expect(line.events.events).toContainEqual({
      type: 'ClinicianCallRequested',
      reference,
      requestId: 'SM-clinician',
    });
    expect(unknown.messages).toHaveLength(1);
    expect(line.events.types().filter((type) => type === 'ClinicianCallRequested')).toHaveLength(1);
  });
});

describe('volunteer commands', () => {
  it('takes a volunteer off shift on OFF and back on with ON, unpausing them', async () => {
    const off = await text(phoneOf('ana'), 'OFF');
    const offLine = await line.store.getLine();
    await line.store.updateVolunteer('ana', { set: { state: 'paused' } });
    await line.store.setPaused('ana', true);
    const on = await text(phoneOf('ana'), 'ON');

    expect(bodies(off)).toEqual([volunteerTexts.offShift]);
    expect(offLine.onShiftIds.has('ana')).toBe(false);
    expect(bodies(on)).toEqual([volunteerTexts.onShift]);
    expect(await line.store.getVolunteer('ana')).toMatchObject({ onShift: true, state: 'available' });
    const onLine = await line.store.getLine();
    expect([onLine.onShiftIds.has('ana'), onLine.pausedIds.has('ana')]).toEqual([true, false]);
  });

  it('counts the waiting texts on STATUS', async () => {
    await open();

    const reply = await text(phoneOf('ana'), 'STATUS');

    expect(bodies(reply)).toEqual([volunteerTexts.status(1, [], true)]);
  });
});
