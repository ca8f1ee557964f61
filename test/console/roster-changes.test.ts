// Dated roster changes in the console: a cover for today's shift puts the covering volunteer on the board.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import { launchChromium, watchForProblems } from '../support/browser.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

let line: TestLine;
let browser: Browser;
let page: Page;
let consoleUrl: string;
const problems: string[] = [];

beforeAll(async () => {
  // Real time: the minute tick must start the covering volunteer's shift while the test watches.
  line = await startTestLine({ timeScale: 1 });
  ({ consoleUrl } = await mountCoordinatorConsole(line));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  watchForProblems(page, problems);
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('main h1').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await line?.close();
});

/** The line's local weekday ("mon".."sun") and hour now. */
async function localNow(): Promise<{ day: string; hour: number }> {
  const { timeZone } = (await line.store.getLine()).settings;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(Date.now())
      .map((p) => [p.type, p.value]),
  );
  return { day: String(parts.weekday).toLowerCase().slice(0, 3), hour: Number(parts.hour) };
}

describe('dated roster changes', () => {
  it("adds a cover for today's shift and the board shows the covering volunteer rostered", async () => {
    await page.goto(`${consoleUrl}#/volunteers`);
    await page.getByLabel('Name').fill('Dana');
    await page.getByLabel(/^Phone/).fill('+1 202 555 0142');
    await page.getByRole('button', { name: 'Add volunteer' }).click();
    await page.locator('tr', { hasText: 'Dana' }).waitFor();

    const now = await localNow();
    await page.goto(`${consoleUrl}#/roster`);
    await page.getByLabel('Volunteer', { exact: true }).selectOption({ label: 'Ben' });
    await page.getByLabel('Day', { exact: true }).selectOption(now.day);
    await page.getByLabel('Starts').fill(`${String(now.hour).padStart(2, '0')}:00`);
    await page.getByLabel(/^Ends/).fill(`${String((now.hour + 23) % 24).padStart(2, '0')}:00`);
    await page.getByRole('button', { name: 'Add shift' }).click();
    await page.getByText('Rostered now: Ben').waitFor();

    await page.getByLabel('Change', { exact: true }).selectOption('cover');
    await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Dana' });
    await page.getByRole('button', { name: 'Add dated change' }).click();
    await page.locator('[data-override="cover"]', { hasText: /Dana covers Ben, / }).waitFor();
    await page.getByText('Rostered now: Dana').waitFor();
    await page.locator('[data-occurrence]', { hasText: 'Dana' }).first().waitFor();

    await page.goto(`${consoleUrl}#/board`);
    const dana = page.locator('tr[data-board-volunteer]', { hasText: 'Dana' });
    await dana.waitFor({ timeout: 20_000 });
    expect(await dana.textContent()).toContain('yes');
    expect(problems).toEqual([]);
  }, 60_000);

  it('says in words, beside the date, when a dated change falls on another weekday than its shift', async () => {
    await page.goto(`${consoleUrl}#/roster`);
    await page.getByLabel('Change', { exact: true }).selectOption('cancel');
    const { timeZone } = (await line.store.getLine()).settings;
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + 86_400_000);
    await page.getByLabel('Date', { exact: true }).fill(tomorrow);
    await page.getByRole('button', { name: 'Add dated change' }).click();
    const alert = page.locator('form', { hasText: 'Add dated change' }).locator('[role="alert"]');
    await expect.poll(() => alert.textContent()).not.toBe('');
    expect(await alert.textContent()).toBe('Check “Date”.');
    const besideDate = page.locator('#change-date-error');
    expect(await besideDate.textContent()).toMatch(
      /^\d{4}-\d\d-\d\d is a \w+day, but that shift is on \w+days$/,
    );
  }, 30_000);
});
