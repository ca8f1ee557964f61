// Reports from seeded contacts: the trend chart, the wait and answer-rate lines, and a heat map whose
// empty hours stay blank, all in plain words.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../flows/model.js';
import type { SurveyAnswer } from '../../flows/survey/survey-types.js';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import { axeViolations, horizontalOverflow } from '../support/axe.js';
import { launchChromium, watchForProblems } from '../support/browser.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

const DAY = 86_400_000;
let line: TestLine;
let browser: Browser;
let page: Page;
let consoleUrl: string;
const problems: string[] = [];

function ended(index: number, extra: Partial<Contact>): Contact {
  const startedAt = Date.now() - (index % 5) * DAY - 3_600_000;
  return {
    contactId: `seeded-${index}`,
    channel: index % 3 === 0 ? 'sms' : 'voice',
    language: 'en',
    status: 'ended',
    callerKey: `caller-${index % 4}`,
    startedAt,
    endedAt: startedAt + 600_000,
    offersOutstanding: 0,
    offerRound: 1,
    liveUntil: 0,
    ...extra,
  };
}

function surveyAnswer(
  index: number,
  questionId: string,
  kind: SurveyAnswer['kind'],
  value: SurveyAnswer['value'],
): SurveyAnswer {
  return { contactId: `seeded-${index}`, questionId, kind, value, language: 'en', at: Date.now() - DAY };
}

beforeAll(async () => {
  line = await startTestLine();
  const seeded: Contact[] = [];
  for (let i = 0; i < 12; i++) {
    const outcome = (['completed', 'completed', 'abandoned', 'after-hours'] as const)[i % 4];
    const queued = outcome !== 'after-hours';
    seeded.push(
      ended(i, {
        outcome,
        ...(queued ? { queuedAt: Date.now() - (i % 5) * DAY - 3_600_000 } : {}),
        ...(outcome === 'completed'
          ? { answeredAt: Date.now() - (i % 5) * DAY - 3_600_000 + (20 + i * 10) * 1000 }
          : {}),
      }),
    );
  }
  for (const contact of seeded) await line.store.createContact(contact);
  // Six answers to the first survey question, two to the second: one group is shown, the other is too small.
  for (const [index, value] of [5, 4, 4, 3, 5, 5].entries())
    await line.core.surveys.saveAnswer(surveyAnswer(index, 'better', 'scale1to5', value));
  for (const index of [0, 1])
    await line.core.surveys.saveAnswer(surveyAnswer(index, 'again', 'yesNo', 'yes'));
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

describe('the reports page', () => {
  it('draws the trend of contacts by day and outcome, and the answer rate and waits, from the log', async () => {
    await page.goto(`${consoleUrl}#/reports`);
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    const trend = page.getByRole('img', { name: /^12 contacts from .* by day: / });
    await trend.waitFor();
    expect(await trend.locator('rect[data-series="completed"]').count()).toBeGreaterThan(0);
    expect(await trend.locator('rect[data-series="abandoned"]').count()).toBeGreaterThan(0);
    expect(await page.locator('figcaption').first().textContent()).toContain('Talked with a volunteer');
    expect(
      await page
        .getByRole('img', { name: /^Answer rate by day/ })
        .locator('path')
        .count(),
    ).toBe(1);
    expect(
      await page
        .getByRole('img', { name: /^Waits for a volunteer by day/ })
        .locator('path')
        .count(),
    ).toBe(2);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('labels outcomes in words and leaves hours with neither contacts nor cover blank on the heat map', async () => {
    await page.goto(`${consoleUrl}#/reports`);
    const heat = page.locator('table.heat');
    await heat.waitFor();
    const text = String(await page.locator('main').innerText());
    expect(text).toContain('Hung up while waiting');
    expect(text).toContain('Outside opening hours');
    expect(text).not.toMatch(/\babandoned\b|after-hours|0 \/ 0\.0/);
    const busy = await heat.locator('td[data-contacts]').count();
    expect(busy).toBeGreaterThan(0);
    expect(await heat.locator('td[data-empty]').count()).toBe(7 * 24 - busy);
    expect((await heat.locator('td[data-empty]').allTextContents()).every((t) => t === '')).toBe(true);
    expect(await heat.locator('td.uncovered').count()).toBe(busy);
  });

  it('downloads the per-contact CSV: a row for each seeded contact, no caller key', async () => {
    await page.goto(`${consoleUrl}#/reports`);
    await page.locator('table.heat').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export contacts CSV' }).click(),
    ]);
    const csv = await readFile(String(await download.path()), 'utf8');

    expect(download.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + 12);
    expect(csv).not.toMatch(/caller-\d|seeded-\d/);
  });

  it("shows the survey's answers per question, and only for groups of at least five", async () => {
    await page.goto(`${consoleUrl}#/reports`);
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    const shown = page.locator('[data-survey-question="better"]');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('6 answers, average 4.3 of 5; 1 to 5: 0 / 0 / 1 / 2 / 3');
    expect(await page.locator('[data-survey-question="again"]').textContent()).toContain(
      'Too few answers to show (fewer than 5).',
    );
  });
});
