// PASS: a volunteer hands a text conversation on to another peer, with a short note, and is told what happened.
import { afterEach, describe, expect, it } from 'vitest';
import type { SimPhone } from '../../infra/local/simulator/simulator.js';
import { startTestLine, type TestLine } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const TEXTER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';
const NOTE = 'feeling isolated after a move, wants to talk about work';

let line: TestLine;
afterEach(async () => {
  await line?.close();
});

const phone = (number: string): SimPhone => line.simulator.phone(number);
const offersTo = (number: string) =>
  phone(number).messages.filter((m) => m.body.includes('Reply ACCEPT')).length;

async function goOff(number: string): Promise<void> {
  await phone(number).text('OFF');
  await phone(number).waitForMessage("you're OFF shift");
}

/** Ana holds the conversation; the others are off shift unless `keepOn` says otherwise. */
async function anaTalksWithTexter(keepOn: readonly string[]): Promise<void> {
  for (const number of [BEN, CARO]) if (!keepOn.includes(number)) await goOff(number);
  await phone(TEXTER).text('hi, I moved here last month and know nobody');
  await phone(ANA).waitForMessage('Reply ACCEPT');
  await phone(ANA).text('ACCEPT');
  await phone(ANA).waitForMessage("[A] You're connected");
}

describe('passing a text conversation on', () => {
  it('offers it to another peer, never back to the passer, and hands over the note on ACCEPT', async () => {
    line = await startTestLine();
    await anaTalksWithTexter([BEN]);
    const benOffers = offersTo(BEN);
    const anaOffers = offersTo(ANA);

    await phone(ANA).text(`PASS ${NOTE}`);
    await phone(ANA).waitForMessage('[A] Returned to the queue and offered to another peer now');
    await waitFor(() => offersTo(BEN) > benOffers, 'a new offer to Ben');
    await phone(BEN).text('ACCEPT');
    await phone(BEN).waitForMessage(`Passed on by another peer, who wrote: ${NOTE}`);
    // The texter's own words after the pass still reach the new peer; nothing went back to Ana.
    await phone(TEXTER).text('are you still there?');
    await phone(BEN).waitForMessage('are you still there?');
    await line.idle();
    expect(offersTo(ANA)).toBe(anaOffers);
  });

  it('tells the passer the conversation is waiting when no other peer is free, and does not offer it back', async () => {
    line = await startTestLine();
    await anaTalksWithTexter([]);
    const anaOffers = offersTo(ANA);

    await phone(ANA).text('pass A: needs someone who knows about grief');
    await phone(ANA).waitForMessage('No other peer is free right now, so it waits for the next one');
    await line.tick();
    await line.idle();
    expect(offersTo(ANA)).toBe(anaOffers);

    // A peer who comes on shift later gets it, with the note.
    await phone(CARO).text('ON');
    await waitFor(() => offersTo(CARO) > 0, 'an offer to Caro');
    await phone(CARO).text('ACCEPT');
    await phone(CARO).waitForMessage('who wrote: needs someone who knows about grief');
  });

  it('keeps the note only sealed, caps it, drops numbers from it, and keeps it out of events and logs', async () => {
    line = await startTestLine();
    await anaTalksWithTexter([BEN]);
    const long = `${'talked about her sister and the new job, '.repeat(8)}call her on 555 0123 4567`;
    await phone(ANA).text(`PASS A ${long}`);
    await phone(ANA).waitForMessage('[A] Returned to the queue');
    const waiting = JSON.stringify(await line.scanTable());
    expect(waiting).not.toContain('her sister');
    expect(waiting).toContain('passSummarySealed');

    await waitFor(() => offersTo(BEN) > 0, 'an offer to Ben');
    await phone(BEN).text('ACCEPT');
    const handed = await phone(BEN).waitForMessage('who wrote:');
    const note = handed.body.slice(handed.body.indexOf('who wrote: ') + 'who wrote: '.length);
    expect(note.length).toBeLessThanOrEqual(160);
    expect(handed.body).not.toMatch(/555|0123|4567/);
    await phone(BEN).text('END');
    await line.idle();
    const stored = JSON.stringify(await line.scanTable());
    expect(stored).not.toContain('passSummarySealed');
    for (const trace of ['her sister', 'new job']) {
      expect(stored).not.toContain(trace);
      expect(JSON.stringify(line.bus.published)).not.toContain(trace);
      expect(line.logLines.join('\n')).not.toContain(trace);
    }
  });
});
