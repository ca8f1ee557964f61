// A local line with the coordinators' console open and signed in, in headless Chromium, for console tests.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { isoDateOfDay, localDayOf, localMinuteOf, weekdayOfDay } from '../../flows/roster/local-time.js';
import { DAY_WORDS, type Weekday } from '../../flows/roster/roster-schema.js';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import type { LocalRunnerOptions } from '../../infra/local/runner.js';
import { launchChromium, watchForProblems } from './browser.js';
import { startTestLine, type TestLine } from './local-line.js';

export interface ConsoleSession {
  readonly line: TestLine;
  readonly browser: Browser;
  readonly page: Page;
  readonly consoleUrl: string;
  /** Console errors and page errors so far; a test may empty it after an expected failure. */
  readonly problems: string[];
  close(): Promise<void>;
}

/**
 * Opens the console before the file's tests and closes it after them. The session's fields are there
 * once beforeAll has run, that is, inside every test.
 */
export function useConsole(
  viewport: { width: number; height: number },
  lineOptions: Partial<LocalRunnerOptions> = {},
): ConsoleSession {
  let opened: ConsoleSession | undefined;
  beforeAll(async () => {
    opened = await openConsole(viewport, lineOptions);
  }, 60_000);
  afterAll(() => opened?.close());
  const current = (): ConsoleSession => {
    if (!opened) throw new Error('the console session is used before beforeAll opened it');
    return opened;
  };
  return {
    get line() {
      return current().line;
    },
    get browser() {
      return current().browser;
    },
    get page() {
      return current().page;
    },
    get consoleUrl() {
      return current().consoleUrl;
    },
    get problems() {
      return current().problems;
    },
    close: () => current().close(),
  };
}

/**
 * A line with the console mounted and a browser, opened before the file's tests and closed after them, for
 * tests that open their own pages (several viewports or locales).
 */
export function useConsoleBrowser(): {
  readonly line: TestLine;
  readonly browser: Browser;
  readonly consoleUrl: string;
} {
  let opened: { line: TestLine; browser: Browser; consoleUrl: string } | undefined;
  beforeAll(async () => {
    const line = await startTestLine();
    const { consoleUrl } = await mountCoordinatorConsole(line);
    opened = { line, consoleUrl, browser: await launchChromium() };
  }, 60_000);
  afterAll(async () => {
    await opened?.browser.close();
    await opened?.line.close();
  });
  const current = () => {
    if (!opened) throw new Error('the console browser is used before beforeAll opened it');
    return opened;
  };
  return {
    get line() {
      return current().line;
    },
    get browser() {
      return current().browser;
    },
    get consoleUrl() {
      return current().consoleUrl;
    },
  };
}

export async function openConsole(
  viewport: { width: number; height: number },
  lineOptions: Partial<LocalRunnerOptions> = {},
): Promise<ConsoleSession> {
  const line = await startTestLine(lineOptions);
  const { consoleUrl } = await mountCoordinatorConsole(line);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  watchForProblems(page, problems);
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('main h1').waitFor();
  return {
    line,
    browser,
    page,
    consoleUrl,
    problems,
    async close() {
      await browser.close();
      await line.close();
    },
  };
}

/** The line's local date ("YYYY-MM-DD"), weekday ("mon".."sun", and its name) and hour, all of one instant. */
export async function localNow(
  line: TestLine,
): Promise<{ date: string; day: Weekday; dayName: string; hour: number }> {
  const { timeZone } = (await line.store.getLine()).settings;
  const at = Date.now();
  const localDay = localDayOf(at, timeZone);
  const day = weekdayOfDay(localDay);
  return {
    date: isoDateOfDay(localDay),
    day,
    dayName: DAY_WORDS[day],
    hour: Math.floor(localMinuteOf(at, timeZone) / 60),
  };
}
