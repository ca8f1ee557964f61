// Posts a webhook to the local runner exactly as Twilio would: form body, signature over the public URL.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';

export interface SignedPostOptions {
  readonly origin: string;
  readonly publicBaseUrl: string;
  readonly authToken: string;
  readonly pathAndQuery: string;
  readonly params: Record<string, string>;
  /** 'none' drops the header, 'wrong' signs with another token. */
  readonly signature?: 'valid' | 'none' | 'wrong';
}

export async function postSignedWebhook(
  options: SignedPostOptions,
): Promise<{ status: number; type: string; body: string }> {
  const { origin, publicBaseUrl, authToken, pathAndQuery, params } = options;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const url = `${publicBaseUrl}${pathAndQuery}`;
  if (options.signature !== 'none') {
    const token = options.signature === 'wrong' ? `${authToken}-not` : authToken;
    headers['x-twilio-signature'] = getExpectedTwilioSignature(token, url, params);
  }
  const response = await fetch(`${origin}${pathAndQuery}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

export const callFields = (callSid: string, from: string, to: string) => ({
  AccountSid: `AC${'0'.repeat(32)}`,
  ApiVersion: '2010-04-01',
  CallSid: callSid,
  CallStatus: 'ringing',
  Direction: 'inbound',
  From: from,
  To: to,
  Caller: from,
  Called: to,
});

export const smsFields = (messageSid: string, from: string, to: string, body: string) => ({
  AccountSid: `AC${'0'.repeat(32)}`,
  ApiVersion: '2010-04-01',
  MessageSid: messageSid,
  SmsSid: messageSid,
  SmsMessageSid: messageSid,
  From: from,
  To: to,
  Body: body,
  NumMedia: '0',
  NumSegments: '1',
  SmsStatus: 'received',
});
