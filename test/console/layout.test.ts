// Every console page on a laptop and on a phone: nothing wider than the screen, no console errors, and
// nothing axe-core (injected from its npm package) reports as an accessibility violation.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, horizontalOverflow } from '../support/axe.js';
import { watchForProblems } from '../support/browser.js';
import { useConsoleBrowser } from '../support/console-session.js';

const PAGES = ['board', 'volunteers', 'roster', 'reports', 'blocked', 'settings', 'audit'] as const;
const SCREENS = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const session = useConsoleBrowser();

async function signedInPage(width: number, height: number, problems: string[]): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width, height } });
  watchForProblems(page, problems);
  await page.goto(session.consoleUrl);
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
      await page.goto(`${session.consoleUrl}#/${name}`);
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
