// The phone page in real headless Chromium: a call from the caller phone answered on a volunteer phone by
// pressing 1, both phones connected and the console's board following; then a crisis text and its alert.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountCoordinatorConsole } from '../../infra/local/coordinator-console.js';
import { idFor } from '../../infra/local/phone-page/client/dom.js';
import { DEMO_CALLER } from '../../infra/local/phone-page/page-state.js';
import { mountPhonePage } from '../../infra/local/phone-page/phone-page.js';
import { launchChromium, watchForProblems } from '../support/browser.js';
import { startTestLine, type TestLine } from '../support/local-line.js';

const ANA = '+15550100001';
const CRISIS_TEXT = 'i have the pills ready and i am going to take them all tonight';

let line: TestLine;
let browser: Browser;
let phones: Page;
let phoneUrl: string;
let consoleUrl: string;
const problems: string[] = [];

const card = (number: string) => phones.locator(`#${idFor('phone', number)}`);

beforeAll(async () => {
  // A quarter of real time: rings and whispers last long enough for a browser to click through them.
  line = await startTestLine({ timeScale: 0.25 });
  phoneUrl = mountPhonePage(line, { longPollMs: 2_000 });
  ({ consoleUrl } = await mountCoordinatorConsole(line));
  browser = await launchChromium();
  phones = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  watchForProblems(phones, problems);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await line?.close();
});

describe('the phone page', () => {
  it('places a call, accepts it on a volunteer phone with 1, and shows both connected and the board following', async () => {
    await phones.goto(phoneUrl);
    await card(DEMO_CALLER).getByRole('button', { name: 'Call the line' }).click();
    await card(DEMO_CALLER).getByText('peer support line, not a crisis line').waitFor();

    const ana = card(ANA);
    await ana.getByRole('button', { name: 'Answer' }).click({ timeout: 20_000 });
    await ana.getByText('Press 1 to accept').waitFor();
    await ana.getByRole('button', { name: 'Press 1' }).click();

    await phones
      .locator(`#${idFor('phone', DEMO_CALLER)}[data-connected="true"]`)
      .waitFor({ timeout: 15_000 });
    await phones.locator(`#${idFor('phone', ANA)}[data-connected="true"]`).waitFor();
    expect(await card(DEMO_CALLER).locator('.call-status').textContent()).toContain('Ana');
    await phones
      .getByText(/WEBHOOK POST \/twilio\/voice/)
      .first()
      .waitFor();
    await phones
      .getByText(/EVENT ContactConnected/)
      .first()
      .waitFor();

    const board = await browser.newPage();
    await board.goto(consoleUrl);
    await board.getByRole('button', { name: 'Sign in' }).click();
    await board
      .locator('tr[data-board-volunteer][data-activity="on a contact"]', { hasText: 'Ana' })
      .waitFor();
    await board.close();

    const shot = await phones.screenshot({ path: process.env.PHONE_PAGE_SCREENSHOT, fullPage: false });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    await card(DEMO_CALLER).getByRole('button', { name: 'Hang up' }).click();
    await phones.locator(`#${idFor('phone', DEMO_CALLER)}[data-call-status="completed"]`).waitFor();
  }, 60_000);

  it('answers a crisis text from the caller phone with the crisis options and alerts the clinician', async () => {
    const texting = card(DEMO_CALLER).getByLabel(/^Text from/);
    await texting.fill(CRISIS_TEXT);
    await texting.press('Enter');

    await card(DEMO_CALLER).getByText('call 988 or text 988').waitFor({ timeout: 15_000 });
    const alert = card(line.config.CLINICIAN_NUMBER).getByText('Warmline CRISIS');
    await alert.waitFor();
    expect(await alert.textContent()).not.toContain('pills');
  }, 30_000);

  it('shows and switches the fault drills, and a crisis text still gets its reply with the bus and store hung', async () => {
    await phones.locator('#fault-bus').selectOption('hang');
    await phones.locator('#fault-store').selectOption('hang');
    await expect.poll(() => line.faults.active).toEqual({ bus: 'hang', store: 'hang' });
    await phones.getByText('Fault drill on: bus=hang,store=hang').first().waitFor();
    await phones.locator('#faults.active').waitFor();

    const replies = () => card(DEMO_CALLER).getByText('call 988 or text 988').count();
    const before = await replies();
    const texting = card(DEMO_CALLER).getByLabel(/^Text from/);
    await texting.fill(CRISIS_TEXT);
    await texting.press('Enter');
    await expect.poll(replies, { timeout: 15_000 }).toBeGreaterThan(before);

    await phones.locator('#fault-bus').selectOption('');
    await phones.locator('#fault-store').selectOption('');
    await expect.poll(() => line.faults.active).toEqual({});
  }, 30_000);

  it('runs the nobody-on-shift scenario and puts everyone back with another', async () => {
    await phones.getByRole('button', { name: 'Nobody on shift' }).click();
    await card(DEMO_CALLER)
      .getByText('no peer volunteer is available right now')
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => card(ANA).locator('.shift').textContent()).toBe('off shift');

    await phones.getByRole('button', { name: 'Everyone back on shift' }).click();
    await expect
      .poll(() => card(ANA).locator('.shift').textContent(), { timeout: 10_000 })
      .toMatch(/^on shift/);
    expect(problems).toEqual([]);
  }, 30_000);

  it('plays a supervisor asked by SUPPORT, ringing in muted and heard by nobody', async () => {
    await phones.getByRole('button', { name: 'A supervisor listens in and coaches' }).click();
    // Whichever demo volunteer is free takes the call; another, marked supervisor, is asked.
    await phones
      .getByText(/\w+ asks for support on call \d{5}/)
      .first()
      .waitFor({ timeout: 45_000 });
    await phones
      .getByText(/Hears the caller: true; hears \w+: true; heard by the caller: false/)
      .waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
  }, 90_000);

  it('plays a text conversation followed by the survey, and takes an answer from the caller phone', async () => {
    await phones.getByRole('button', { name: 'A text conversation, then the survey' }).click();
    await card(DEMO_CALLER)
      .getByText('Do you feel a little better than before?')
      .waitFor({ timeout: 20_000 });
    const texting = card(DEMO_CALLER).getByLabel(/^Text from/);
    await texting.fill('4');
    await texting.press('Enter');
    await card(DEMO_CALLER).getByText('Would you contact us again?').waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
  }, 40_000);
  it('plays a call and a text conversation that end with wrap-up codes, and both land on the log', async () => {
    await phones.goto(phoneUrl);
    await phones.getByRole('button', { name: 'Wrap-up codes after a call and a text' }).click();
    await phones
      .getByText('Both contacts now show by topic and referral', { exact: false })
      .waitFor({ timeout: 60_000 });
    const coded = (await line.scanTable()).filter((item) => item.wrapUpAt !== undefined);
    expect(coded.map((item) => [item.channel, item.topics, item.referral])).toEqual(
      expect.arrayContaining([
        ['voice', ['loneliness', 'relationships'], 'mental-health'],
        ['sms', ['loneliness'], 'none'],
      ]),
    );
    await phones.getByRole('button', { name: 'Everyone back on shift' }).click();
    expect(problems).toEqual([]);
  }, 90_000);
});
