// A volunteer who answers and presses 1 the moment the whisper starts: the whisper rides with the ring, so the
// key press can land before the ring group's offers are stored. It must still win the caller, and the others'
// phones must stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callContactId, startTestLine, type TestLine } from '../support/local-line.js';

describe('a key press quicker than the ring group’s write', () => {
  let line: TestLine;
  beforeAll(async () => {
    line = await startTestLine({ timeScale: 0.25 });
    await line.store.saveSettings({ ringGroupSize: 3 });
  });
  afterAll(() => line.close());

  it('bridges the caller with the first volunteer to press 1 and releases the other two', async () => {
    const [first, ...others] = line.volunteers;
    const caller = await line.simulator.phone('+15550109999').dial();
    const leg = await line.simulator.until(
      () => line.simulator.calls().find((call) => call.to === first?.phone && call.status === 'ringing'),
      'the first volunteer’s phone to ring',
      20_000,
    );
    void leg.answer();
    await leg.waitForGather(20_000);
    await leg.press('1');

    await caller.waitForConference(20_000);
    expect(line.simulator.hears(caller, leg)).toBe(true);
    const contact = await line.store.getContact(callContactId(line, caller.sid));
    expect(contact).toMatchObject({ status: 'connected', volunteerId: first?.volunteerId });
    const rest = () =>
      line.simulator
        .calls()
        .filter((call) => others.some((other) => other.phone === call.to))
        .map((call) => call.status);
    await line.simulator.until(
      () => rest().length === 2 && rest().every((status) => status === 'canceled'),
      'the other phones to stop ringing',
      20_000,
    );
  }, 60_000);
});
