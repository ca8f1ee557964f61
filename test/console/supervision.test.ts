// Supervision in the console, in headless Chromium: mark a supervisor on the volunteers page, press Listen in on
// the live board, the line rings them into the call muted, and the audit page lists it; a refusal is worded.
import { describe, expect, it } from 'vitest';
import { useConsole } from '../support/console-session.js';

const CALLER = '+15557654321';
const ANA = '+15550100001';
const CARO = '+15550100003';

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

    await page.goto(`${consoleUrl}#/audit`);
    await page
      .locator('tr[data-audit="supervision.listen"]', { hasText: 'vol-caro' })
      .waitFor({ timeout: 15_000 });
    await page.locator('tr[data-audit="supervision.request"]').waitFor();

    // Coaching switched off: the Coach button is refused in words, and nobody else is rung.
    await line.store.saveSettings({ coachingEnabled: false });
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
});
