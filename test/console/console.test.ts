// The coordinators' console in real headless Chromium against a local line: sign in, add a volunteer, roster
// them over now, watch them reach the live board, watch a routed call change it, and render every page cleanly.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import { launchChromium, watchForProblems } from '../support/browser.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

const ANA = '+15550100001';
const CALLER = '+15557654321';
const PAGES = ['board', 'volunteers', 'roster', 'reports', 'blocked', 'settings', 'audit'] as const;

let line: TestLine;
let browser: Browser;
let page: Page;
let consoleUrl: string;
const problems: string[] = [];

beforeAll(async () => {
  // Real time: the board refreshes every few seconds, and a volunteer must still be ringing when it shows the caller waiting.
  line = await startTestLine({ timeScale: 1 });
  ({ consoleUrl } = await mountCoordinatorConsole(line));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watchForProblems(page, problems);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await line?.close();
});

/** The line's local weekday ("mon".."sun") and hour now. */
function localNow(timeZone: string): { day: string; hour: number } {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(format.formatToParts(Date.now()).map((p) => [p.type, p.value]));
  return { day: String(parts.weekday).toLowerCase().slice(0, 3), hour: Number(parts.hour) };
}

describe('the coordinators console', () => {
  it('signs in, adds a volunteer, rosters them over now, and shows them and a routed call on the live board', async () => {
    await page.goto(consoleUrl);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Live board' }).waitFor();

    await page.getByRole('link', { name: 'Volunteers' }).click();
    await page.getByLabel('Name').fill('Dana');
    await page.getByLabel(/^Phone/).fill('not a phone');
    await page.getByRole('button', { name: 'Add volunteer' }).click();
    await expect.poll(() => page.locator('[data-error-for="phone"]').textContent()).not.toBe('');
    await page.getByLabel(/^Phone/).fill('+1 202 555 0142');
    await page.getByRole('button', { name: 'Add volunteer' }).click();
    const dana = page.locator('tr', { hasText: 'Dana' });
    await dana.waitFor();
    expect(await dana.textContent()).toContain('•••• 0142');
    expect(await page.content()).not.toContain('2025550142');

    const timeZone = (await line.store.getLine()).settings.timeZone;
    const now = localNow(timeZone);
    await page.getByRole('link', { name: 'Roster' }).click();
    await page.getByLabel('Volunteer', { exact: true }).selectOption({ label: 'Dana' });
    await page.getByLabel('Day', { exact: true }).selectOption(now.day);
    await page.getByLabel('Starts').fill(`${String(now.hour).padStart(2, '0')}:00`);
    // Ending an hour before it starts runs overnight: 23 hours that always cover now.
    await page.getByLabel(/^Ends/).fill(`${String((now.hour + 23) % 24).padStart(2, '0')}:00`);
    await page.getByRole('button', { name: 'Add shift' }).click();
    await page.getByText('Rostered now: Dana').waitFor();

    await page.getByRole('link', { name: 'Live board' }).click();
    const danaOnBoard = page.locator('tr[data-board-volunteer]', { hasText: 'Dana' });
    await danaOnBoard.waitFor();
    expect(await danaOnBoard.getAttribute('data-activity')).toBe('available');
    await page.getByText('Nobody is waiting.').waitFor();

    const call = await line.simulator.phone(CALLER).dial();
    await page.locator('tr[data-queue="voice-en"]').waitFor({ timeout: 15_000 });
    const offer = await line.simulator.phone(ANA).waitForIncomingCall(15_000);
    // Not awaited: answer() settles only when the whole simulator is idle, and the caller's hold loop never is.
    void offer.answer();
    await offer.waitForGather(15_000);
    await offer.press('1');
    await call.waitForConference();
    await page
      .locator('tr[data-board-volunteer][data-activity="on a contact"]', { hasText: 'Ana' })
      .waitFor({ timeout: 15_000 });
    await page.locator('[data-live-status="connected"]', { hasText: 'Ana' }).waitFor();
    await page.getByText('Nobody is waiting.').waitFor();
    await call.hangup();
    // The one failed request the browser reports is the refused phone number above.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
  }, 60_000);

  it('renders every page with no console errors', async () => {
    problems.length = 0;
    for (const name of PAGES) {
      await page.goto(`${consoleUrl}#/${name}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const shot = await page.screenshot({ fullPage: true });
      expect(shot.subarray(1, 4).toString()).toBe('PNG');
      expect(await page.locator('main [role="alert"].error:not(:empty)').count(), name).toBe(0);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows the API message once, beside the field, in words, and keeps the form when a settings value is out of range', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    const ring = page.getByLabel('Volunteers rung at once');
    await ring.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const besideField = page.locator('[data-error-for="ringGroupSize"]');
    await expect.poll(() => besideField.textContent()).not.toBe('');
    const message = String(await besideField.textContent());
    expect(await page.locator('form [role="alert"]').textContent()).toBe('Check “Volunteers rung at once”.');
    const shown = String(await page.locator('main').innerText());
    expect(shown.split(message).length - 1, 'the message appears once').toBe(1);
    expect(shown).not.toContain('ringGroupSize');
    expect(await ring.inputValue()).toBe('0');
    expect((await line.store.getLine()).settings.ringGroupSize).toBeGreaterThan(0);
  }, 30_000);
});
