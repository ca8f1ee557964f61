// Supervision end to end: a supervisor listens in or coaches a live call by text, the caller's leg is untouched,
// the simulator's mixing says who hears whom, the audit log records it, and SUPPORT reaches the supervisor on shift.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../flows/admin/admin-api-types.js';
import { contactReference } from '../../flows/supervision/contact-reference.js';
import { createAdminStore } from '../../functions/store/admin-store.js';
import type { SimCall } from '../../infra/local/simulator/call-leg.js';
import { BEEP } from '../../infra/local/simulator/rest-api.js';
import {
  callContactId,
  numberTraces,
  signedPosterFor,
  startTestLine,
  type TestLine,
} from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';
const COORDINATOR = '+15550100900';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const phone = (number: string) => line.simulator.phone(number);

/** Caro is the supervisor; only Ana (the longest idle) is rung, so Caro's phone rings for supervision only. */
async function startSupervisedLine(options: { caroSupervises?: boolean } = {}): Promise<void> {
  line = await startTestLine();
  await line.store.saveSettings({ ringGroupSize: 1 });
  if (options.caroSupervises ?? true)
    await line.store.updateVolunteer('vol-caro', { set: { supervisor: true } });
}

/** A caller talking with Ana: both legs in the contact's room. */
async function liveCall(): Promise<{ caller: SimCall; ana: SimCall; contactId: string; reference: string }> {
  const caller = await phone(CALLER).dial();
  const contactId = callContactId(line, caller.sid);
  await waitFor(
    async () => (await line.store.getContact(contactId))?.status === 'queued',
    'the caller queued',
  );
  const ana = await phone(ANA).waitForIncomingCall();
  await ana.answer();
  await ana.waitForGather();
  await ana.press('1');
  const room = await caller.waitForConference();
  expect(await ana.waitForConference()).toBe(room);
  await waitFor(async () => (await line.store.getContact(contactId))?.status === 'connected', 'connected');
  return { caller, ana, contactId, reference: contactReference(contactId) };
}

async function supervisionAudit(contactId: string): Promise<AuditEntry[]> {
  const entries = await createAdminStore(line.config).listAudit(Date.now() - 3_600_000, Date.now() + 60_000);
  return entries.filter((entry) => entry.target === contactId && entry.action.startsWith('supervision.'));
}

async function supervisorJoins(text: string, heard: string): Promise<SimCall> {
  await phone(CARO).text(text);
  await phone(CARO).waitForMessage(heard);
  const leg = await phone(CARO).waitForIncomingCall();
  expect(leg.from).toBe(line.config.LINE_NUMBER);
  await leg.answer();
  await leg.waitForConference();
  return leg;
}

describe('listening in and coaching', () => {
  it('rings the supervisor in muted: they hear both, nobody hears them, and the caller never notices', async () => {
    await startSupervisedLine();
    const { caller, ana, contactId, reference } = await liveCall();
    const callerHeard = caller.transcript.length;

    const caro = await supervisorJoins(`LISTEN ${reference}`, 'You are muted: nobody hears you');

    const sim = line.simulator;
    expect([sim.hears(caro, caller), sim.hears(caro, ana)]).toEqual([true, true]);
    expect([sim.hears(caller, caro), sim.hears(ana, caro)]).toEqual([false, false]);
    expect([sim.hears(caller, ana), sim.hears(ana, caller)]).toEqual([true, true]);
    // No beep, no announcement, no redirect: the caller's leg heard nothing new and is still in its room.
    expect(caller.transcript.slice(callerHeard)).toEqual([]);
    expect(ana.transcript).not.toContain(BEEP);
    await waitFor(
      async () => (await supervisionAudit(contactId)).some((e) => e.action === 'supervision.listen'),
      'the listen-in to be audited',
    );

    await caro.hangup();
    await waitFor(
      async () => (await supervisionAudit(contactId)).some((e) => e.action === 'supervision.ended'),
      'the end of the listen-in to be audited',
    );
    expect(caller.status).toBe('in-progress');
    expect(caller.conference).toBe(`warmline-${contactId}`);
    expect(sim.hears(caller, ana)).toBe(true);
    expect(caller.transcript.slice(callerHeard)).toEqual([]);

    const audit = await supervisionAudit(contactId);
    expect(audit.map((e) => [e.who, e.action])).toEqual([
      ['vol-caro', 'supervision.ended'],
      ['vol-caro', 'supervision.listen'],
    ]);
    for (const trace of [...numberTraces(CARO), ...numberTraces(CALLER), ...numberTraces(ANA)])
      expect(JSON.stringify(audit)).not.toContain(trace);
  });

  it('rings the supervisor in as coach: the volunteer hears them, the caller does not', async () => {
    await startSupervisedLine();
    const { caller, ana, contactId, reference } = await liveCall();
    const callerHeard = caller.transcript.length;

    const caro = await supervisorJoins(`coach ${reference}`, 'Only the volunteer hears you');

    const sim = line.simulator;
    expect(sim.hears(ana, caro)).toBe(true);
    expect(sim.hears(caller, caro)).toBe(false);
    expect([sim.hears(caro, caller), sim.hears(caro, ana), sim.hears(caller, ana)]).toEqual([
      true,
      true,
      true,
    ]);
    await waitFor(
      async () => (await supervisionAudit(contactId)).some((e) => e.action === 'supervision.coach'),
      'the coaching to be audited',
    );
    await caro.hangup();
    await line.idle();
    expect(caller.status).toBe('in-progress');
    expect(caller.transcript.slice(callerHeard)).toEqual([]);
  });

  it('audits a supervisor who never answers as never joined, and the call goes on', async () => {
    await startSupervisedLine();
    const { caller, ana, contactId, reference } = await liveCall();
    await phone(CARO).text(`LISTEN ${reference}`);
    const ringing = await phone(CARO).waitForIncomingCall();
    await ringing.waitForStatus('no-answer');
    await waitFor(
      async () => (await supervisionAudit(contactId)).some((e) => e.summary.includes('never joined')),
      'the unanswered listen-in to be audited',
    );
    expect(caller.status).toBe('in-progress');
    expect(line.simulator.hears(caller, ana)).toBe(true);
  });

  it('refuses COACH when coaching is switched off, and rings nobody', async () => {
    await startSupervisedLine();
    await line.store.saveSettings({ coachingEnabled: false });
    const { reference } = await liveCall();
    await phone(CARO).text(`COACH ${reference}`);
    await phone(CARO).waitForMessage('coaching is switched off on this line');
    await line.idle();
    expect(phone(CARO).calls).toHaveLength(0);
  });

  it('refuses a volunteer who is not a supervisor, and answers an unknown or ended reference honestly', async () => {
    await startSupervisedLine();
    const { caller, reference } = await liveCall();
    await phone(BEN).text(`LISTEN ${reference}`);
    await phone(BEN).waitForMessage('only supervisors can listen in or coach. Nothing was dialled.');

    const unknown = reference === '00000' ? '00001' : '00000';
    await phone(CARO).text(`LISTEN ${unknown}`);
    await phone(CARO).waitForMessage(`no live call ${unknown}; it may have ended. Nothing was dialled.`);

    await caller.hangup();
    await waitFor(
      async () => (await line.store.getContact(callContactId(line, caller.sid)))?.status === 'ended',
      'ended',
    );
    await phone(CARO).text(`LISTEN ${reference}`);
    await phone(CARO).waitForMessage(`no live call ${reference}; it may have ended`);
    await line.idle();
    expect(phone(BEN).calls).toHaveLength(0);
    expect(phone(CARO).calls).toHaveLength(0);
  });

  it('rings the supervisor once for a replayed LISTEN text', async () => {
    await startSupervisedLine();
    const { reference } = await liveCall();
    const post = signedPosterFor(line);
    const listen = {
      MessageSid: `SM${'5'.repeat(32)}`,
      From: CARO,
      To: line.config.LINE_NUMBER,
      Body: `LISTEN ${reference}`,
    };
    for (let i = 0; i < 2; i++) {
      const response = await post('/twilio/sms', listen);
      expect(response.body).toContain('calling you now from the line to listen in');
    }
    await phone(CARO).waitForIncomingCall();
    await line.idle();
    expect(phone(CARO).calls).toHaveLength(1);
  });
});

describe('SUPPORT', () => {
  it("texts the supervisor on shift the volunteer's name and the call's reference, once for a replay", async () => {
    await startSupervisedLine();
    const { reference } = await liveCall();
    const post = signedPosterFor(line);
    const support = {
      MessageSid: `SM${'7'.repeat(32)}`,
      From: ANA,
      To: line.config.LINE_NUMBER,
      Body: 'SUPPORT',
    };

    const first = (await post('/twilio/sms', support)).body;
    expect(first).toContain('the supervisor on shift has been asked to join');
    expect(first).toContain(
      `<Message to="${CARO}">Warmline: Ana asks for support on call ${reference}. Reply LISTEN ${reference}`,
    );
    const replay = (await post('/twilio/sms', support)).body;
    expect(replay).toContain('the supervisor on shift has been asked to join');
    expect(replay).not.toContain(`to="${CARO}"`);
  });

  it('reaches the supervisor for a text conversation by its tag', async () => {
    await startSupervisedLine();
    await phone(BEN).text('OFF');
    await phone(BEN).waitForMessage("you're OFF shift");
    await phone(CALLER).text('hi, rough night');
    await phone(ANA).waitForMessage('Reply ACCEPT');
    await phone(ANA).text('ACCEPT');
    await phone(ANA).waitForMessage("[A] You're connected");
    await phone(ANA).text('support a');
    await phone(ANA).waitForMessage('the supervisor on shift has been asked to join');
    const asked = await phone(CARO).waitForMessage('Ana asks for support on text conversation');
    expect(asked.body).toMatch(/conversation \d{5}\. Read along/);
    // The command went to nobody else: the texter never saw it.
    expect(
      phone(CALLER)
        .messages.map((m) => m.body)
        .join('\n'),
    ).not.toMatch(/support a|asks for support/i);
  });

  it('tells the volunteer honestly when no supervisor is on shift, and alerts the coordinators', async () => {
    await startSupervisedLine({ caroSupervises: false });
    const { reference } = await liveCall();
    await phone(ANA).text('SUPPORT');
    await phone(ANA).waitForMessage('no supervisor is on shift right now, so nobody could be asked');
    await phone(COORDINATOR).waitForMessage(
      `asked for support on call ${reference}, but no supervisor is on shift`,
    );
  });
});
