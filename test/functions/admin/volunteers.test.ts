// Volunteers through the admin API: validation naming fields, masked phones, versions and the audit log.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, VolunteerView } from '../../../flows/admin/admin-api-types.js';
import { numberTraces } from '../../support/local-line.js';
import { type AdminLine, startAdminLine } from './admin-line.js';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

const DANA = { name: 'Dana', phone: '(202) 555-0142', languages: ['en'] };

async function addDana(): Promise<VolunteerView> {
  const created = await admin.api.request<{ volunteer: VolunteerView }>('POST', '/admin/volunteers', DANA);
  expect(created.status).toBe(201);
  return created.body.volunteer;
}

async function auditEntries(): Promise<AuditEntry[]> {
  return (await admin.api.request<{ entries: AuditEntry[] }>('GET', '/admin/audit')).body.entries;
}

describe('admin volunteers', () => {
  it('adds a volunteer with the phone normalised, sealed and shown only masked', async () => {
    admin = await startAdminLine();

    const dana = await addDana();
    const listed = await admin.api.request<{ volunteers: VolunteerView[] }>('GET', '/admin/volunteers');

    expect(dana).toMatchObject({
      name: 'Dana',
      phoneMasked: '•••• 0142',
      active: true,
      onShift: false,
      version: 1,
    });
    expect(listed.body.volunteers.map((v) => v.name)).toEqual(['Ana', 'Ben', 'Caro', 'Dana']);
    const stored = await admin.line.store.getVolunteer(dana.volunteerId);
    expect(admin.line.core.vault.open(stored?.phoneSealed ?? '')).toBe('+12025550142');
    const link = await admin.line.store.getPhone(admin.line.core.vault.keyOf('+12025550142'));
    expect(link?.volunteerId).toBe(dana.volunteerId);
    for (const trace of numberTraces('+12025550142')) expect(listed.text).not.toContain(trace);
  });

  it('answers 400 naming the field and the problem', async () => {
    admin = await startAdminLine();

    const badPhone = await admin.api.request('POST', '/admin/volunteers', { ...DANA, phone: '12' });
    const noLanguage = await admin.api.request('POST', '/admin/volunteers', { ...DANA, languages: [] });
    const badLanguage = await admin.api.request('POST', '/admin/volunteers', { ...DANA, languages: ['fr'] });
    const noName = await admin.api.request('POST', '/admin/volunteers', { ...DANA, name: ' ' });
    const notJson = await admin.api.request('POST', '/admin/volunteers', '{name:', 'application/json');

    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error).toMatch(/^phone: must be a phone number/);
    expect(noLanguage.body.error).toBe('languages: must list at least one language');
    expect(badLanguage.body.error).toMatch(/^languages\.0: must be a language the line serves/);
    expect(noName.body.error).toBe('name: must not be empty');
    expect(notJson.body).toEqual({
      error: '(body): must be JSON',
      code: 'invalid',
      issues: [{ path: '(body)', message: 'must be JSON', code: 'json' }],
    });
  });

  it('refuses a second volunteer with the same number', async () => {
    admin = await startAdminLine();
    await addDana();

    const twin = await admin.api.request('POST', '/admin/volunteers', {
      ...DANA,
      name: 'Eli',
      phone: '+1 202 555 0142',
    });

    expect(twin.status).toBe(400);
    expect(twin.body.error).toBe('phone: is already the number of another volunteer');
  });

  it('answers 409 with the current record to an edit made on a stale version', async () => {
    admin = await startAdminLine();
    const dana = await addDana();
    const first = await admin.api.request<{ volunteer: VolunteerView }>(
      'PATCH',
      `/admin/volunteers/${dana.volunteerId}`,
      {
        version: dana.version,
        name: 'Dana R.',
      },
    );

    const second = await admin.api.request<{ current: VolunteerView; version: number }>(
      'PATCH',
      `/admin/volunteers/${dana.volunteerId}`,
      { version: dana.version, notes: 'prefers evenings' },
    );

    expect(first.status).toBe(200);
    expect(first.body.volunteer).toMatchObject({
      name: 'Dana R.',
      version: 2,
      maxTextSessions: 3,
      active: true,
    });
    expect(second.status).toBe(409);
    expect(second.body.current.name).toBe('Dana R.');
    expect(second.body.version).toBe(2);
    expect((await admin.line.store.getVolunteer(dana.volunteerId))?.notes).toBeUndefined();
  });

  it('moves the phone link when the number changes', async () => {
    admin = await startAdminLine();
    const dana = await addDana();
    const { vault } = admin.line.core;

    const changed = await admin.api.request<{ volunteer: VolunteerView }>(
      'PATCH',
      `/admin/volunteers/${dana.volunteerId}`,
      {
        version: 1,
        phone: '+1 202 555 0199',
      },
    );

    expect(changed.body.volunteer.phoneMasked).toBe('•••• 0199');
    expect((await admin.line.store.getPhone(vault.keyOf('+12025550199')))?.volunteerId).toBe(
      dana.volunteerId,
    );
    expect((await admin.line.store.getPhone(vault.keyOf('+12025550142')))?.volunteerId).toBeUndefined();
  });

  it('deactivates on DELETE and takes the volunteer off shift at once', async () => {
    admin = await startAdminLine();
    const ben = await admin.line.store.getVolunteer('vol-ben');

    const stale = await admin.api.request(
      'DELETE',
      `/admin/volunteers/vol-ben?version=${(ben?.version ?? 0) + 5}`,
    );
    const removed = await admin.api.request<{ volunteer: VolunteerView }>(
      'DELETE',
      `/admin/volunteers/vol-ben?version=${ben?.version}`,
    );
    const noVersion = await admin.api.request('DELETE', '/admin/volunteers/vol-ben');

    expect(stale.status).toBe(409);
    expect(removed.body.volunteer).toMatchObject({ active: false, onShift: false });
    expect((await admin.line.store.getLine()).onShiftIds.has('vol-ben')).toBe(false);
    expect(noVersion.body.error).toMatch(/^version: /);
    // Still listed after leaving the on-shift index.
    const listed = await admin.api.request<{ volunteers: VolunteerView[] }>('GET', '/admin/volunteers');
    expect(listed.body.volunteers.find((v) => v.volunteerId === 'vol-ben')?.active).toBe(false);
  });

  it('keeps listing a seeded volunteer after the roster takes them off shift', async () => {
    admin = await startAdminLine();
    await admin.api.request('GET', '/admin/volunteers');
    await admin.line.store.updateVolunteer('vol-ana', { set: { onShift: false } });

    const listed = await admin.api.request<{ volunteers: VolunteerView[] }>('GET', '/admin/volunteers');

    expect(listed.body.volunteers.find((v) => v.volunteerId === 'vol-ana')).toMatchObject({ onShift: false });
  });

  it('answers 404 for a volunteer that does not exist', async () => {
    admin = await startAdminLine();

    const missing = await admin.api.request('GET', '/admin/volunteers/vol-nobody');

    expect(missing.status).toBe(404);
  });

  it('audits every change with who, what and when, and no number', async () => {
    admin = await startAdminLine();
    const before = Date.now();
    const dana = await addDana();
    await admin.api.request('PATCH', `/admin/volunteers/${dana.volunteerId}`, {
      version: 1,
      languages: ['en', 'es'],
    });
    await admin.api.request('DELETE', `/admin/volunteers/${dana.volunteerId}?version=2`);

    const entries = await auditEntries();

    expect(entries.map((e) => e.action)).toEqual([
      'volunteer.deactivate',
      'volunteer.update',
      'volunteer.create',
    ]);
    for (const entry of entries) {
      expect(entry.who).toBe('coordinator@example.org');
      expect(entry.target).toBe(dana.volunteerId);
      expect(entry.at).toBeGreaterThanOrEqual(before);
    }
    expect(entries[1]?.summary).toBe('changed languages of Dana');
    for (const trace of numberTraces('+12025550142')) expect(JSON.stringify(entries)).not.toContain(trace);
  });
});
