// Supervision in the console, in headless Chromium: mark a supervisor on the volunteers page, press Listen in on
// the live board, the line rings them into the call muted, and the audit page lists it; a refusal is worded; a text conversation is read along.
import { describe, expect, it } from 'vitest';
import { useConsole } from '../support/console-session.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';
const BEN = '+15550100002';
const CARO = '+15550100003';
const TEXTER = '+15557654000';

// Real time: the board refreshes every few seconds and the buttons must be there while the call is live.
const session = useConsole({ width: 1280, height: 900 }, { timeScale: 1 });

describe('supervision in the console', () => {
  it('marks a supervisor, rings them in muted from the live board, and lists it in the audit log', async () => {
    const { page, line, consoleUrl, problems } = session;
    await line.store.saveSettings({ ringGroupSize: 1 });

    await page.goto(`${consoleUrl}#/volunteers`);
    await page.getByRole('button', { name: 'Edit Caro' }).click();
    await page.getByRole('checkbox', { name: /Supervisor: may listen in/ }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('tr[data-volunteer="vol-caro"]', { hasText: 'supervisor' }).waitFor();
    expect((await line.store.getVolunteer('vol-caro'))?.supervisor).toBe(true);

    const call = await line.simulator.phone(CALLER).dial();
    const offer = await line.simulator.phone(ANA).waitForIncomingCall(15_000);
    void offer.answer();
    await offer.waitForGather(15_000);
    await offer.press('1');
    await call.waitForConference();

    await page.goto(`${consoleUrl}#/board`);
    await page.getByLabel('Supervisor the line calls to listen in or coach').selectOption({ label: 'Caro' });
    const listen = page.locator('[data-live-status="connected"] [data-listen]');
    await listen.waitFor({ timeout: 15_000 });
    await listen.click();
    await page
      .getByText(/Calling the supervisor to listen in on call \d{5}: nobody will hear them\./)
      .waitFor();

    const caro = await line.simulator.phone(CARO).waitForIncomingCall(15_000);
    void caro.answer();
    await caro.waitForConference(15_000);
    expect(line.simulator.hears(caro, call)).toBe(true);
    expect(line.simulator.hears(call, caro)).toBe(false);

    // The audit entry is written as the supervisor is rung; the page shows what is there when it loads.
    await line.idle();
    await page.goto(`${consoleUrl}#/audit`);
    await page
      .locator('tr[data-audit="supervision.listen"]', { hasText: 'vol-caro' })
      .waitFor({ timeout: 15_000 });
    await page.locator('tr[data-audit="supervision.request"]').waitFor();

    // Coaching switched off in the settings page: the Coach button is refused in words, and nobody else is rung.
    await page.goto(`${consoleUrl}#/settings`);
    await page.getByLabel('Supervisors may also coach (heard by the volunteer only)').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await line.store.getLine()).settings.coachingEnabled).toBe(false);
    await page.goto(`${consoleUrl}#/board`);
    await page.locator('[data-live-status="connected"] [data-coach]').click();
    await page.getByText('coaching is switched off in the line settings; nobody was called').waitFor();
    expect(line.simulator.phone(CARO).calls).toHaveLength(1);

    await caro.hangup();
    await call.hangup();
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
  }, 90_000);
  it('reads a live text conversation along, sealed while live, and keeps nothing once it ends', async () => {
    const { page, line, consoleUrl, problems } = session;
    problems.length = 0;
    const texter = line.simulator.phone(TEXTER);
    await texter.text('hello, I could use someone to talk to');
    const peer = await waitFor(
      () =>
        [ANA, BEN, CARO]
          .map((n) => line.simulator.phone(n))
          .find((p) => p.messages.some((m) => m.body.includes('Reply ACCEPT'))),
      'a text offer',
    );
    await peer.text('ACCEPT');
    await peer.waitForMessage("You're connected");

    await page.goto(`${consoleUrl}#/board`);
    const read = page.locator('[data-live-status="connected"] [data-read]');
    await read.waitFor({ timeout: 15_000 });
    await read.click();
    await page.getByText(/Reading along: conversation \d{5}/).waitFor();
    await texter.text('my brother stopped calling me');
    await peer.waitForMessage('my brother stopped calling me');
    await peer.text('that sounds lonely');
    await page
      .locator('[data-read-along-from="texter"]', { hasText: 'my brother stopped calling me' })
      .waitFor();
    await page.locator('[data-read-along-from="peer"]', { hasText: 'that sounds lonely' }).waitFor();
    // Only sealed in the live state: never in plain text in the table, the events or the logs.
    const live = JSON.stringify(await line.scanTable());
    expect(live).toContain('readAlongSealed');
    for (const words of ['my brother stopped calling me', 'that sounds lonely']) {
      expect(live).not.toContain(words);
      expect(JSON.stringify(line.bus.published)).not.toContain(words);
      expect(line.logLines.join('\n')).not.toContain(words);
    }

    await peer.text('END');
    await page.locator('[data-read-along-ended]').waitFor({ timeout: 15_000 });
    const after = JSON.stringify(await line.scanTable());
    expect(after).not.toContain('readAlongSealed');
    expect(after).not.toContain('readAlongUntil');
    await page.goto(`${consoleUrl}#/audit`);
    await page.locator('tr[data-audit="supervision.read-along"]').waitFor();
    // The one failed request is the read after the end, answered 404.
    expect(problems.every((p) => p.includes('404'))).toBe(true);
  }, 90_000);
});
