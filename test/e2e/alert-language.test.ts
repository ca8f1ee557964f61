// Alerts go out in each recipient's own language setting, never in the language of the contact they are about.
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsResponse } from '../../flows/admin/admin-api-types.js';
import { type AdminLine, patchSettings, startAdminLine } from '../functions/admin/admin-line.js';
import { waitFor } from '../support/wait-for.js';

const CLINICIAN = '+15550100911';
const SPANISH_COORDINATOR = '+15550100900';
const ENGLISH_COORDINATOR = '+15550100901';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

async function saveSettings(settings: Record<string, unknown>): Promise<void> {
  expect(await patchSettings(admin, settings)).toBe(200);
}

const inbox = (number: string) => admin.line.simulator.phone(number).messages.map((m) => m.body);

describe('alert languages', () => {
  it("texts the clinician a Spanish-speaking texter's crisis alert in English when that is the clinician's setting, and in Spanish when it is", async () => {
    admin = await startAdminLine();
    await admin.line.simulator
      .phone('+15557650001')
      .text('hola, ya no quiero vivir, me voy a matar esta noche');
    const english = await admin.line.simulator.phone(CLINICIAN).waitForMessage('Warmline CRISIS');
    expect(english.body).toContain('(text,');

    await saveSettings({ clinicianLanguage: 'es' });
    await admin.line.simulator
      .phone('+15557650002')
      .text('I am going to kill myself tonight, I have the pills');
    await waitFor(() => inbox(CLINICIAN).length === 2, 'a second alert');
    expect(inbox(CLINICIAN)[1]).toContain('Warmline CRISIS (texto,');
    // The clinician's own CALL commands answer in Spanish too.
    await admin.line.simulator.phone(CLINICIAN).text('hello');
    await admin.line.simulator.phone(CLINICIAN).waitForMessage('responda CALL seguido de la referencia');
  });

  it("texts each coordinator an escalation in that coordinator's language, whatever the caller's", async () => {
    admin = await startAdminLine();
    await admin.line.store.saveSettings({ coordinatorNumbers: [SPANISH_COORDINATOR, ENGLISH_COORDINATOR] });
    await saveSettings({ coordinatorLanguages: { [SPANISH_COORDINATOR]: 'es' } });
    // An English caller presses 9 at the greeting.
    const call = await admin.line.simulator.phone('+15557654321').dial();
    await call.waitForGather();
    await call.press('9');
    await admin.line.simulator.phone(SPANISH_COORDINATOR).waitForMessage('se derivó a la línea de crisis');
    await admin.line.simulator.phone(ENGLISH_COORDINATOR).waitForMessage('was escalated to the crisis line');
    // A voice escalation alerts the clinician here, in the clinician's (default English) language.
    await admin.line.simulator.phone(CLINICIAN).waitForMessage('was escalated to the crisis line');
  });

  it('keeps the alert languages when a coordinator saves another setting, and refuses a language it does not know', async () => {
    admin = await startAdminLine();
    await saveSettings({ clinicianLanguage: 'es' });
    await saveSettings({ wrapUpSeconds: 30 });
    const { body } = await admin.api.request<SettingsResponse>('GET', '/admin/settings');
    expect(body.settings.clinicianLanguage).toBe('es');
    const refused = await admin.api.request('PATCH', '/admin/settings', {
      version: body.version,
      settings: { clinicianLanguage: 'fr' },
    });
    expect(refused.status).toBe(400);
  });
});
