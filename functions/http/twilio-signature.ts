// Twilio request signatures, checked against the configured public URL, never the Host header.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestHead } from './web-request.js';

export type SignatureVerdict = 'valid' | 'missing' | 'invalid';

/** The URL Twilio signed: configured base + raw path + raw query, byte for byte. */
export function signedUrl(publicBaseUrl: string, request: RequestHead): string {
  return `${publicBaseUrl}${request.rawPath}${request.rawQuery ? `?${request.rawQuery}` : ''}`;
}

const AUTHORITY = /^(https?:\/\/)([^/?#]*)(.*)$/i;

/**
 * Twilio signs the URL it was given, which may or may not spell out the default port, so the base URL is
 * tried both ways. Nothing else is rewritten: twilio-node's validateRequest also re-encodes the query with
 * `querystring`, which stops at 1,000 keys, so a padded query would validate while the app read the extras.
 */
function baseUrlSpellings(publicBaseUrl: string): string[] {
  const match = AUTHORITY.exec(publicBaseUrl);
  if (!match) return [publicBaseUrl];
  const [, scheme = '', authority = '', rest = ''] = match;
  const defaultPort = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  const portAt = authority.indexOf(':', authority.lastIndexOf(']') + 1);
  const host = portAt === -1 ? authority : authority.slice(0, portAt);
  const port = portAt === -1 ? '' : authority.slice(portAt);
  if (port === '') return [publicBaseUrl, `${scheme}${host}${defaultPort}${rest}`];
  if (port === defaultPort) return [publicBaseUrl, `${scheme}${host}${rest}`];
  return [publicBaseUrl];
}

/** Twilio's scheme: the URL, then every field name and value sorted by name, HMAC-SHA1, base64. */
export function expectedSignature(authToken: string, url: string, params: Record<string, string>): Buffer {
  const hmac = createHmac('sha1', authToken).update(url, 'utf8');
  for (const name of Object.keys(params).sort()) hmac.update(`${name}${params[name]}`, 'utf8');
  return Buffer.from(hmac.digest('base64'), 'utf8');
}

export function verifyTwilioSignature(
  authToken: string,
  publicBaseUrl: string,
  request: RequestHead,
  params: Record<string, string>,
): SignatureVerdict {
  const header = request.headers['x-twilio-signature'];
  if (!header) return 'missing';
  const given = Buffer.from(header, 'utf8');
  const path = signedUrl('', request);
  const matches = baseUrlSpellings(publicBaseUrl).some((base) => {
    const expected = expectedSignature(authToken, `${base}${path}`, params);
    // A wrong length says nothing about the token; equal lengths are compared in constant time.
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return matches ? 'valid' : 'invalid';
}
