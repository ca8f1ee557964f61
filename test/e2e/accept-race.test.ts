// Five volunteers pressing 1 within milliseconds of each other: exactly one is bridged, every time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Volunteer } from '../../flows/model.js';
import { callContactId, signedPosterFor, startTestLine, type TestLine } from '../support/local-line.js';
import { callFields } from '../support/signed-webhook.js';

const TRIALS = 200;
const RACERS = ['racer-1', 'racer-2', 'racer-3', 'racer-4', 'racer-5'];

describe('the accept race', () => {
  let line: TestLine;
  beforeAll(async () => {
    line = await startTestLine({ seed: false });
    await line.store.saveSettings({ hours: { alwaysOpen: true, windows: [], holidays: [] } });
    // On shift but paused: the dispatcher rings nobody, so the only offers are the ones this test races.
    for (const [i, volunteerId] of RACERS.entries()) {
      const racer: Volunteer = {
        volunteerId,
        name: volunteerId,
        phoneSealed: line.core.vault.seal(`+1555030000${i}`),
        phoneKey: line.core.vault.keyOf(`+1555030000${i}`),
        languages: ['en'],
        active: true,
        maxTextSessions: 1,
        onShift: true,
        state: 'paused',
        idleSince: 0,
        missedOffers: 0,
        version: 1,
      };
      await line.store.putVolunteer(racer);
      await line.store.setOnShift(volunteerId, true);
    }
  });
  afterAll(() => line.close());

  const post = (pathAndQuery: string, params: Record<string, string>) =>
    signedPosterFor(line)(pathAndQuery, params);

  it(`bridges exactly one of five volunteers over ${TRIALS} trials`, async () => {
    const bridgesPerTrial: number[] = [];
    const mismatches: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const callSid = `CA${trial.toString(16).padStart(32, 'a')}`;
      const contactId = callContactId(line, callSid);
      const caller = callFields(
        callSid,
        `+1555040${String(trial).padStart(4, '0')}`,
        line.config.LINE_NUMBER,
      );
      await post('/twilio/voice', caller);
      await post(`/twilio/voice/language?c=${contactId}&cn=988`, { ...caller, Digits: '1' });
      // Each racer is on offer with a ringing offer, as the dispatcher leaves them when it rings a volunteer.
      for (const volunteerId of RACERS)
        await line.store.updateVolunteer(volunteerId, { set: { state: 'offered', contactId } });
      await Promise.all(
        RACERS.map((volunteerId, i) =>
          line.store.putOffers([
            {
              contactId,
              volunteerId,
              channel: 'voice',
              callSid: `CA${(trial * 10 + i).toString(16).padStart(32, 'b')}`,
              status: 'ringing',
              offeredAt: Date.now(),
            },
          ]),
        ),
      );
      const answers = await Promise.all(
        RACERS.map((volunteerId, i) =>
          post(`/twilio/voice/offer-input?c=${contactId}&v=${volunteerId}`, {
            ...callFields(
              `CA${(trial * 10 + i).toString(16).padStart(32, 'b')}`,
              line.config.LINE_NUMBER,
              `+1555030000${i}`,
            ),
            Digits: '1',
          }),
        ),
      );
      const winners = RACERS.filter((_, i) => answers[i]?.body.includes('<Conference'));
      bridgesPerTrial.push(winners.length);
      const contact = await line.store.getContact(contactId);
      if (contact?.volunteerId !== winners[0])
        mismatches.push(`${trial}: ${contact?.volunteerId} vs ${winners[0]}`);
      // Everyone paused again, so the next trial starts from the same state.
      for (const volunteerId of RACERS)
        await line.store.updateVolunteer(volunteerId, { set: { state: 'paused' }, remove: ['contactId'] });
    }
    await line.idle();
    expect(bridgesPerTrial.filter((n) => n !== 1)).toEqual([]);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
