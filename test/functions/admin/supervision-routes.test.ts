// Supervision through the admin API: the supervisor flag, the Listen/Coach request and read-along, each validated
// with a reason a coordinator can act on, and nothing rung when it is refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, VolunteerView } from '../../../flows/admin/admin-api-types.js';
import { type AdminLine, startAdminLine } from './admin-line.js';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

async function caro(): Promise<VolunteerView> {
  return (await admin.api.request<{ volunteer: VolunteerView }>('GET', '/admin/volunteers/vol-caro')).body
    .volunteer;
}

describe('admin supervision', () => {
  it('marks a volunteer supervisor with a checked boolean, and audits the change by field name', async () => {
    admin = await startAdminLine();
    const before = await caro();
    expect(before.supervisor).toBe(false);

    const wrong = await admin.api.request('PATCH', '/admin/volunteers/vol-caro', {
      supervisor: 'yes',
      version: before.version,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ issues: [{ path: 'supervisor', message: 'must be true or false' }] });

    const marked = await admin.api.request<{ volunteer: VolunteerView }>(
      'PATCH',
      '/admin/volunteers/vol-caro',
      {
        supervisor: true,
        version: before.version,
      },
    );
    expect(marked.status).toBe(200);
    expect(marked.body.volunteer.supervisor).toBe(true);
    // A patch that does not name the flag keeps it.
    await admin.api.request('PATCH', '/admin/volunteers/vol-caro', {
      name: 'Caro',
      version: marked.body.volunteer.version,
    });
    expect((await caro()).supervisor).toBe(true);
    const entries = (await admin.api.request<{ entries: AuditEntry[] }>('GET', '/admin/audit')).body.entries;
    expect(entries.some((e) => e.action === 'volunteer.update' && e.summary.includes('supervisor'))).toBe(
      true,
    );
  });

  it('refuses a wrong body, a non-supervisor and a contact that is not live, ringing nobody', async () => {
    admin = await startAdminLine();
    const bad = await admin.api.request('POST', '/admin/supervision', {
      contactId: 'v-1',
      supervisorId: 'vol-caro',
      mode: 'shout',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ issues: [{ path: 'mode', message: 'must be listen or coach' }] });

    const notSupervisor = await admin.api.request('POST', '/admin/supervision', {
      contactId: 'v-1',
      supervisorId: 'vol-ben',
      mode: 'listen',
    });
    expect(notSupervisor).toMatchObject({ status: 409, body: { code: 'not-supervisor' } });

    await admin.line.store.updateVolunteer('vol-caro', { set: { supervisor: true } });
    const gone = await admin.api.request('POST', '/admin/supervision', {
      contactId: 'v-nobody',
      supervisorId: 'vol-caro',
      mode: 'listen',
    });
    expect(gone).toMatchObject({ status: 404, body: { code: 'call-not-live' } });
    const noText = await admin.api.request('GET', '/admin/read-along/s-nobody');
    expect(noText).toMatchObject({ status: 404, body: { code: 'call-not-live' } });

    await admin.line.store.saveSettings({ supervisionEnabled: false });
    const off = await admin.api.request('POST', '/admin/read-along/s-nobody');
    expect(off).toMatchObject({ status: 409, body: { code: 'supervision-off' } });
    await admin.line.idle();
    expect(admin.line.simulator.calls()).toHaveLength(0);
  });
});
