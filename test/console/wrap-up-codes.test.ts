// Wrap-up codes in the console: the code lists edited in settings, and the reports by topic and referral in
// the console's language, with a code since removed from the list shown honestly.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../flows/model.js';
import { axeViolations } from '../support/axe.js';
import { watchForProblems } from '../support/browser.js';
import { useConsoleBrowser } from '../support/console-session.js';

const session = useConsoleBrowser();

async function signedIn(locale: 'en-US' | 'es-ES', problems: string[]): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
  const page = await context.newPage();
  watchForProblems(page, problems);
  await page.goto(session.consoleUrl);
  await page.getByRole('button', { name: locale === 'es-ES' ? 'Iniciar sesión' : 'Sign in' }).click();
  await page.locator('main h1').waitFor();
  return page;
}

function coded(index: number, codes: Pick<Contact, 'topics' | 'referral' | 'safetyConcern'>): Contact {
  const startedAt = Date.now() - 3_600_000 - index * 1000;
  return {
    contactId: `coded-${index}`,
    channel: 'voice',
    language: 'en',
    status: 'ended',
    outcome: 'completed',
    callerKey: `caller-${index}`,
    startedAt,
    queuedAt: startedAt,
    answeredAt: startedAt + 10_000,
    endedAt: startedAt + 600_000,
    offersOutstanding: 0,
    offerRound: 1,
    liveUntil: 0,
    wrapUpAt: startedAt + 620_000,
    ...codes,
  };
}

describe('wrap-up codes in the console', () => {
  it('adds a topic in the settings and refuses a keypad digit used twice, beside the lists', async () => {
    const problems: string[] = [];
    const page = await signedIn('en-US', problems);
    await page.goto(`${session.consoleUrl}#/settings`);
    await page.getByRole('button', { name: 'Add a topic' }).click();
    await page.getByLabel('Topics 9: keypad digit').fill('8');
    await page.getByLabel('Topics 9: id').fill('money');
    await page.getByLabel('Topics 9: English label').fill('money worries');
    await page.getByLabel('Topics 9: Spanish label').fill('problemas de dinero');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const { topics } = (await session.line.store.getLine()).settings.wrapUpCodes;
    expect(topics.at(-1)).toEqual({
      id: 'money',
      key: '8',
      label: { en: 'money worries', es: 'problemas de dinero' },
    });

    await page.getByLabel('Topics 9: keypad digit').fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('keypad digit 1 is used twice').waitFor();
    expect(await page.getByRole('alert').first().innerText()).toContain('Wrap-up codes');
    problems.length = 0; // the refused save logs its 400
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reports contacts by topic and referral in Spanish, naming a removed code as no longer in the list', async () => {
    await session.line.store.createContact(
      coded(1, { topics: ['grief', 'retired-topic'], referral: 'crisis-line', safetyConcern: true }),
    );
    await session.line.store.createContact(
      coded(2, { topics: ['grief'], referral: 'none', safetyConcern: false }),
    );
    const problems: string[] = [];
    const page = await signedIn('es-ES', problems);
    await page.goto(`${session.consoleUrl}#/reports`);
    await page.getByRole('heading', { name: 'Códigos de cierre' }).waitFor();
    await page.getByText('2 contactos con códigos de cierre, 1 con preocupación por la seguridad.').waitFor();
    const topics = page.locator('table[data-wrap-up="topics"]');
    expect(await topics.locator('tr[data-code="grief"] th').innerText()).toBe('duelo');
    expect(await topics.locator('tr[data-code="grief"] td').first().innerText()).toBe('2');
    expect(await topics.locator('tr[data-code="retired-topic"] th').innerText()).toBe(
      'retired-topic (ya no está en la lista)',
    );
    const referrals = page.locator('table[data-wrap-up="referrals"]');
    expect(await referrals.locator('tr[data-code="crisis-line"] th').innerText()).toBe('línea de crisis');
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
