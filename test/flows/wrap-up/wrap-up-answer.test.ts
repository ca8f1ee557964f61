// How a volunteer's wrap-up entry is read, by keypad and by text, against the line's code lists.
import { describe, expect, it } from 'vitest';
import { LineSettingsPatchSchema } from '../../../flows/line-settings.js';
import { DEFAULT_WRAP_UP_CODES } from '../../../flows/standard-settings.js';
import { codeListWords, readKeypadEntry, readTextEntry } from '../../../flows/wrap-up/wrap-up-answer.js';

const codes = DEFAULT_WRAP_UP_CODES;

describe('readKeypadEntry', () => {
  it.each([
    ['13*2*0', { topics: ['loneliness', 'relationships'], referral: 'crisis-line', safetyConcern: false }],
    ['31', { topics: ['relationships', 'loneliness'] }],
    ['11', { topics: ['loneliness'] }],
    ['*0', { topics: [], referral: 'none' }],
    ['**1', { topics: [], safetyConcern: true }],
    ['4*', { topics: ['grief'] }],
  ])('reads %s', (digits, answer) => {
    expect(readKeypadEntry(digits, codes)).toEqual(answer);
  });

  it.each(['', '*', '**'])('reads %j as a skip', (digits) => {
    expect(readKeypadEntry(digits, codes)).toBe('skip');
  });

  it.each(['8', '1*9', '1*12', '1*2*2', '1*2*1*1', '1*2*10'])(
    'refuses %s, which holds a number on no list',
    (digits) => {
      expect(readKeypadEntry(digits, codes)).toBe('invalid');
    },
  );
});

describe('readTextEntry', () => {
  it.each([
    ['1 3 R2 S0', { topics: ['loneliness', 'relationships'], referral: 'crisis-line', safetyConcern: false }],
    ['13 r0', { topics: ['loneliness', 'relationships'], referral: 'none' }],
    ['s1', { topics: [], safetyConcern: true }],
  ])('reads %s', (entry, answer) => {
    expect(readTextEntry(entry, codes)).toEqual(answer);
  });

  it('reads SKIP as a skip, and nothing or an unknown word as not understood', () => {
    expect(readTextEntry('skip', codes)).toBe('skip');
    expect(readTextEntry('', codes)).toBe('invalid');
    expect(readTextEntry('1 R7', codes)).toBe('invalid');
    expect(readTextEntry('1 lonely', codes)).toBe('invalid');
  });
});

describe('codeListWords', () => {
  it('names each code by its digit and its label in the language asked, in keypad order', () => {
    expect(codeListWords(codes.referrals.slice(0, 3).reverse(), 'es')).toBe(
      '0 ninguna derivación, 1 servicio de salud mental, 2 línea de crisis',
    );
  });
});

describe('the wrap-up code settings', () => {
  const messages = (wrapUpCodes: unknown) => {
    const parsed = LineSettingsPatchSchema.safeParse({ wrapUpCodes });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const topic = (id: string, key: string, en = id, es = id) => ({ id, key, label: { en, es } });

  it('refuses a duplicate id or keypad digit, naming the code', () => {
    expect(
      messages({
        enabled: true,
        topics: [topic('grief', '1'), topic('grief', '2'), topic('loss', '2')],
        referrals: [],
      }),
    ).toEqual([
      'wrapUpCodes.topics.1.id: code id "grief" is used twice',
      'wrapUpCodes.topics.2.key: keypad digit 2 is used twice',
    ]);
  });

  it('refuses a bad id, a key that is not one digit, an empty or marked-up label and too many codes', () => {
    expect(messages({ enabled: true, topics: [topic('Grief!', '12', '', '<b>')], referrals: [] })).toEqual([
      'wrapUpCodes.topics.0.id: must be a code id: a-z, 0-9 and -, starting with a letter, at most 32',
      'wrapUpCodes.topics.0.key: must be one keypad digit, 0 to 9',
      'wrapUpCodes.topics.0.label.en: must not be empty',
      'wrapUpCodes.topics.0.label.es: must not contain < or > (plain words only, no markup)',
    ]);
    const eleven = Array.from({ length: 11 }, (_, n) => topic(`t${n}`, String(n % 10)));
    expect(messages({ enabled: true, topics: eleven, referrals: [] })).toContain(
      'wrapUpCodes.topics: must hold at most 10 codes, one keypad digit each',
    );
  });
});
