// Deactivating a volunteer, removing a shift and blocking a caller each ask first; saying no changes nothing.
import type { Browser, Dialog, Page } from 'playwright-core';
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
  expect(problems).toEqual([]);
  await browser?.close();
  await line?.close();
});

/** Clicks a button and answers the confirmation it raises, returning the question asked. */
async function clickAndAnswer(button: ReturnType<Page['getByRole']>, accept: boolean): Promise<string> {
  // Answered inside the handler: the page is paused on the dialog, and the click settles only once it closes.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog: Dialog) => {
      resolve(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    }),
  );
  await button.click();
  return asked;
}

describe('confirmations in the console', () => {
  it('deactivates a volunteer only after the coordinator confirms', async () => {
    await page.goto(`${consoleUrl}#/volunteers`);
    const deactivate = page.getByRole('button', { name: 'Deactivate Ben' });

    const question = await clickAndAnswer(deactivate, false);
    expect(question).toMatch(/^Deactivate Ben\? /);
    await page.locator('tr', { hasText: 'Ben' }).waitFor();
    expect(await deactivate.isVisible()).toBe(true);

    await clickAndAnswer(deactivate, true);
    await page.locator('tr', { hasText: 'Ben' }).getByText('inactive').waitFor();
  });

  it('removes a weekly shift only after the coordinator confirms', async () => {
    await page.goto(`${consoleUrl}#/roster`);
    await page.getByLabel('Volunteer', { exact: true }).selectOption({ label: 'Ana' });
    await page.getByLabel('Day', { exact: true }).selectOption('tue');
    await page.getByLabel('Starts').fill('09:00');
    await page.getByLabel(/^Ends/).fill('13:00');
    await page.getByRole('button', { name: 'Add shift' }).click();
    const shift = page.locator('[data-shift]', { hasText: 'Ana: Tuesday 09:00–13:00' });
    await shift.waitFor();

    const question = await clickAndAnswer(shift.getByRole('button', { name: 'Remove' }), false);
    expect(question).toBe("Remove Ana's Tuesday 09:00–13:00 shift from the weekly roster?");
    expect(await shift.count()).toBe(1);

    await clickAndAnswer(shift.getByRole('button', { name: 'Remove' }), true);
    await expect.poll(() => shift.count()).toBe(0);
  });

  it('blocks a caller only after the coordinator confirms', async () => {
    const call = await line.simulator.phone('+15557654321').dial();
    await call.hangup();
    await page.goto(`${consoleUrl}#/blocked`);
    const block = page.getByRole('button', { name: 'Block this caller' }).first();
    await block.waitFor();

    expect(await clickAndAnswer(block, false)).toMatch(/^Block this caller\? /);
    await page.getByText('Nobody is blocked.').waitFor();

    await clickAndAnswer(block, true);
    await page.getByText(/^From contact /).waitFor();
  });
});
