// Settings as forms: opening hours edited in the week grid change what the next caller hears.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import { launchChromium, watchForProblems } from '../support/browser.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

const CALLER = '+15557654321';
const DAY_NAMES: Record<string, string> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};

let line: TestLine;
let browser: Browser;
let page: Page;
let consoleUrl: string;
const problems: string[] = [];

beforeAll(async () => {
  line = await startTestLine();
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

/** Today's name and the hour now in the line's timezone. */
async function localNow(): Promise<{ day: string; hour: number }> {
  const { timeZone } = (await line.store.getLine()).settings;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(Date.now())
      .map((p) => [p.type, p.value]),
  );
  return { day: DAY_NAMES[String(parts.weekday)] ?? '', hour: Number(parts.hour) };
}

async function saveSettings(): Promise<void> {
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').waitFor();
}

describe('the settings forms', () => {
  it('closes the line from the week grid, then opens it for this hour, and calls follow each time', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    await page.getByLabel('Open around the clock').uncheck();
    for (const box of await page.getByRole('checkbox', { name: /: open$/ }).all()) await box.uncheck();
    await saveSettings();

    const closed = await line.simulator.phone(CALLER).dial();
    await closed.waitForSay('The warmline is closed right now');
    await closed.hangup();

    const now = await localNow();
    await page.goto(`${consoleUrl}#/settings`);
    await page.getByLabel(`${now.day}: open`).check();
    await page.getByLabel(`${now.day}: from`).fill(`${String(now.hour).padStart(2, '0')}:00`);
    await page
      .getByLabel(`${now.day}: to`)
      .fill(now.hour === 23 ? '24:00' : `${String(now.hour + 1).padStart(2, '0')}:00`);
    await saveSettings();

    const { hours } = (await line.store.getLine()).settings;
    expect(hours.alwaysOpen).toBe(false);
    expect(hours.windows).toHaveLength(1);
    const open = await line.simulator.phone(CALLER).dial();
    await open.waitForSay('thank you for calling the warmline');
    expect(open.transcript.join(' ')).not.toContain('closed right now');
    await open.hangup();
    expect(problems).toEqual([]);
  }, 60_000);

  it('saves an overflow to a partner line with its number, and shows a wrong number beside the choice', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    await page.getByLabel('Put them through to a partner line').check();
    await page.getByLabel('Partner line number').fill('not a number');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('[data-error-for="overflow"]').textContent()).not.toBe('');
    expect(await page.locator('form [role="alert"]').textContent()).toBe(
      'Check “When nobody answers in time”.',
    );

    await page.getByLabel('Partner line number').fill('+15551230077');
    await saveSettings();
    expect((await line.store.getLine()).settings.overflow).toEqual({
      kind: 'partner-line',
      number: '+15551230077',
    });
  }, 30_000);

  it('picks the timezone from the IANA list and keeps a coordinator number added to the list', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    await page.getByLabel(/^Timezone/).selectOption('Europe/Madrid');
    await page.getByRole('button', { name: 'Add a coordinator number' }).click();
    await page.getByLabel('Coordinator number').last().fill('+15551230088');
    await saveSettings();
    const { settings } = await line.store.getLine();
    expect(settings.timeZone).toBe('Europe/Madrid');
    expect(settings.coordinatorNumbers).toContain('+15551230088');
  }, 30_000);
});
