// Points a Twilio number at a deployed warmline: webhooks, status callback and static fallbacks, from the
// stack outputs that `cdk deploy --outputs-file` wrote. Run after every deploy that changes the URLs.
//
//   TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... \
//     npx tsx infra/scripts/configure-number.ts cdk-outputs.json +15551234567
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { E164Schema } from '../../flows/phone-numbers.js';
import { TWILIO_PATHS } from '../../flows/webhook-paths.js';

const OutputsSchema = z.object({
  PublicBaseUrl: z.url({ error: 'must be the URL Twilio signs against' }),
  VoiceFallbackUrl: z.url({ error: 'must be the fallback TwiML URL' }),
  SmsFallbackUrl: z.url({ error: 'must be the fallback TwiML URL' }),
});
export type StackOutputs = z.infer<typeof OutputsSchema>;

/** `cdk deploy --outputs-file` nests outputs under each stack's name; the stateless stack has ours. */
export function readStackOutputs(file: unknown): StackOutputs {
  const stacks = typeof file === 'object' && file !== null ? Object.values(file) : [];
  const found = stacks.find((outputs) => OutputsSchema.safeParse(outputs).success);
  if (!found) {
    throw new Error('no stack in the outputs file has PublicBaseUrl, VoiceFallbackUrl and SmsFallbackUrl');
  }
  return OutputsSchema.parse(found);
}

/** What the number's configuration becomes: Twilio's own field names for an IncomingPhoneNumber. */
export function numberSettings(outputs: StackOutputs): Record<string, string> {
  const base = outputs.PublicBaseUrl.replace(/\/+$/, '');
  return {
    VoiceUrl: `${base}${TWILIO_PATHS.voiceIncoming}`,
    VoiceMethod: 'POST',
    StatusCallback: `${base}${TWILIO_PATHS.voiceStatus}`,
    StatusCallbackMethod: 'POST',
    // Fallbacks are static files on CloudFront, which only answers GET.
    VoiceFallbackUrl: outputs.VoiceFallbackUrl,
    VoiceFallbackMethod: 'GET',
    SmsUrl: `${base}${TWILIO_PATHS.smsIncoming}`,
    SmsMethod: 'POST',
    SmsFallbackUrl: outputs.SmsFallbackUrl,
    SmsFallbackMethod: 'GET',
  };
}

export interface TwilioAccount {
  readonly accountSid: string;
  readonly authToken: string;
  /** Twilio's REST base; another compatible server (the local simulator, a test) when set. */
  readonly apiBase?: string;
}

const ListSchema = z.object({ incoming_phone_numbers: z.array(z.object({ sid: z.string() })) });

/** Finds the number on the account and updates it; returns its SID. */
export async function configureNumber(
  account: TwilioAccount,
  phoneNumber: string,
  settings: Record<string, string>,
): Promise<string> {
  const number = E164Schema.parse(phoneNumber);
  const root = `${(account.apiBase ?? 'https://api.twilio.com').replace(/\/+$/, '')}/2010-04-01/Accounts/${account.accountSid}`;
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  const call = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, headers: { ...init.headers, authorization } });
    if (!response.ok)
      throw new Error(
        `Twilio answered ${response.status} to ${init.method ?? 'GET'} ${new URL(url).pathname}`,
      );
    return response.json() as Promise<unknown>;
  };
  const list = ListSchema.parse(
    await call(`${root}/IncomingPhoneNumbers.json?${new URLSearchParams({ PhoneNumber: number })}`),
  );
  const sid = list.incoming_phone_numbers[0]?.sid;
  if (!sid) throw new Error('that number is not on this Twilio account');
  await call(`${root}/IncomingPhoneNumbers/${sid}.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(settings).toString(),
  });
  return sid;
}

async function main(argv: readonly string[]): Promise<void> {
  const [outputsFile, phoneNumber] = argv;
  const { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE } = process.env;
  if (!outputsFile || !phoneNumber || !TWILIO_ACCOUNT_SID || !TWILIO_AUTH_TOKEN) {
    throw new Error(
      'usage: TWILIO_ACCOUNT_SID=... TWILIO_AUTH_TOKEN=... configure-number.ts <cdk-outputs.json> <+E164 number>',
    );
  }
  const settings = numberSettings(readStackOutputs(JSON.parse(readFileSync(outputsFile, 'utf8'))));
  const sid = await configureNumber(
    {
      accountSid: TWILIO_ACCOUNT_SID,
      authToken: TWILIO_AUTH_TOKEN,
      ...(TWILIO_API_BASE ? { apiBase: TWILIO_API_BASE } : {}),
    },
    phoneNumber,
    settings,
  );
  console.log(`configured ${sid}:`);
  for (const [name, value] of Object.entries(settings)) console.log(`  ${name.padEnd(20)} ${value}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
