// Everyone on shift paused is nobody on shift: new callers and texters hear so at once, coordinators once.
import { afterEach, describe, expect, it } from 'vitest';
import { callContactId, startTestLine, type TestLine } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const VOLUNTEERS = ['+15550100001', '+15550100002', '+15550100003'];
const COORDINATOR = '+15550100900';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const pausedNotices = () =>
  line.simulator.phone(COORDINATOR).messages.filter((m) => m.body.includes('paused after missed calls'));

/** A first caller's offer rings all three demo volunteers, nobody answers, and one miss pauses each. */
async function pauseEveryone(): Promise<void> {
  await line.store.saveSettings({
    hours: { alwaysOpen: true, windows: [], holidays: [] },
    ringGroupSize: 3,
    missedOffersBeforePause: 1,
  });
  for (const phone of VOLUNTEERS) line.simulator.phone(phone).answerMode = 'no-answer';
  await line.simulator.phone('+15557650000').dial();
  await waitFor(async () => {
    const { pausedIds } = await line.store.getLine();
    return pausedIds.size === VOLUNTEERS.length;
  }, 'every volunteer to be paused');
  await line.idle();
}

describe('a line where everyone on shift is paused', () => {
  it('gives new callers the unstaffed path at once and texts the coordinators exactly once', async () => {
    line = await startTestLine();
    await pauseEveryone();
    const rungBefore = VOLUNTEERS.map((phone) => line.simulator.phone(phone).calls.length);

    for (const caller of ['+15557650001', '+15557650002', '+15557650003']) {
      const started = Date.now();
      const call = await line.simulator.phone(caller).dial();
      await call.waitForSay('no peer volunteer is available right now');
      // At once: the first words, not after a hold loop or the wait limit.
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(call.transcript.join(' ')).not.toContain('Thank you for waiting');
      expect((await line.store.getContact(callContactId(line, call.sid)))?.outcome).toBe('unstaffed');
    }
    await line.simulator.phone('+15557650004').text('hello, is anyone there?');
    await line.simulator.phone('+15557650004').waitForMessage('no peer volunteer is on shift right now');
    await line.tick();
    await line.idle();

    expect(pausedNotices()).toHaveLength(1);
    expect(pausedNotices()[0]?.body).toContain('all 3 volunteers');
    expect(VOLUNTEERS.map((phone) => line.simulator.phone(phone).calls.length)).toEqual(rungBefore);
    expect((await line.store.getLine()).allPausedSince).toBeDefined();
  });

  it('puts a lost paused-set write right on the next tick, and then alerts once', async () => {
    line = await startTestLine();
    await line.store.saveSettings({ hours: { alwaysOpen: true, windows: [], holidays: [] } });
    // The volunteers' records say paused, but the line record never heard (a write lost in between).
    for (const volunteerId of ['vol-ana', 'vol-ben', 'vol-caro'])
      await line.store.updateVolunteer(volunteerId, { set: { state: 'paused' } });
    expect((await line.store.getLine()).pausedIds.size).toBe(0);

    const report = await line.tick();
    await line.tick();
    await line.idle();

    expect(report.pausedRepaired).toBe(3);
    expect((await line.store.getLine()).pausedIds.size).toBe(3);
    await waitFor(() => pausedNotices().length === 1, 'the coordinators to be told');
    const call = await line.simulator.phone('+15557650006').dial();
    await call.waitForSay('no peer volunteer is available right now');
    await line.idle();
    expect(pausedNotices()).toHaveLength(1);
  });

  it('routes callers to a volunteer again once a paused volunteer texts ON', async () => {
    line = await startTestLine();
    await pauseEveryone();
    // Before ON: the webhook that takes ON rings her at once for the caller still waiting, and a phone left on
    // no-answer would miss that offer and pause her again.
    line.simulator.phone(VOLUNTEERS[0] ?? '').answerMode = 'manual';
    const ringing = line.simulator.phone(VOLUNTEERS[0] ?? '').calls.length;
    await line.simulator.phone(VOLUNTEERS[0] ?? '').text('ON');
    await line.simulator.phone(VOLUNTEERS[0] ?? '').waitForMessage("you're ON shift");

    const call = await line.simulator.phone('+15557650005').dial();
    await waitFor(
      async () => (await line.store.getContact(callContactId(line, call.sid)))?.status === 'queued',
      'the caller to be queued',
    );
    await waitFor(
      () => line.simulator.phone(VOLUNTEERS[0] ?? '').calls.length > ringing,
      'the unpaused volunteer to be rung',
    );
    expect(call.transcript.join(' ')).not.toContain('no peer volunteer is available');
    await waitFor(async () => (await line.store.getLine()).allPausedSince === undefined, 'the mark to clear');
    expect(pausedNotices()).toHaveLength(1);
  });
});
