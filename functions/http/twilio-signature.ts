// Twilio request signatures, checked against the configured public URL, never the Host header.
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { WebRequest } from './web-request.js';

export type SignatureVerdict = 'valid' | 'missing' | 'invalid';

/** The URL Twilio signed: configured base + raw path + raw query, byte for byte. */
export function signedUrl(publicBaseUrl: string, request: WebRequest): string {
  return `${publicBaseUrl}${request.rawPath}${request.rawQuery ? `?${request.rawQuery}` : ''}`;
}

export function verifyTwilioSignature(
  authToken: string,
  publicBaseUrl: string,
  request: WebRequest,
  params: Record<string, string>,
): SignatureVerdict {
  const signature = request.headers['x-twilio-signature'];
  if (!signature) return 'missing';
  // validateRequest compares in constant time and tries the URL with and without the default port.
  return validateRequest(authToken, signature, signedUrl(publicBaseUrl, request), params)
    ? 'valid'
    : 'invalid';
}
