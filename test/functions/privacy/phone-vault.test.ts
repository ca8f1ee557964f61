// The phone vault: keyed hashes recognise a number without revealing it; sealed numbers resist tampering.
import { describe, expect, it } from 'vitest';
import { createPhoneVault, SealError } from '../../../functions/privacy/phone-vault.js';

const PEPPER = 'a-pepper-of-at-least-sixteen-chars';
const KEY_A = 'a'.repeat(64);
const KEY_B = '0123456789abcdef'.repeat(4);
const NUMBER = '+15551234567';

describe('createPhoneVault', () => {
  it('gives the same 32-hex-digit key for the same number every time', () => {
    const vault = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A });

    const first = vault.keyOf(NUMBER);
    const again = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_B }).keyOf(NUMBER);

    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(again).toBe(first);
    expect(vault.keyOf('+15551234568')).not.toBe(first);
  });

  it('gives another key under another pepper', () => {
    const one = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A });
    const other = createPhoneVault({ pepper: `${PEPPER}-rotated`, sessionKeyHex: KEY_A });

    expect(other.keyOf(NUMBER)).not.toBe(one.keyOf(NUMBER));
  });

  it('seals the same number differently each time and opens each seal', () => {
    const vault = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A });

    const seals = Array.from({ length: 5 }, () => vault.seal(NUMBER));

    expect(new Set(seals).size).toBe(5);
    for (const sealed of seals) {
      expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
      expect(vault.open(sealed)).toBe(NUMBER);
    }
  });

  it('keeps no run of the number in the sealed text', () => {
    const vault = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A });
    const digits = NUMBER.slice(1);

    const sealed = vault.seal(NUMBER);

    for (let start = 0; start + 4 <= digits.length; start++) {
      expect(sealed).not.toContain(digits.slice(start, start + 4));
    }
    expect(sealed).not.toContain(Buffer.from(NUMBER).toString('base64url').slice(0, 8));
  });

  it('refuses a sealed value whose ciphertext was altered', () => {
    const vault = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A });
    const [version, iv, body, tag] = vault.seal(NUMBER).split('.') as [string, string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;

    const altered = [version, iv, bytes.toString('base64url'), tag].join('.');

    expect(() => vault.open(altered)).toThrow(SealError);
  });

  it('refuses a sealed value whose tag or iv was swapped', () => {
    const vault = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A });
    const [, ivA, bodyA, tagA] = vault.seal(NUMBER).split('.');
    const [, ivB, , tagB] = vault.seal(NUMBER).split('.');

    expect(() => vault.open(['v1', ivA, bodyA, tagB].join('.'))).toThrow(SealError);
    expect(() => vault.open(['v1', ivB, bodyA, tagA].join('.'))).toThrow(SealError);
  });

  it('refuses a value sealed under another key', () => {
    const sealedUnderA = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A }).seal(NUMBER);
    const vaultB = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_B });

    expect(() => vaultB.open(sealedUnderA)).toThrow(SealError);
  });

  it('refuses text that is not a sealed value, naming no part of it', () => {
    const vault = createPhoneVault({ pepper: PEPPER, sessionKeyHex: KEY_A });

    for (const text of [NUMBER, '', 'v2.a.b.c', 'v1.only-two']) {
      expect(() => vault.open(text)).toThrow(SealError);
    }
    const message = (() => {
      try {
        vault.open(NUMBER);
        return '';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    })();
    expect(message).toBe('not a sealed value');
  });

  it('refuses a session key that is not 32 bytes of hex, and a short pepper', () => {
    for (const sessionKeyHex of ['abc', 'a'.repeat(62), 'a'.repeat(66), 'g'.repeat(64), '']) {
      expect(() => createPhoneVault({ pepper: PEPPER, sessionKeyHex })).toThrow(SealError);
    }
    expect(() => createPhoneVault({ pepper: 'short', sessionKeyHex: KEY_A })).toThrow(SealError);
  });
});
