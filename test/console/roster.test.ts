// The roster in the console: a dated cover for today's shift puts the covering volunteer on the board, and a
// shift CSV is imported whole or refused with every bad row named.
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

describe('shift CSV import', () => {
  const importCsv = async (csv: string) => {
    await page.goto(`${consoleUrl}#/roster`);
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'shifts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import shifts' }).click();
  };

  it('lists every bad row by number and column and applies nothing', async () => {
    await importCsv(
      'shiftId,volunteerId,day,start,end\na,vol-ana,mon,09:00,13:00\nb,vol-ben,funday,09:00,13:00\nc,vol-caro,tue,25:00,13:00\n',
    );
    const alert = page.locator('form', { hasText: 'Import shifts' }).locator('[role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/^Row 3, day: /m);
    expect(await alert.textContent()).toMatch(/^Row 4, start: /m);
    // Row 2 was good, but one bad row keeps the whole file out.
    expect(await page.locator('[data-shift="a"]').count()).toBe(0);
    // The refused upload is the one failed request the browser reports.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    problems.length = 0;
  });

  it('replaces the weekly shifts with a good file and shows them', async () => {
    // Three days away, so no imported shift is running now and the dated-change tests start from a quiet roster.
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const index = (days.indexOf((await localNow()).day) + 3) % 7;
    const later = days[index];
    await importCsv(
      `shiftId,volunteerId,day,start,end\nday-shift,vol-ana,${later},10:00,12:00\nnight-shift,vol-caro,${later},22:00,02:00\n`,
    );
    await page.getByText('Imported: 2 weekly shifts').waitFor();
    const dayName = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][index];
    await page.locator('[data-shift="night-shift"]', { hasText: `Caro: ${dayName} 22:00–02:00` }).waitFor();
    expect(
      await page
        .locator('[data-shift]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-shift'))),
    ).toEqual(['day-shift', 'night-shift']);
  });
});

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
    const bensShift = page.getByLabel('Shift', { exact: true }).locator('option', { hasText: 'Ben, ' });
    await page
      .getByLabel('Shift', { exact: true })
      .selectOption(String(await bensShift.getAttribute('value')));
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
