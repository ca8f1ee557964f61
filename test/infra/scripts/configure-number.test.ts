// Pointing a Twilio number at the deployment: the right fields, on the right number, from the outputs file.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  configureNumber,
  numberSettings,
  readStackOutputs,
} from '../../../infra/scripts/configure-number.js';

const OUTPUTS = {
  WarmlineStateful: { TableName: 'warmline' },
  WarmlineStateless: {
    PublicBaseUrl: 'https://line.example.org/',
    VoiceFallbackUrl: 'https://d111.cloudfront.net/fallback/voice.xml',
    SmsFallbackUrl: 'https://d111.cloudfront.net/fallback/sms.xml',
    ApiUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
  },
};
const ACCOUNT = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'token' };

interface Seen {
  method: string;
  url: string;
  authorization: string;
  body: string;
}

let server: Server | undefined;
afterEach(() => server?.close());

async function fakeTwilio(numbers: string[]): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const read = async (request: IncomingMessage) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    return body;
  };
  server = createServer(async (request, response) => {
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization ?? '',
      body: await read(request),
    });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ incoming_phone_numbers: numbers.map((sid) => ({ sid })) }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('configure-number', () => {
  it('points voice, status and SMS at the public base URL and the fallbacks at CloudFront by GET', () => {
    const settings = numberSettings(readStackOutputs(OUTPUTS));

    expect(settings).toMatchObject({
      VoiceUrl: 'https://line.example.org/twilio/voice',
      VoiceMethod: 'POST',
      StatusCallback: 'https://line.example.org/twilio/voice/status',
      SmsUrl: 'https://line.example.org/twilio/sms',
      VoiceFallbackUrl: OUTPUTS.WarmlineStateless.VoiceFallbackUrl,
      VoiceFallbackMethod: 'GET',
      SmsFallbackMethod: 'GET',
    });
  });

  it('says which outputs are missing when the file is from another deployment', () => {
    expect(() => readStackOutputs({ Other: { ApiUrl: 'https://x.example.org' } })).toThrow(/PublicBaseUrl/);
  });

  it('finds the number by its E.164 form and updates that number with basic auth', async () => {
    const twilio = await fakeTwilio(['PN0001']);

    const sid = await configureNumber({ ...ACCOUNT, apiBase: twilio.base }, '+15551234567', {
      VoiceUrl: 'https://v',
    });

    expect(sid).toBe('PN0001');
    const [lookup, update] = twilio.seen;
    expect(lookup?.url).toBe(
      `/2010-04-01/Accounts/${ACCOUNT.accountSid}/IncomingPhoneNumbers.json?PhoneNumber=%2B15551234567`,
    );
    expect(update).toMatchObject({
      method: 'POST',
      url: `/2010-04-01/Accounts/${ACCOUNT.accountSid}/IncomingPhoneNumbers/PN0001.json`,
      body: 'VoiceUrl=https%3A%2F%2Fv',
    });
    expect(Buffer.from(update?.authorization.replace('Basic ', '') ?? '', 'base64').toString()).toBe(
      `${ACCOUNT.accountSid}:token`,
    );
  });

  it('changes nothing when the number is not on the account', async () => {
    const twilio = await fakeTwilio([]);

    await expect(configureNumber({ ...ACCOUNT, apiBase: twilio.base }, '+15551234567', {})).rejects.toThrow(
      /not on this Twilio account/,
    );
    expect(twilio.seen.map((s) => s.method)).toEqual(['GET']);
  });

  it('refuses a number that is not E.164 before calling Twilio', async () => {
    const twilio = await fakeTwilio(['PN0001']);

    await expect(configureNumber({ ...ACCOUNT, apiBase: twilio.base }, '555-1234', {})).rejects.toThrow(
      /E\.164/,
    );
    expect(twilio.seen).toHaveLength(0);
  });
});
