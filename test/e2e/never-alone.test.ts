// Nobody is dropped by someone else leaving: warm transfers, volunteers hanging up, crisis lines not answering.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimCall } from '../../infra/local/simulator/call-leg.js';
import { callContactId, signedPosterFor, startTestLine, type TestLine } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const contactOf = (call: SimCall) => line.store.getContact(callContactId(line, call.sid));

async function connectedCall(): Promise<{ call: SimCall; offer: SimCall; room: string }> {
  await line.store.saveSettings({ hours: { alwaysOpen: true, windows: [], holidays: [] }, ringGroupSize: 1 });
  const call = await line.simulator.phone(CALLER).dial();
  await waitFor(async () => (await contactOf(call))?.status === 'queued', 'the caller to be queued');
  const offer = await line.simulator.phone(ANA).waitForIncomingCall();
  await offer.answer();
  await offer.waitForGather();
  await offer.press('1');
  const room = await call.waitForConference();
  expect(await offer.waitForConference()).toBe(room);
  return { call, offer, room };
}

describe('a warm transfer', () => {
  it('keeps the caller with the crisis line after the volunteer hangs up, until the caller leaves', async () => {
    line = await startTestLine();
    const { call, offer, room } = await connectedCall();
    await offer.press('*');
    await offer.waitForSay('Press 1 to add the crisis line');
    // Out of the room in the menu: the caller is told their peer is coming back, not left in silence.
    await call.waitForSay('Your peer volunteer is still with you');
    await offer.press('1');
    const crisis = await line.simulator.phone(line.config.CRISIS_NUMBER).waitForIncomingCall();
    expect(crisis.from).toBe(line.config.LINE_NUMBER);
    await crisis.answer();
    await crisis.waitForConference();
    await offer.waitForConference();

    // The volunteer does what the prompt invites: hangs up once the counsellor speaks.
    await offer.hangup();
    await offer.waitForStatus('completed');
    await line.idle();

    const members = line.simulator.conferenceNamed(room)?.participants ?? [];
    expect(members).toContain(call);
    expect(members).toContain(crisis);
    expect(call.isOver).toBe(false);
    expect(call.transcript.join(' ')).not.toContain('ended the call');
    expect((await contactOf(call))?.status).toBe('connected');
    expect((await line.store.getVolunteer('vol-ana'))?.state).toBe('wrapup');

    await call.hangup();
    await waitFor(async () => (await contactOf(call))?.status === 'ended', 'the contact to end');
    expect(await contactOf(call)).toMatchObject({
      outcome: 'completed',
      escalation: { trigger: 'volunteer', kind: 'warm-transfer' },
    });
  });
});

describe('a warm transfer whose crisis line leaves or never joins', () => {
  /** The volunteer presses star then 1: the crisis line rings into the room. */
  async function warmTransfer(): Promise<{ call: SimCall; offer: SimCall; crisis: SimCall }> {
    const connected = await connectedCall();
    await connected.offer.press('*');
    await connected.offer.waitForSay('Press 1 to add the crisis line');
    await connected.offer.press('1');
    const crisis = await line.simulator.phone(line.config.CRISIS_NUMBER).waitForIncomingCall();
    return { ...connected, crisis };
  }

  /** Real milliseconds the line may take, once the crisis leg ends, to move a lone caller on. */
  const MOVE_ON_MS = 2_000;

  it('sends the caller to the backup crisis line when the crisis line never answers and the volunteer has gone', async () => {
    line = await startTestLine();
    const { call, offer, crisis } = await warmTransfer();
    // The volunteer hangs up as soon as the transfer starts; the crisis line is still ringing.
    await offer.hangup();
    await line.idle();
    expect(call.isOver).toBe(false);
    crisis.end('no-answer');
    const ended = Date.now();
    await call.waitForSay('trying another crisis line', MOVE_ON_MS);
    expect(Date.now() - ended).toBeLessThan(MOVE_ON_MS);
    const backup = await line.simulator.phone(line.config.CRISIS_BACKUP_NUMBER ?? '').waitForIncomingCall();
    await backup.answer();
    await waitFor(() => call.bridgedWith === backup, 'the caller to be bridged with the backup line');
  });

  it('offers the caller 9 again when the counsellor hangs up after the volunteer left', async () => {
    line = await startTestLine();
    const { call, offer, crisis, room } = await warmTransferInRoom();
    await offer.hangup();
    await line.idle();
    expect(line.simulator.conferenceNamed(room)?.participants).toContain(call);
    await crisis.hangup();
    const ended = Date.now();
    await call.waitForSay('The crisis counsellor has left the call', MOVE_ON_MS);
    expect(Date.now() - ended).toBeLessThan(MOVE_ON_MS);
    expect(line.simulator.conferenceNamed(room)?.participants ?? []).not.toContain(call);
    const crisisPhone = line.simulator.phone(line.config.CRISIS_NUMBER);
    const before = crisisPhone.calls.length;
    await call.waitForGather();
    await call.press('9');
    await waitFor(() => crisisPhone.calls.length > before, 'the crisis line to be dialled again');
  });

  it('tells a volunteer still in the room that the crisis line did not connect, and keeps them with the caller', async () => {
    line = await startTestLine();
    const { call, offer, crisis } = await warmTransfer();
    await offer.waitForConference();
    crisis.end('busy');
    await offer.waitForSay('The crisis line did not connect');
    await call.waitForSay('Your peer volunteer is still with you');
    await offer.waitForConference();
    await line.idle();
    expect(call.isOver).toBe(false);
    expect(call.transcript.join(' ')).not.toContain('trying another crisis line');
    // Leaving now still leaves the caller the crisis line, not a goodbye.
    await offer.hangup();
    await call.waitForSay('trying another crisis line', MOVE_ON_MS);
  });

  it('does nothing twice when the crisis leg status callback is replayed', async () => {
    line = await startTestLine();
    const { call, offer, crisis } = await warmTransfer();
    await offer.hangup();
    await line.idle();
    crisis.end('no-answer');
    await call.waitForSay('trying another crisis line');
    await line.idle();
    const entry = line.simulator.timeline.find(
      (e) => e.kind === 'webhook' && e.summary.endsWith('/twilio/voice/crisis-leg-status'),
    );
    expect(entry).toBeDefined();
    const backupPhone = line.simulator.phone(line.config.CRISIS_BACKUP_NUMBER ?? '');
    const backupCalls = backupPhone.calls.length;
    const post = signedPosterFor(line);
    for (let i = 0; i < 3; i++) {
      const response = await post(`/twilio/voice/crisis-leg-status${entry?.detail ?? ''}`, {
        ...crisis.callParams(),
        CallStatus: 'no-answer',
      });
      expect(response.status).toBe(200);
    }
    await line.idle();
    expect(call.transcript.filter((said) => said.includes('trying another crisis line'))).toHaveLength(1);
    expect(backupPhone.calls.length).toBe(backupCalls);
  });

  async function warmTransferInRoom() {
    const transfer = await warmTransfer();
    await transfer.crisis.answer();
    await transfer.crisis.waitForConference();
    const room = await transfer.call.waitForConference();
    return { ...transfer, room };
  }
});

describe('a volunteer leaving a call', () => {
  it('sends the caller a goodbye, and the contact ends only when the caller has gone', async () => {
    line = await startTestLine();
    const { call, offer } = await connectedCall();
    await offer.hangup();
    await call.waitForSay('Your peer volunteer has ended the call');
    await call.waitForStatus('completed');
    await waitFor(async () => (await contactOf(call))?.outcome === 'completed', 'the contact to complete');
  });
});

describe('a crisis dial that is not answered', () => {
  async function pressNine(): Promise<SimCall> {
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForGather();
    await call.press('9');
    await call.waitForSay('Connecting you to the crisis line');
    return call;
  }

  it('reaches the backup crisis number when the crisis line is busy', async () => {
    line = await startTestLine();
    line.simulator.phone(line.config.CRISIS_NUMBER).answerMode = 'busy';
    const call = await pressNine();
    await call.waitForSay('trying another crisis line');
    const backup = await line.simulator.phone(line.config.CRISIS_BACKUP_NUMBER ?? '').waitForIncomingCall();
    expect(backup.from).toBe(line.config.LINE_NUMBER);
    await backup.answer();
    await waitFor(() => call.bridgedWith === backup, 'the caller to be bridged with the backup line');
  });

  it('reads out the crisis text option and offers 9 again when no crisis number answers', async () => {
    line = await startTestLine();
    line.simulator.phone(line.config.CRISIS_NUMBER).answerMode = 'busy';
    line.simulator.phone(line.config.CRISIS_BACKUP_NUMBER ?? '').answerMode = 'no-answer';
    const call = await pressNine();
    await call.waitForSay('You can text 9 8 8');
    expect(call.isOver).toBe(false);
    const crisisPhone = line.simulator.phone(line.config.CRISIS_NUMBER);
    crisisPhone.answerMode = 'manual';
    const busyCalls = crisisPhone.calls.length;
    await call.waitForGather();
    await call.press('9');
    await waitFor(() => crisisPhone.calls.length > busyCalls, 'the crisis line to be dialled again');
    const crisis = crisisPhone.calls[busyCalls] as SimCall;
    await crisis.answer();
    await waitFor(() => call.bridgedWith === crisis, 'the caller to be bridged with the crisis line');
  });
});
