// How a volunteer's text is read: commands, near-misses of commands, and words for the texter.
import { describe, expect, it } from 'vitest';
import { parseVolunteerText } from '../../../flows/sms/volunteer-command.js';
import { cleanPassNote, PASS_NOTE_LIMIT } from '../../../flows/sms/volunteer-text.js';

describe('parseVolunteerText', () => {
  it.each([
    ['LISTEN 40213', { kind: 'supervise', mode: 'listen', reference: '40213' }],
    ['coach 00917', { kind: 'supervise', mode: 'coach', reference: '00917' }],
    ['Listen: 40213.', { kind: 'supervise', mode: 'listen', reference: '40213' }],
    ['SUPPORT', { kind: 'support' }],
    ['support b', { kind: 'support', tag: 'B' }],
    ['[C] support', { kind: 'support', tag: 'C' }],
    ['suport', { kind: 'unsure', meant: 'SUPPORT' }],
  ])('reads %s as a supervision command', (body, command) => {
    expect(parseVolunteerText(body)).toEqual(command);
  });

  it.each(['listen to me', 'coach me through it', 'listen 12', 'I listen 40213 times'])(
    'relays %s: LISTEN and COACH are commands only with a five-digit reference',
    (body) => {
      expect(parseVolunteerText(body)).toEqual({ kind: 'relay', body });
    },
  );

  it.each([
    ['STAUTS', 'STATUS'],
    ['OF', 'OFF'],
    ['onn', 'ON'],
    ['ACEPT', 'ACCEPT'],
    ['hlep', 'HELP'],
    ['ESCALTE A', 'ESCALATE A'],
    ['escalte', 'ESCALATE'],
    ['[B] esclate', 'ESCALATE B'],
    ['psas b', 'PASS B'],
    ['ennd', 'END'],
  ])('asks whether %s meant %s instead of relaying it', (body, meant) => {
    expect(parseVolunteerText(body)).toEqual({ kind: 'unsure', meant });
  });

  it.each([
    'ok',
    'no',
    'oh',
    'one',
    'and',
    'send',
    'yes',
    'hello',
    'on my way',
    'of course',
    'okay',
    'sure thing',
    'access',
    'except',
    "I'm here",
  ])('relays %s to the texter', (body) => {
    expect(parseVolunteerText(body)).toEqual({ kind: 'relay', body });
  });

  it('relays a tagged near-miss of a shift command, the way a tagged command word is relayed', () => {
    expect(parseVolunteerText('[A] of')).toEqual({ kind: 'relay', tag: 'A', body: 'of' });
  });

  it('still reads the exact commands', () => {
    expect(parseVolunteerText('status')).toEqual({ kind: 'status' });
    expect(parseVolunteerText('Escalate b')).toEqual({ kind: 'escalate', tag: 'B' });
  });

  it.each([
    ['PASS feeling isolated after a move', { kind: 'pass', summary: 'feeling isolated after a move' }],
    [
      'pass b: wants to talk about work',
      {
        kind: 'pass',
        tag: 'B',
        summary: 'wants to talk about work',
        untagged: 'b: wants to talk about work',
      },
    ],
    ['[C] PASS a rough week', { kind: 'pass', tag: 'C', summary: 'a rough week' }],
    [
      'PASS I think they want a woman',
      { kind: 'pass', tag: 'I', summary: 'think they want a woman', untagged: 'I think they want a woman' },
    ],
    ['PASS B', { kind: 'pass', tag: 'B' }],
  ])('reads %s as PASS with a note for the next peer', (body, command) => {
    expect(parseVolunteerText(body)).toEqual(command);
  });

  it('still relays words that only begin like PASS', () => {
    expect(parseVolunteerText('passing thoughts are ok')).toEqual({
      kind: 'relay',
      body: 'passing thoughts are ok',
    });
  });
});

describe('cleanPassNote', () => {
  it('caps a note at one text and drops digit runs such as phone numbers', () => {
    const note = cleanPassNote(`${'x'.repeat(300)} call 555-012-3456`);
    expect(note?.length).toBe(PASS_NOTE_LIMIT);
    expect(cleanPassNote('lost her job, ring 555 012 3456 later')).toBe('lost her job, ring … later');
    expect(cleanPassNote('   ')).toBeUndefined();
  });
});

describe('the CODES command', () => {
  it.each([
    ['CODES A 1 3 R2 S0', { kind: 'codes', tag: 'A', entry: '1 3 R2 S0' }],
    ['codes b skip', { kind: 'codes', tag: 'B', entry: 'skip' }],
    ['[C] codes 2', { kind: 'codes', tag: 'C', entry: '2' }],
    ['Codes: 13 r1', { kind: 'codes', entry: '13 r1' }],
    ['CODES', { kind: 'codes', entry: '' }],
    ['code a s1.', { kind: 'codes', tag: 'A', entry: 's1' }],
  ])('reads %s', (body, command) => {
    expect(parseVolunteerText(body)).toEqual(command);
  });

  it('asks whether a misspelt CODES with codes after it was meant', () => {
    expect(parseVolunteerText('CDOES A 1 3')).toEqual({ kind: 'unsure', meant: 'CODES A' });
    expect(parseVolunteerText('coeds 2')).toEqual({ kind: 'unsure', meant: 'CODES' });
  });

  it('relays words about codes to the texter', () => {
    expect(parseVolunteerText('codes for the app are on the card')).toEqual({
      kind: 'relay',
      body: 'codes for the app are on the card',
    });
    expect(parseVolunteerText('[A] codes? what codes')).toMatchObject({ kind: 'relay', tag: 'A' });
  });
});
