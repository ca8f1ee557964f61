// The API's errors in the Spanish console: worded in Spanish from their codes, once, beside their field;
// CSV rows by number; a roster saved by someone else meanwhile explained in Spanish too.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import { launchChromium, watchForProblems } from '../support/browser.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

let line: TestLine;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleUrl: string;
const problems: string[] = [];

beforeAll(async () => {
  line = await startTestLine();
  ({ consoleUrl } = await mountCoordinatorConsole(line));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-MX' });
  page = await context.newPage();
  watchForProblems(page, problems);
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('heading', { name: 'Panel en vivo', level: 1 }).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await line?.close();
});

const slot = (form: string, key: string) => page.locator(`${form} [data-error-for="${key}"]`);
/** Failed requests are logged by the browser; these tests cause them on purpose. */
const refusedRequestsOnly = () =>
  problems.filter((p) => !/the server responded with a status of (400|409)/.test(p));

describe('API errors in the Spanish console', () => {
  it('words a volunteer’s empty name and bad phone in Spanish, each once beside its field', async () => {
    await page.goto(`${consoleUrl}#/volunteers`);
    const form = 'form[aria-labelledby="volunteer-form-title"]';
    await page.locator(form).getByLabel('Nombre').fill('   ');
    await page
      .locator(form)
      .getByLabel(/^Teléfono/)
      .fill('abc');
    await page.locator(form).getByRole('button', { name: 'Añadir voluntario' }).click();

    await expect.poll(() => slot(form, 'name').textContent()).toBe('no puede quedar vacío');
    expect(await page.locator(`${form} [role="alert"]`).textContent()).toBe('Revise “Nombre”.');

    // The phone is checked once the fields themselves are right.
    await page.locator(form).getByLabel('Nombre').fill('Dana');
    await page.locator(form).getByRole('button', { name: 'Añadir voluntario' }).click();
    await expect
      .poll(() => slot(form, 'phone').textContent())
      .toBe('debe ser un número de teléfono, como +1 202 555 0142 o (202) 555-0142');
    expect(await slot(form, 'name').textContent()).toBe('');
    expect(await page.locator(form).innerText()).not.toMatch(/must|phone number/);
    expect(refusedRequestsOnly()).toEqual([]);
  });

  it('words a wrong partner-line number in Spanish beside the overflow choice', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    await page.getByLabel('Pasar la llamada a una línea asociada').check();
    await page.getByLabel('Número de la línea asociada').fill('not a number');
    await page.getByRole('button', { name: 'Guardar configuración' }).click();

    await expect
      .poll(() => slot('form', 'overflow').textContent())
      .toBe('debe ser un número E.164 o un número corto, como 988');
    expect(await page.locator('form [role="alert"]').last().textContent()).toBe(
      'Revise “Cuando nadie responde a tiempo”.',
    );
  });

  it('lists a bad shift CSV row by number in Spanish', async () => {
    await page.goto(`${consoleUrl}#/roster`);
    const csvForm = page.locator('form', { has: page.getByRole('button', { name: 'Importar turnos' }) });
    await csvForm.getByLabel('Archivo CSV').setInputFiles({
      name: 'shifts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'shiftId,volunteerId,day,start,end\nmon-eve,vol-ana,mon,18:00,25:00\ntue-eve,nobody,tue,18:00,22:00\n',
      ),
    });
    await csvForm.getByRole('button', { name: 'Importar turnos' }).click();

    await expect
      .poll(() => csvForm.locator('[role="alert"]').textContent())
      .toBe(
        'Fila 2, end: debe ser una hora de 24 horas «HH:MM» entre 00:00 y 24:00\n' +
          'Fila 3, volunteerId: ningún voluntario tiene el identificador «nobody»',
      );
  });

  it('explains in Spanish that someone else saved the roster meanwhile', async () => {
    await page.goto(`${consoleUrl}#/roster`);
    await page.getByRole('heading', { name: 'Añadir o mover un turno' }).waitFor();
    // Another coordinator saves first.
    const login = await fetch(`${line.origin}/admin/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'second@example.org' }),
    });
    const { token } = (await login.json()) as { token: string };
    const saved = await fetch(`${line.origin}/admin/roster`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: 0, weekly: [], overrides: [] }),
    });
    expect(saved.status).toBe(200);

    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Añadir o mover un turno' }),
    });
    await form.getByRole('button', { name: 'Añadir turno' }).click();

    await expect
      .poll(() => form.locator('[role="alert"]').textContent())
      .toBe('Otra persona lo cambió mientras tanto. Revise la versión actual y guarde de nuevo.');
    expect(refusedRequestsOnly()).toEqual([]);
  });
});

describe('the two-person rule in the Spanish console', () => {
  it('names the proposed routing change in Spanish and refuses the proposer’s own confirmation in Spanish', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    await page.locator('input[name="crisisNumber"]').fill('+15551239999');
    await page.getByRole('button', { name: 'Guardar configuración' }).click();
    await page.getByText('Guardado como propuesta: un cambio en el número de la línea de crisis').waitFor();
    await page.getByText('propuso cambiar el número de la línea de crisis').waitFor();

    await page.getByRole('button', { name: 'Confirmar este cambio' }).click();
    await page
      .getByText('Usted propuso este cambio, así que otra persona coordinadora debe confirmarlo.')
      .waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/crisis number|second coordinator/);
  });
});
