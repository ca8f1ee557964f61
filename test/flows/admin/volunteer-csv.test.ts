// Volunteer CSV: masked phones out, every row checked before anything is imported.
import { describe, expect, it } from 'vitest';
import { parseVolunteerCsv, volunteersToCsv } from '../../../flows/admin/volunteer-csv.js';

describe('volunteersToCsv and parseVolunteerCsv', () => {
  it('round-trips an export: masked phones keep the stored numbers of existing volunteers', () => {
    const text = volunteersToCsv([
      {
        volunteerId: 'vol-dana',
        name: 'Dana',
        maskedPhone: '•••• 0142',
        languages: ['en', 'es'],
        active: true,
        maxTextSessions: 2,
        notes: 'evenings, mostly',
      },
    ]);

    const { volunteers, errors } = parseVolunteerCsv(text, new Set(['vol-dana']));

    expect(errors).toEqual([]);
    expect(volunteers).toEqual([
      {
        row: 2,
        volunteerId: 'vol-dana',
        name: 'Dana',
        languages: ['en', 'es'],
        active: true,
        maxTextSessions: 2,
        notes: 'evenings, mostly',
      },
    ]);
  });

  it('reads new volunteers with defaults for the optional columns', () => {
    const { volunteers } = parseVolunteerCsv('name,phone,languages\nEli,(202) 555-0199,ES\n', new Set());

    expect(volunteers).toEqual([
      { row: 2, name: 'Eli', phone: '+12025550199', languages: ['es'], active: true, maxTextSessions: 3 },
    ]);
  });

  it('names every problem by row and column', () => {
    const text = [
      'volunteerId,name,phone,languages,active,maxTextSessions',
      'bad id!,Ana,(202) 555-0142,en,yes,3',
      ',,(202) 555-0143,en,no,3',
      ',Caro,(202) 555-0142,,true,11',
      'vol-x,Dee,•••• 0001,en,true,2',
    ].join('\n');

    const { volunteers, errors } = parseVolunteerCsv(text, new Set());

    expect(volunteers).toEqual([]);
    expect(errors.map((e) => `${e.row} ${e.field}`)).toEqual([
      '2 volunteerId',
      '3 name',
      '4 phone',
      '4 languages',
      '4 maxTextSessions',
      '5 phone',
    ]);
    expect(errors.find((e) => e.row === 4 && e.field === 'phone')?.message).toBe(
      'is the same number as row 2',
    );
  });

  it('refuses the same volunteer id twice in one file', () => {
    const text = 'volunteerId,name,phone,languages\nv1,Ana,(202) 555-0142,en\nv1,Ana B,(202) 555-0143,en\n';

    const { errors } = parseVolunteerCsv(text, new Set(['v1']));

    expect(errors).toEqual([{ row: 3, field: 'volunteerId', message: 'is also on row 2' }]);
  });
});
