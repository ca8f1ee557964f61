// Where callers in danger go changes only with two coordinators: propose, tell everyone, confirm by another.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  PendingSettingsChange,
  SettingsResponse,
} from '../../../flows/admin/admin-api-types.js';
import { waitFor } from '../../support/wait-for.js';
import { type AdminClient, type AdminLine, startAdminLine } from './admin-line.js';

const COORDINATORS = ['+15550100900', '+15550100901'];

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

async function signIn(email: string): Promise<AdminClient> {
  const login = await admin
    .clientWith(undefined)
    .request<{ token: string }>('POST', '/admin/dev-login', { email });
  return admin.clientWith(login.body.token);
}

const texts = (number: string) => admin.line.simulator.phone(number).messages.map((m) => m.body);

describe('routing changes need a second coordinator', () => {
  it('keeps a crisis number change pending, tells every coordinator, and applies it only when another confirms', async () => {
    admin = await startAdminLine({ env: { COORDINATOR_NUMBERS: COORDINATORS.join(',') } });
    const second = await signIn('second@example.org');

    const proposed = await admin.api.request<SettingsResponse & { pending: PendingSettingsChange }>(
      'PATCH',
      '/admin/settings',
      { version: 0, settings: { crisisNumber: '+15550109999', maxWaitSeconds: 200 } },
    );

    expect(proposed.status).toBe(202);
    expect(proposed.body.pending).toMatchObject({
      proposedBy: 'coordinator@example.org',
      fields: ['crisis number'],
    });
    expect((await admin.line.store.getLine()).settings.crisisNumber).toBe('988');
    for (const number of COORDINATORS)
      await waitFor(
        () => texts(number).some((t) => t.includes('proposed changing the crisis number')),
        'the alert',
      );

    const byProposer = await admin.api.request('POST', '/admin/settings/confirm', {
      id: proposed.body.pending.id,
    });
    expect(byProposer.status).toBe(403);
    expect(byProposer.body.code).toBe('own-proposal');
    expect((await admin.line.store.getLine()).settings.crisisNumber).toBe('988');

    const confirmed = await second.request<SettingsResponse>('POST', '/admin/settings/confirm', {
      id: proposed.body.pending.id,
    });
    expect(confirmed.status).toBe(200);
    expect((await admin.line.store.getLine()).settings).toMatchObject({
      crisisNumber: '+15550109999',
      maxWaitSeconds: 200,
    });
    expect((await second.request<SettingsResponse>('GET', '/admin/settings')).body.pending).toBeUndefined();
    for (const number of COORDINATORS)
      await waitFor(
        () => texts(number).some((t) => t.includes('confirmed the change to the crisis number')),
        'the news',
      );

    const audit = await admin.api.request<{ entries: AuditEntry[] }>('GET', '/admin/audit');
    expect(audit.body.entries.map((e) => `${e.action} ${e.who}`).sort()).toEqual([
      'settings.confirm second@example.org',
      'settings.propose coordinator@example.org',
    ]);
    expect(JSON.stringify(audit.body.entries)).not.toContain('5550109999');
  });

  it('treats the clinician number and the partner line the same way, and other settings not at all', async () => {
    admin = await startAdminLine();

    const clinician = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { clinicianNumber: '+15550108888' },
    });
    const partner = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { overflow: { kind: 'partner-line', number: '+15550107777' } },
    });
    const plain = await admin.api.request('PATCH', '/admin/settings', {
      version: 0,
      settings: { ringGroupSize: 2 },
    });

    expect([clinician.status, partner.status, plain.status]).toEqual([202, 202, 200]);
    expect((await admin.line.store.getLine()).settings).toMatchObject({
      clinicianNumber: '+15550100911',
      ringGroupSize: 2,
    });
  });

  it('refuses to confirm a proposal the settings have moved past, or one that was replaced', async () => {
    admin = await startAdminLine();
    const second = await signIn('second@example.org');
    const first = await admin.api.request<{ pending: PendingSettingsChange }>('PATCH', '/admin/settings', {
      version: 0,
      settings: { crisisNumber: '+15550106666' },
    });
    const newer = await admin.api.request<{ pending: PendingSettingsChange }>('PATCH', '/admin/settings', {
      version: 0,
      settings: { crisisNumber: '+15550105555' },
    });

    expect(
      (await second.request('POST', '/admin/settings/confirm', { id: first.body.pending.id })).status,
    ).toBe(404);
    await admin.api.request('PATCH', '/admin/settings', { version: 0, settings: { ringGroupSize: 2 } });
    expect(
      (await second.request('POST', '/admin/settings/confirm', { id: newer.body.pending.id })).status,
    ).toBe(409);
    expect((await admin.line.store.getLine()).settings.crisisNumber).toBe('988');
  });
});
