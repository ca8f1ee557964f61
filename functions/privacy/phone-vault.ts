// Phone numbers in and out of the line's state: a keyed hash to recognise them, AES-256-GCM to hold them.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { PhoneVault } from '../../flows/ports.js';

export class SealError extends Error {
  override readonly name = 'SealError';
}

/**
 * 128 bits of the HMAC: collisions between real numbers are negligible at any line's scale, and a
 * shorter key keeps index items small. Without the pepper the key cannot be recomputed from a number.
 */
const KEY_HEX_CHARS = 32;
const VERSION = 'v1';

const b64 = (buffer: Buffer) => buffer.toString('base64url');

export function createPhoneVault(secrets: { pepper: string; sessionKeyHex: string }): PhoneVault {
  if (!/^[0-9a-f]{64}$/i.test(secrets.sessionKeyHex))
    throw new SealError('session key must be 64 hex digits');
  if (secrets.pepper.length < 16) throw new SealError('caller-key pepper must be at least 16 characters');
  const key = Buffer.from(secrets.sessionKeyHex, 'hex');
  return {
    keyOf: (phone) =>
      createHmac('sha256', secrets.pepper).update(phone).digest('hex').slice(0, KEY_HEX_CHARS),
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, b64(iv), b64(sealed), b64(cipher.getAuthTag())].join('.');
    },
    open: (sealed) => {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag) throw new SealError('not a sealed value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new SealError('sealed value was altered or sealed under another key');
      }
    },
  };
}
