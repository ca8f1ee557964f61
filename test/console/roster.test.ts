// The roster in the console: a dated cover for today's shift puts the covering volunteer on the board, and a
// shift CSV is imported whole or refused with every bad row named.
import { describe, expect, it } from 'vitest';
import { localNow, useConsole } from '../support/console-session.js';

const session = useConsole({ width: 390, height: 844 }, { timeScale: 1 });

describe('shift CSV import', () => {
  const importCsv = async (csv: string) => {
    await session.page.goto(`${session.consoleUrl}#/roster`);
    await session.page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'shifts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await session.page.getByRole('button', { name: 'Import shifts' }).click();
  };

  it('lists every bad row by number and column and applies nothing', async () => {
    await importCsv(
      'shiftId,volunteerId,day,start,end\na,vol-ana,mon,09:00,13:00\nb,vol-ben,funday,09:00,13:00\nc,vol-caro,tue,25:00,13:00\n',
    );
    const alert = session.page.locator('form', { hasText: 'Import shifts' }).locator('[role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/^Row 3, day: /m);
    expect(await alert.textContent()).toMatch(/^Row 4, start: /m);
    // Row 2 was good, but one bad row keeps the whole file out.
    expect(await session.page.locator('[data-shift="a"]').count()).toBe(0);
    // The refused upload is the one failed request the browser reports.
    expect(session.problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    session.problems.length = 0;
  });

  it('replaces the weekly shifts with a good file and shows them', async () => {
    // Three days away, so no imported shift is running now and the dated-change tests start from a quiet roster.
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const index = (days.indexOf((await localNow(session.line)).day) + 3) % 7;
    const later = days[index];
    await importCsv(
      `shiftId,volunteerId,day,start,end\nday-shift,vol-ana,${later},10:00,12:00\nnight-shift,vol-caro,${later},22:00,02:00\n`,
    );
    await session.page.getByText('Imported: 2 weekly shifts').waitFor();
    const dayName = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][index];
    await session.page
      .locator('[data-shift="night-shift"]', { hasText: `Caro: ${dayName} 22:00–02:00` })
      .waitFor();
    expect(
      await session.page
        .locator('[data-shift]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-shift'))),
    ).toEqual(['day-shift', 'night-shift']);
  });
});

describe('dated roster changes', () => {
  it("adds a cover for today's shift and the board shows the covering volunteer rostered", async () => {
    await session.page.goto(`${session.consoleUrl}#/volunteers`);
    await session.page.getByLabel('Name').fill('Dana');
    await session.page.getByLabel(/^Phone/).fill('+1 202 555 0142');
    await session.page.getByRole('button', { name: 'Add volunteer' }).click();
    await session.page.locator('tr', { hasText: 'Dana' }).waitFor();

    const now = await localNow(session.line);
    await session.page.goto(`${session.consoleUrl}#/roster`);
    await session.page.getByLabel('Volunteer', { exact: true }).selectOption({ label: 'Ben' });
    await session.page.getByLabel('Day', { exact: true }).selectOption(now.day);
    await session.page.getByLabel('Starts').fill(`${String(now.hour).padStart(2, '0')}:00`);
    await session.page.getByLabel(/^Ends/).fill(`${String((now.hour + 23) % 24).padStart(2, '0')}:00`);
    await session.page.getByRole('button', { name: 'Add shift' }).click();
    await session.page.getByText('Rostered now: Ben').waitFor();

    await session.page.getByLabel('Change', { exact: true }).selectOption('cover');
    const bensShift = session.page
      .getByLabel('Shift', { exact: true })
      .locator('option', { hasText: 'Ben, ' });
    await session.page
      .getByLabel('Shift', { exact: true })
      .selectOption(String(await bensShift.getAttribute('value')));
    await session.page.getByLabel('Who', { exact: true }).selectOption({ label: 'Dana' });
    // The day the shift was set on, not the form's own today: midnight may have passed since.
    await session.page.getByLabel('Date', { exact: true }).fill(now.date);
    await session.page.getByRole('button', { name: 'Add dated change' }).click();
    await session.page.locator('[data-override="cover"]', { hasText: /Dana covers Ben, / }).waitFor();
    await session.page.getByText('Rostered now: Dana').waitFor();
    await session.page.locator('[data-occurrence]', { hasText: 'Dana' }).first().waitFor();

    await session.page.goto(`${session.consoleUrl}#/board`);
    const dana = session.page.locator('tr[data-board-volunteer]', { hasText: 'Dana' });
    await dana.waitFor({ timeout: 20_000 });
    expect(await dana.textContent()).toContain('yes');
    expect(session.problems).toEqual([]);
  }, 60_000);

  it('says in words, beside the date, when a dated change falls on another weekday than its shift', async () => {
    await session.page.goto(`${session.consoleUrl}#/roster`);
    await session.page.getByLabel('Change', { exact: true }).selectOption('cancel');
    const { timeZone } = (await session.line.store.getLine()).settings;
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + 86_400_000);
    await session.page.getByLabel('Date', { exact: true }).fill(tomorrow);
    await session.page.getByRole('button', { name: 'Add dated change' }).click();
    const alert = session.page.locator('form', { hasText: 'Add dated change' }).locator('[role="alert"]');
    await expect.poll(() => alert.textContent()).not.toBe('');
    expect(await alert.textContent()).toBe('Check “Date”.');
    const besideDate = session.page.locator('#change-date-error');
    expect(await besideDate.textContent()).toMatch(
      /^\d{4}-\d\d-\d\d is a \w+day, but that shift is on \w+days$/,
    );
  }, 30_000);
});
