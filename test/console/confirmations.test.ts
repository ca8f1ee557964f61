// Deactivating a volunteer, removing a shift and blocking a caller each ask first; saying no changes nothing.
import type { Dialog, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useConsole } from '../support/console-session.js';

const session = useConsole({ width: 390, height: 844 });

/** Clicks a button and answers the confirmation it raises, returning the question asked. */
async function clickAndAnswer(button: ReturnType<Page['getByRole']>, accept: boolean): Promise<string> {
  // Answered inside the handler: the page is paused on the dialog, and the click settles only once it closes.
  const asked = new Promise<string>((resolve) =>
    session.page.once('dialog', (dialog: Dialog) => {
      resolve(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    }),
  );
  await button.click();
  return asked;
}

describe('confirmations in the console', () => {
  it('deactivates a volunteer only after the coordinator confirms', async () => {
    await session.page.goto(`${session.consoleUrl}#/volunteers`);
    const deactivate = session.page.getByRole('button', { name: 'Deactivate Ben' });

    const question = await clickAndAnswer(deactivate, false);
    expect(question).toMatch(/^Deactivate Ben\? /);
    await session.page.locator('tr', { hasText: 'Ben' }).waitFor();
    expect(await deactivate.isVisible()).toBe(true);

    await clickAndAnswer(deactivate, true);
    await session.page.locator('tr', { hasText: 'Ben' }).getByText('inactive').waitFor();
  });

  it('removes a weekly shift only after the coordinator confirms', async () => {
    await session.page.goto(`${session.consoleUrl}#/roster`);
    await session.page.getByLabel('Volunteer', { exact: true }).selectOption({ label: 'Ana' });
    await session.page.getByLabel('Day', { exact: true }).selectOption('tue');
    await session.page.getByLabel('Starts').fill('09:00');
    await session.page.getByLabel(/^Ends/).fill('13:00');
    await session.page.getByRole('button', { name: 'Add shift' }).click();
    const shift = session.page.locator('[data-shift]', { hasText: 'Ana: Tuesday 09:00–13:00' });
    await shift.waitFor();

    const question = await clickAndAnswer(shift.getByRole('button', { name: 'Remove' }), false);
    expect(question).toBe("Remove Ana's Tuesday 09:00–13:00 shift from the weekly roster?");
    expect(await shift.count()).toBe(1);

    await clickAndAnswer(shift.getByRole('button', { name: 'Remove' }), true);
    await expect.poll(() => shift.count()).toBe(0);
  });

  it('blocks a caller only after the coordinator confirms', async () => {
    const call = await session.line.simulator.phone('+15557654321').dial();
    await call.hangup();
    await session.page.goto(`${session.consoleUrl}#/blocked`);
    const block = session.page.getByRole('button', { name: 'Block this caller' }).first();
    await block.waitFor();

    expect(await clickAndAnswer(block, false)).toMatch(/^Block this caller\? /);
    await session.page.getByText('Nobody is blocked.').waitFor();

    await clickAndAnswer(block, true);
    await session.page.getByText(/^From contact /).waitFor();
  });
});
