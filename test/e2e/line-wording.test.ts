// The line's own words: a greeting per language and a name, set through the admin API, reach callers and texters.
import { afterEach, describe, expect, it } from 'vitest';
import { type AdminLine, patchSettings, startAdminLine } from '../functions/admin/admin-line.js';
import { callContactId } from '../support/local-line.js';
import { waitFor } from '../support/wait-for.js';

const CALLER = '+15557654321';
const TEXTER = '+15557650009';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

async function saveSettings(settings: Record<string, unknown>): Promise<void> {
  expect(await patchSettings(admin, settings)).toBe(200);
}

describe("the line's own wording", () => {
  it('greets an English caller with the custom greeting, then the peer-line wording and the crisis key', async () => {
    admin = await startAdminLine();
    await saveSettings({
      greeting: { en: 'Welcome to Riverside Peers & Friends.', es: 'Bienvenido a Riverside Pares.' },
    });

    const call = await admin.line.simulator.phone(CALLER).dial();
    await call.waitForSay('Welcome to Riverside Peers & Friends.');
    await call.waitForSay('press 9 at any time to reach the crisis line');
    const heard = call.transcript.join(' ');

    // The coordinators' words replace only the welcome: the safety wording cannot be edited away.
    expect(heard).toContain(
      'Welcome to Riverside Peers & Friends. This is a peer support line, not a crisis line.',
    );
    expect(heard).not.toContain('thank you for calling the warmline');
    await call.hangup();
  });

  it('greets a caller who presses 2 with the Spanish greeting and the crisis key in Spanish, and 9 still reaches the crisis line', async () => {
    admin = await startAdminLine();
    await saveSettings({ greeting: { es: 'Bienvenido a Riverside Pares.' } });

    const call = await admin.line.simulator.phone(CALLER).dial();
    // No English greeting was set: the English welcome is today's.
    await call.waitForSay('Hello, and thank you for calling the warmline.');
    await call.waitForGather();
    await call.press('2');
    await call.waitForSay(
      'Bienvenido a Riverside Pares. Esta es una línea de apoyo entre pares, no una línea de crisis.',
    );
    await call.waitForSay('oprima 9 en cualquier momento');
    await call.waitForGather();
    await call.press('9');
    const crisis = await admin.line.simulator.phone('988').waitForIncomingCall();
    expect(crisis.from).toBe(admin.line.config.LINE_NUMBER);
    await waitFor(
      async () =>
        (await admin.line.store.getContact(callContactId(admin.line, call.sid)))?.outcome === 'escalated',
      'the escalation to be logged',
    );
  });

  it("names the line in the standard greeting and in a texter's welcome", async () => {
    admin = await startAdminLine();
    await saveSettings({ lineName: 'Riverside Warmline' });

    const call = await admin.line.simulator.phone(CALLER).dial();
    await call.waitForSay(
      'Hello, and thank you for calling Riverside Warmline. This is a peer support line, not a crisis line.',
    );
    await call.hangup();

    await admin.line.simulator.phone(TEXTER).text('hello');
    const welcome = await admin.line.simulator
      .phone(TEXTER)
      .waitForMessage('Hi, this is Riverside Warmline: peer support by text, not a crisis line.');
    expect(welcome.body).toContain('In a crisis, call or text');
  });
});
