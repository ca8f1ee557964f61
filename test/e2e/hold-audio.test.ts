// The hold loop: audio between its messages while the keys still work, and the maximum wait kept to 10 s.
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../flows/ports.js';
import { SPEAKING_WORDS_PER_SECOND } from '../../infra/local/simulator/simulator.js';
import { callContactId, startTestLine, type TestLine } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const CLIP = 'https://audio.example.org/hold-chime.mp3';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

/** The line's clock at the simulator's speed, so a simulated minute of holding is a minute to the line too. */
function simulatedClock(timeScale: number): Clock {
  const start = Date.now();
  return { now: () => start + (Date.now() - start) / timeScale };
}

const holdTwiml = () =>
  line.simulator.timeline.filter((e) => e.kind === 'twiml' && e.summary.includes('/twilio/voice/hold'));

describe('hold audio', () => {
  it('plays the clip inside the hold gather, so 9 still reaches the crisis line while it plays', async () => {
    line = await startTestLine();
    await line.store.saveSettings({ holdAudioUrl: CLIP, holdAudioSeconds: 5, holdLoopSeconds: 20 });
    line.simulator.audioSeconds.set(CLIP, 5);
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForSay(`[plays ${CLIP}]`);
    const twiml = holdTwiml().at(-1)?.detail ?? '';
    // 20 s between messages from a 5 s clip: played 4 times, inside the one-key gather.
    expect(twiml).toMatch(
      new RegExp(
        `<Gather[^>]*numDigits="1"[^>]*>(?:(?!</Gather>).)*<Play loop="4">${CLIP}</Play>(?:(?!</Gather>).)*</Gather>`,
      ),
    );
    expect(twiml).not.toContain('<Pause');
    expect(call.isGathering).toBe(true);
    await call.press('9');
    await line.simulator.phone('988').waitForIncomingCall();
    await waitFor(
      async () => (await line.store.getContact(callContactId(line, call.sid)))?.outcome === 'escalated',
      'the escalation to be logged',
    );
  });

  it('refuses a hold audio address that is not https', async () => {
    const { LineSettingsPatchSchema } = await import('../../flows/line-settings.js');
    expect(
      LineSettingsPatchSchema.safeParse({ holdAudioUrl: 'http://audio.example.org/a.mp3' }).success,
    ).toBe(false);
    expect(LineSettingsPatchSchema.safeParse({ holdAudioUrl: CLIP }).success).toBe(true);
    expect(LineSettingsPatchSchema.safeParse({ holdAudioSeconds: 30 }).success).toBe(false);
  });
});

describe('the maximum wait', () => {
  it('moves a held caller to the overflow within 10 s of the maximum wait, even with long hold turns', async () => {
    const timeScale = 0.2;
    line = await startTestLine({ timeScale, clock: simulatedClock(timeScale) });
    // Turns of 20 s and a 45 s wait: checked only at each turn's start, the caller would wait 60 s.
    await line.store.saveSettings({
      maxWaitSeconds: 45,
      holdLoopSeconds: 20,
      holdAudioUrl: CLIP,
      holdAudioSeconds: 10,
      offerRingSeconds: 60,
    });
    line.simulator.audioSeconds.set(CLIP, 10);
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForSay('All our volunteers are still busy', 60_000);
    const contact = await line.store.getContact(callContactId(line, call.sid));
    expect(contact?.outcome).toBe('overflowed');
    const late = (contact?.endedAt ?? 0) - (contact?.overflowAt ?? 0);
    console.log(`maximum wait: overflow ${(late / 1000).toFixed(1)} s after the limit (bound 10 s)`);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThanOrEqual(10_000);
  }, 90_000);
});

/** Seconds the simulator takes to speak every <Say> in a TwiML document at `wordsPerSecond`. */
function spokenSeconds(twiml: string, wordsPerSecond: number): number {
  const words = [...twiml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)]
    .flatMap((match) => (match[1] ?? '').split(/\s+/))
    .filter(Boolean).length;
  return words / wordsPerSecond;
}

/** A line whose simulator speaks at Twilio's pace, on a clock at the simulator's speed. */
const startSpeakingLine = (timeScale: number) =>
  startTestLine({ timeScale, clock: simulatedClock(timeScale), wordsPerSecond: SPEAKING_WORDS_PER_SECOND });

describe('spoken at the pace of Twilio voices', () => {
  it('comes round to the next hold message after the loop and the words, not the loop alone', async () => {
    const timeScale = 0.05;
    line = await startTestLine({ timeScale, wordsPerSecond: SPEAKING_WORDS_PER_SECOND });
    await line.store.saveSettings({ holdLoopSeconds: 20 });
    await line.simulator.phone(CALLER).dial();
    await waitFor(async () => holdTwiml().length >= 2, 'a second hold turn', 10_000);
    const [first, second] = holdTwiml();
    const spoken = spokenSeconds(first?.detail ?? '', SPEAKING_WORDS_PER_SECOND);
    const gapSeconds = ((second?.at ?? 0) - (first?.at ?? 0)) / timeScale / 1000;
    expect(spoken).toBeGreaterThan(10);
    expect(gapSeconds).toBeGreaterThanOrEqual(20 + spoken - 1);
  });

  it('lets 9 cut the greeting short: the crisis line rings once its one sentence is said, within 2 s more', async () => {
    const timeScale = 0.2;
    line = await startSpeakingLine(timeScale);
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForGather();
    const documents = () =>
      line.simulator.timeline.filter((e) => e.kind === 'twiml' && e.callSid === call.sid);
    const greetingSeconds = spokenSeconds(documents()[0]?.detail ?? '', SPEAKING_WORDS_PER_SECOND);
    const pressed = Date.now();
    await call.press('9');
    await line.simulator.phone('988').waitForIncomingCall(5_000);
    const ringingAfterSeconds = (Date.now() - pressed) / timeScale / 1000;
    // What the caller hears before the dial: the crisis reply's own words, not the rest of the greeting.
    const crisisReplySeconds = spokenSeconds(documents()[1]?.detail ?? '', SPEAKING_WORDS_PER_SECOND);
    console.log(
      `spoken greeting (${greetingSeconds.toFixed(0)} s): crisis line rang ${ringingAfterSeconds.toFixed(1)} s after 9, its sentence ${crisisReplySeconds.toFixed(1)} s (bound +2 s)`,
    );
    expect(greetingSeconds).toBeGreaterThan(crisisReplySeconds + 10);
    expect(ringingAfterSeconds).toBeLessThan(crisisReplySeconds + 2);
  });

  it('still overflows within 10 s of the maximum wait when every word takes its time', async () => {
    const timeScale = 0.2;
    line = await startSpeakingLine(timeScale);
    await line.store.saveSettings({ maxWaitSeconds: 45, holdLoopSeconds: 20, offerRingSeconds: 60 });
    const call = await line.simulator.phone(CALLER).dial();
    await call.waitForSay('All our volunteers are still busy', 60_000);
    const contact = await line.store.getContact(callContactId(line, call.sid));
    expect(contact?.outcome).toBe('overflowed');
    const late = (contact?.endedAt ?? 0) - (contact?.overflowAt ?? 0);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThanOrEqual(10_000);
  }, 90_000);
});
