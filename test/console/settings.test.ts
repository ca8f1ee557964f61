// Settings as forms: opening hours edited in the week grid change what the next caller hears.
import { describe, expect, it } from 'vitest';
import { localNow, useConsole } from '../support/console-session.js';

const CALLER = '+15557654321';

const session = useConsole({ width: 390, height: 844 });

async function saveSettings(): Promise<void> {
  await session.page.getByRole('button', { name: 'Save settings' }).click();
  await session.page.getByText('Settings saved.').waitFor();
}

describe('the settings forms', () => {
  it('closes the line from the week grid, then opens it for this hour and the next, and calls follow each time', async () => {
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.getByLabel('Open around the clock').uncheck();
    for (const box of await session.page.getByRole('checkbox', { name: /: open$/ }).all())
      await box.uncheck();
    await saveSettings();

    const closed = await session.line.simulator.phone(CALLER).dial();
    await closed.waitForSay('The warmline is closed right now');
    await closed.hangup();

    const now = await localNow(session.line);
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.getByLabel(`${now.dayName}: open`).check();
    await session.page.getByLabel(`${now.dayName}: from`).fill(`${String(now.hour).padStart(2, '0')}:00`);
    // Until the end of the next hour (past midnight at 23:00): the calls below still find the line open if the
    // hour turns while the form is filled in.
    const end = now.hour + 2;
    await session.page
      .getByLabel(`${now.dayName}: to`)
      .fill(end === 24 ? '24:00' : `${String(end % 24).padStart(2, '0')}:00`);
    await saveSettings();

    const { hours } = (await session.line.store.getLine()).settings;
    expect(hours.alwaysOpen).toBe(false);
    expect(hours.windows).toHaveLength(1);
    const open = await session.line.simulator.phone(CALLER).dial();
    await open.waitForSay('thank you for calling the warmline');
    expect(open.transcript.join(' ')).not.toContain('closed right now');
    await open.hangup();
    expect(session.problems).toEqual([]);
  }, 60_000);

  // Before the test that saves a line name: this one starts from a line whose greeting was never set.
  it('removes a greeting and line name cleared in the form right after saving them, and the next call hears the standard welcome', async () => {
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.reload();
    await session.page.getByLabel('Line name').fill('Hillside Line');
    await session.page.getByLabel('Greeting (English)').fill('Hi, you reached Hillside.');
    await saveSettings();
    const greeted = await session.line.simulator.phone(CALLER).dial();
    await greeted.waitForSay('Hi, you reached Hillside. This is a peer support line');
    await greeted.hangup();

    // The coordinator changes their mind on the same page, without reloading it.
    await session.page.getByLabel('Line name').fill('');
    await session.page.getByLabel('Greeting (English)').fill('');
    await saveSettings();

    const { settings } = await session.line.store.getLine();
    expect(settings.greeting?.en ?? '').toBe('');
    expect(settings.lineName ?? '').toBe('');
    const call = await session.line.simulator.phone(CALLER).dial();
    await call.waitForSay(
      'Hello, and thank you for calling the warmline. This is a peer support line, not a crisis line.',
    );
    expect(call.transcript.join(' ')).not.toContain('Hillside');
    await call.hangup();

    await session.page.reload();
    await session.page.getByLabel('Greeting (English)').waitFor();
    expect(await session.page.getByLabel('Greeting (English)').inputValue()).toBe('');
    expect(await session.page.getByLabel('Line name').inputValue()).toBe('');
    expect(session.problems).toEqual([]);
  }, 60_000);

  it('sets the clinician’s and a coordinator’s alert language and the hold audio from the form', async () => {
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.getByLabel('Language of the clinician’s alerts').selectOption('es');
    await session.page.getByLabel('Alert language for +15550100900').selectOption('es');

    await session.page
      .getByLabel('Hold audio (https address of a short clip)')
      .fill('https://audio.example.org/chime.mp3');
    await session.page.getByLabel('Length of the hold audio clip (seconds, at most 10)').fill('6');
    await saveSettings();
    const { settings } = await session.line.store.getLine();
    expect(settings).toMatchObject({
      clinicianLanguage: 'es',
      coordinatorLanguages: { '+15550100900': 'es' },
      holdAudioUrl: 'https://audio.example.org/chime.mp3',
      holdAudioSeconds: 6,
    });
    expect(session.problems).toEqual([]);
  }, 60_000);

  // Before the timezone test, which can leave the shared line closed this hour.
  it('saves a greeting per language and a line name from the form, and the next call hears the English one', async () => {
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.getByLabel('Line name').fill('Riverside Warmline');
    await session.page.getByLabel('Greeting (English)').fill('Welcome to Riverside, you reached a friend.');
    await session.page.getByLabel('Greeting (Spanish)').fill('Bienvenido a Riverside.');
    await saveSettings();

    const { settings } = await session.line.store.getLine();
    expect(settings.lineName).toBe('Riverside Warmline');
    expect(settings.greeting).toEqual({
      en: 'Welcome to Riverside, you reached a friend.',
      es: 'Bienvenido a Riverside.',
    });
    const call = await session.line.simulator.phone(CALLER).dial();
    await call.waitForSay(
      'Welcome to Riverside, you reached a friend. This is a peer support line, not a crisis line.',
    );
    await call.waitForSay('press 9 at any time to reach the crisis line');
    await call.hangup();

    expect(session.problems).toEqual([]);
  }, 60_000);

  it('proposes an overflow to a partner line, shows a wrong number beside the choice, and applies it when a second coordinator confirms', async () => {
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.getByLabel('Put them through to a partner line').check();
    await session.page.getByLabel('Partner line number').fill('not a number');
    await session.page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => session.page.locator('[data-error-for="overflow"]').textContent()).not.toBe('');
    expect(await session.page.locator('form [role="alert"]').textContent()).toBe(
      'Check “When nobody answers in time”.',
    );

    await session.page.getByLabel('Partner line number').fill('+15551230077');
    await session.page.getByRole('button', { name: 'Save settings' }).click();
    await session.page.getByText('Saved as a proposal').waitFor();
    // One coordinator alone cannot send callers somewhere else: nothing changed yet, and confirming is refused.
    expect((await session.line.store.getLine()).settings.overflow).toEqual({ kind: 'resources' });
    await session.page.getByRole('button', { name: 'Confirm this change' }).click();
    await session.page.getByText('another coordinator must confirm it').waitFor();
    session.problems.length = 0; // the refused confirmation is logged by the browser as a failed request

    const pending = (await session.line.store.getLine()).settings;
    expect(pending.overflow).toEqual({ kind: 'resources' });
    const login = await fetch(`${session.line.origin}/admin/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'second@example.org' }),
    });
    const { token } = (await login.json()) as { token: string };
    const settings = await fetch(`${session.line.origin}/admin/settings`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { pending: proposal } = (await settings.json()) as { pending: { id: string } };
    const confirmed = await fetch(`${session.line.origin}/admin/settings/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: proposal.id }),
    });
    expect(confirmed.status).toBe(200);
    expect((await session.line.store.getLine()).settings.overflow).toEqual({
      kind: 'partner-line',
      number: '+15551230077',
    });
  }, 30_000);

  it('picks the timezone from the IANA list and keeps a coordinator number added to the list', async () => {
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.reload();
    await session.page.getByLabel(/^Timezone/).selectOption('Europe/Madrid');
    await session.page.getByRole('button', { name: 'Add a coordinator number' }).click();
    await session.page.getByLabel('Coordinator number').last().fill('+15551230088');
    await saveSettings();
    const { settings } = await session.line.store.getLine();
    expect(settings.timeZone).toBe('Europe/Madrid');
    expect(settings.coordinatorNumbers).toContain('+15551230088');
  }, 30_000);

  it('turns the survey on with a reworded question, and shows why a survey of one question is refused', async () => {
    await session.page.goto(`${session.consoleUrl}#/settings`);
    await session.page.getByLabel('Text the survey to texters after their conversation').check();
    await session.page.getByLabel('Question 2 (English)').fill('Would you text us again? Reply Y or N.');
    await saveSettings();
    const { survey } = (await session.line.store.getLine()).settings;
    expect(survey.enabled).toBe(true);
    expect(survey.questions.map((q) => [q.id, q.kind, q.text.en])).toEqual([
      ['better', 'scale1to5', expect.stringContaining('a little better')],
      ['again', 'yesNo', 'Would you text us again? Reply Y or N.'],
    ]);

    // Without an id the second question is dropped, and one question is not a survey.
    await session.page.getByLabel('Question id (kept when the wording changes)').nth(1).fill('');
    await session.page.getByRole('button', { name: 'Save settings' }).click();
    await session.page.getByText('a survey needs 2 or 3 questions').waitFor();
    expect((await session.line.store.getLine()).settings.survey.questions).toHaveLength(2);
  }, 60_000);
});
