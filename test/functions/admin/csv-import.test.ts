// CSV out and back in through the admin API: round trips, row-level errors, and nothing half-applied.
import { afterEach, describe, expect, it } from 'vitest';
import type { RosterResponse, VolunteerView } from '../../../flows/admin/admin-api-types.js';
import { parseCsv } from '../../../flows/admin/csv.js';
import { type AdminLine, startAdminLine } from './admin-line.js';

let admin: AdminLine;
afterEach(async () => {
  await admin?.line.close();
});

const listVolunteers = async () =>
  (await admin.api.request<{ volunteers: VolunteerView[] }>('GET', '/admin/volunteers')).body.volunteers;
const postCsv = (path: string, csv: string) =>
  admin.api.request<{
    created: number;
    updated: number;
    error: string;
    issues: { row: number; path: string; message: string }[];
  }>('POST', path, csv, 'text/csv');

describe('volunteers.csv', () => {
  it('round-trips: an exported file imports back as updates with the stored numbers kept', async () => {
    admin = await startAdminLine();
    const exported = await admin.api.request('GET', '/admin/volunteers.csv');
    const rows = parseCsv(exported.text);
    const edited = exported.text.replace('Ben,', 'Benjamin,');

    const imported = await postCsv('/admin/volunteers.csv', edited);

    expect(exported.contentType).toContain('text/csv');
    expect(rows[0]).toEqual([
      'volunteerId',
      'name',
      'phone',
      'languages',
      'active',
      'maxTextSessions',
      'notes',
    ]);
    expect(rows[2]).toEqual(['vol-ben', 'Ben', '•••• 0002', 'en', 'true', '3', '']);
    expect(exported.text).not.toContain('5550100002');
    expect(imported.body).toEqual({ created: 0, updated: 3 });
    const ben = (await listVolunteers()).find((v) => v.volunteerId === 'vol-ben');
    expect(ben).toMatchObject({ name: 'Benjamin', phoneMasked: '•••• 0002' });
    const stored = await admin.line.store.getVolunteer('vol-ben');
    expect(admin.line.core.vault.open(stored?.phoneSealed ?? '')).toBe('+15550100002');
  });

  it('adds new rows with full numbers', async () => {
    admin = await startAdminLine();
    const csv = 'name,phone,languages\nDana,(202) 555-0142,en es\nEli,+1 202 555 0199,es\n';

    const imported = await postCsv('/admin/volunteers.csv', csv);

    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ created: 2, updated: 0 });
    const dana = (await listVolunteers()).find((v) => v.name === 'Dana');
    expect(dana).toMatchObject({ languages: ['en', 'es'], phoneMasked: '•••• 0142', active: true });
  });

  it('names every bad row and applies none of the good ones', async () => {
    admin = await startAdminLine();
    const csv = [
      'volunteerId,name,phone,languages,active',
      'vol-ana,Ana Maria,•••• 0001,en es,true',
      ',Dana,(202) 555-0142,en,true',
      ',Eli,555,en,true',
      ',Fay,+1 202 555 0177,fr,maybe',
      ',Gus,•••• 0000,en,true',
      ',Hal,+1 202 555 0142,en,true',
    ].join('\n');

    const imported = await postCsv('/admin/volunteers.csv', csv);

    expect(imported.status).toBe(400);
    expect(imported.body.issues).toEqual([
      {
        row: 4,
        path: 'phone',
        message: expect.stringMatching(/must be a phone number/),
        code: 'phone-format',
      },
      {
        row: 5,
        path: 'languages',
        message: '"fr" is not a language the line serves (en, es)',
        code: 'language-unknown',
        params: { word: 'fr' },
      },
      { row: 5, path: 'active', message: 'must be true or false', code: 'boolean' },
      {
        row: 6,
        path: 'phone',
        message: 'a new volunteer needs their full phone number',
        code: 'phone-needed',
      },
      {
        row: 7,
        path: 'phone',
        message: 'is the same number as row 3',
        code: 'phone-same-as-row',
        params: { row: '3' },
      },
    ]);
    expect(imported.body.error).toMatch(/^row 4, phone: .*nothing was imported$/);
    const names = (await listVolunteers()).map((v) => v.name);
    expect(names).toEqual(['Ana', 'Ben', 'Caro']);
  });

  it('refuses a number that already belongs to another volunteer, applying nothing', async () => {
    admin = await startAdminLine();
    await admin.api.request('POST', '/admin/volunteers', {
      name: 'Dana',
      phone: '(202) 555-0142',
      languages: ['en'],
    });
    const csv = 'name,phone,languages\nFay,+1 202 555 0177,en\nEli,+1 202 555 0142,en\n';

    const imported = await postCsv('/admin/volunteers.csv', csv);

    expect(imported.status).toBe(400);
    expect(imported.body.issues).toEqual([
      { row: 3, path: 'phone', message: 'is already the number of another volunteer', code: 'phone-taken' },
    ]);
    expect((await listVolunteers()).map((v) => v.name)).toEqual(['Ana', 'Ben', 'Caro', 'Dana']);
  });
});

describe('shifts.csv', () => {
  it('round-trips the weekly roster and replaces it as a whole', async () => {
    admin = await startAdminLine();
    const csv =
      'shiftId,volunteerId,day,start,end\nmon-eve,vol-ana,mon,18:00,22:00\nfri-night,vol-ben,fri,22:00,02:00\n';

    const imported = await postCsv('/admin/shifts.csv', csv);
    const exported = await admin.api.request('GET', '/admin/shifts.csv');
    const again = await postCsv('/admin/shifts.csv', exported.text);
    const roster = await admin.api.request<RosterResponse>('GET', '/admin/roster');

    expect(imported.status).toBe(200);
    expect(parseCsv(exported.text)).toEqual(parseCsv(csv));
    expect(again.status).toBe(200);
    expect(roster.body.version).toBe(2);
    expect(roster.body.roster.weekly.map((s) => s.shiftId)).toEqual(['mon-eve', 'fri-night']);
  });

  it('names bad rows and unknown volunteers, and keeps the roster as it was', async () => {
    admin = await startAdminLine();
    await postCsv(
      '/admin/shifts.csv',
      'shiftId,volunteerId,day,start,end\nmon-eve,vol-ana,mon,18:00,22:00\n',
    );
    const csv = [
      'shiftId,volunteerId,day,start,end',
      'tue-eve,vol-ana,tue,18:00,22:00',
      'wed-eve,vol-nobody,wed,18:00,22:00',
      'thu-eve,vol-ben,thursday,18:00,22:00',
      'fri-eve,vol-ben,fri,25:00,22:00',
      'sat-eve,vol-ben,sat,18:00,18:00',
    ].join('\n');

    const imported = await postCsv('/admin/shifts.csv', csv);
    const roster = await admin.api.request<RosterResponse>('GET', '/admin/roster');

    expect(imported.status).toBe(400);
    expect(imported.body.issues.map((i) => `${i.row} ${i.path}`)).toEqual([
      '3 volunteerId',
      '4 day',
      '5 start',
      '6 end',
    ]);
    expect(roster.body.roster.weekly.map((s) => s.shiftId)).toEqual(['mon-eve']);
    expect(roster.body.version).toBe(1);
  });

  it('refuses a file without the required columns', async () => {
    admin = await startAdminLine();

    const imported = await postCsv('/admin/shifts.csv', 'shiftId,volunteerId,day\nx,vol-ana,mon\n');

    expect(imported.status).toBe(400);
    expect(imported.body.issues).toContainEqual({
      row: 1,
      path: 'start',
      message: 'the header has no "start" column',
      code: 'csv-no-column',
      params: { column: 'start' },
    });
  });
});
