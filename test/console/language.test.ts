// The console in Spanish: the switch in the navigation, every page's own words in Spanish on a phone and a
// laptop with nothing wider than the screen, no console errors, no axe violations, and the choice kept across a reload.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, horizontalOverflow } from '../support/axe.js';
import { watchForProblems } from '../support/browser.js';
import { useConsoleBrowser } from '../support/console-session.js';

/** Each page's Spanish heading and a few of its own phrases that show whatever the line's data. */
const SPANISH: Record<string, { heading: string; phrases: string[] }> = {
  board: { heading: 'Panel en vivo', phrases: ['En espera', 'De turno', 'Contactos en curso'] },
  volunteers: {
    heading: 'Voluntarios',
    phrases: ['Añadir un voluntario', 'Editar a Ana', 'Mensajes a la vez', 'Importar voluntarios'],
  },
  roster: { heading: 'Turnos', phrases: ['Añadir o mover un turno', 'Cambios con fecha', 'Hora'] },
  reports: {
    heading: 'Informes',
    phrases: ['Últimos 7 días', 'Ver informe', 'Contactos por canal y resultado', 'Tasa de atención'],
  },
  blocked: {
    heading: 'Personas bloqueadas',
    phrases: ['Bloqueadas', 'Contactos recientes', 'Motivo (se guarda en el registro de cambios)'],
  },
  settings: {
    heading: 'Configuración',
    phrases: ['Número de la línea de crisis (llamadas)', 'Horario de atención', 'Guardar configuración'],
  },
  audit: { heading: 'Registro de cambios', phrases: [] },
};

const session = useConsoleBrowser();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('the console in Spanish', () => {
  it.each([
    { screen: 'phone', width: 390, height: 844 },
    { screen: 'laptop', width: 1366, height: 768 },
  ])(
    'switches to Español and shows every page in Spanish within a $screen screen, cleanly',
    async ({ width, height }) => {
      const problems: string[] = [];
      const context = await session.browser.newContext({ viewport: { width, height }, locale: 'en-US' });
      const page = await context.newPage();
      watchForProblems(page, problems);
      await page.goto(session.consoleUrl);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Live board', level: 1 }).waitFor();
      expect(await htmlLang(page)).toBe('en');

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Español' }).click()]);
      await page.getByRole('heading', { name: 'Panel en vivo', level: 1 }).waitFor();
      expect(await htmlLang(page)).toBe('es');
      expect(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');

      const found: Record<
        string,
        { heading: string; missing: string[]; overflow: number; violations: string[] }
      > = {};
      for (const [name, { heading, phrases }] of Object.entries(SPANISH)) {
        await page.goto(`${session.consoleUrl}#/${name}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        // The heading comes first and the page's data after it: wait for each phrase rather than read once.
        const missing: string[] = [];
        for (const phrase of phrases) {
          await page
            .locator('main')
            .getByText(phrase)
            .first()
            .waitFor({ timeout: 5_000 })
            .catch(() => missing.push(phrase));
        }
        await page.waitForLoadState('networkidle');
        found[name] = {
          heading: await page.locator('main h1').innerText(),
          missing,
          overflow: await horizontalOverflow(page),
          violations: await axeViolations(page),
        };
      }
      expect(found).toEqual(
        Object.fromEntries(
          Object.entries(SPANISH).map(([name, { heading }]) => [
            name,
            { heading, missing: [], overflow: 0, violations: [] },
          ]),
        ),
      );
      expect(await page.locator('main').innerText()).toMatch(/Resumen|No hay cambios en los últimos 30 días/);
      expect(problems).toEqual([]);

      await page.reload();
      await page.getByRole('heading', { name: 'Registro de cambios', level: 1 }).waitFor();
      expect(await htmlLang(page)).toBe('es');
      expect(await page.locator('nav a', { hasText: 'Voluntarios' }).count()).toBe(1);

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'English' }).click()]);
      await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      await context.close();
    },
    90_000,
  );

  it('starts in Spanish when the browser’s language is Spanish and nothing was chosen', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'es-MX',
    });
    const page = await context.newPage();
    await page.goto(session.consoleUrl);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Panel en vivo', level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('es');
    await context.close();
  });
});
