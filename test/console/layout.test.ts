// Every console page on a laptop and on a phone: nothing wider than the screen, no console errors, and
// nothing axe-core (injected from its npm package) reports as an accessibility violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import { axeViolations, horizontalOverflow } from '../support/axe.js';
import { launchChromium, watchForProblems } from '../support/browser.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

const PAGES = ['board', 'volunteers', 'roster', 'reports', 'blocked', 'settings', 'audit'] as const;
const SCREENS = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let line: TestLine;
let browser: Browser;
let consoleUrl: string;

beforeAll(async () => {
  line = await startTestLine();
  ({ consoleUrl } = await mountCoordinatorConsole(line));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await line?.close();
});

async function signedInPage(width: number, height: number, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  watchForProblems(page, problems);
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('main h1').waitFor();
  return page;
}

describe.each(SCREENS)('the console on a $name ($width x $height)', ({ width, height }) => {
  it('shows every page within the screen width, with no console errors and no axe violations', async () => {
    const problems: string[] = [];
    const page = await signedInPage(width, height, problems);
    const found: Record<string, { overflow: number; violations: string[] }> = {};
    for (const name of PAGES) {
      await page.goto(`${consoleUrl}#/${name}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await horizontalOverflow(page);
      found[name] = { overflow, violations: await axeViolations(page) };
    }
    await page.close();
    expect(found).toEqual(Object.fromEntries(PAGES.map((name) => [name, { overflow: 0, violations: [] }])));
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the navigation on a phone', () => {
  it('folds into a menu button that opens the page links and closes again on the next page', async () => {
    const page = await signedInPage(390, 844, []);
    const menu = page.getByRole('button', { name: 'Menu' });
    const volunteers = page.getByRole('link', { name: 'Volunteers' });
    expect(await volunteers.isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await volunteers.click();

    await page.getByRole('heading', { name: 'Volunteers', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Roster' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('keeps the page links in a sidebar on a laptop, with no menu button', async () => {
    const page = await signedInPage(1366, 768, []);
    expect(await page.getByRole('link', { name: 'Volunteers' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    await page.close();
  });
});
