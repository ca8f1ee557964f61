// Volunteer phones: normalised to E.164 on the way in, masked on the way out.
import { describe, expect, it } from 'vitest';
import { isMaskedPhone, maskPhone, normalisePhone } from '../../../flows/admin/phone-format.js';

describe('normalisePhone', () => {
  it('accepts national and international forms and returns E.164', () => {
    expect(normalisePhone('(202) 555-0142')).toEqual({ ok: true, e164: '+12025550142' });
    expect(normalisePhone('+1 202 555 0142')).toEqual({ ok: true, e164: '+12025550142' });
    expect(normalisePhone('+44 20 7946 0958')).toEqual({ ok: true, e164: '+442079460958' });
  });

  it('reads a national number in the country it is given', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toEqual({ ok: true, e164: '+442079460958' });
  });

  it('explains a number that is too short and one that is not in use', () => {
    const short = normalisePhone('555');
    const unused = normalisePhone('+1 555 010 0001');

    expect(short).toEqual({ ok: false, message: expect.stringMatching(/^must be a phone number/) });
    expect(unused).toEqual({ ok: false, message: expect.stringMatching(/^is not a number in use/) });
  });
});

describe('maskPhone', () => {
  it('shows only the last four digits, and the masked form is recognised on import', () => {
    const masked = maskPhone('+12025550142');

    expect(masked).toBe('•••• 0142');
    expect(masked).not.toContain('202555');
    expect(isMaskedPhone(masked)).toBe(true);
    expect(isMaskedPhone('+12025550142')).toBe(false);
  });
});
