// How a volunteer's text is read: commands, near-misses of commands, and words for the texter.
import { describe, expect, it } from 'vitest';
import { parseVolunteerText } from '../../../flows/sms/volunteer-command.js';

describe('parseVolunteerText', () => {
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
});
