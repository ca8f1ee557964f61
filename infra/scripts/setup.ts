// `npm run setup`: a first deploy a volunteer sysadmin can finish alone. Asks for every deploy value and
// checks it as it is typed, stores the Twilio auth token in Secrets Manager without it touching a command
// line, deploys, points the number at the line, creates the first coordinator, and places a test call.
//
// Main course: answers -> cdk.context.json -> cdk deploy -> auth token secret -> configure-number ->
// coordinator account -> alarm e-mail reminder -> test call.
// Alternate courses: a wrong answer is explained and asked again (a demo 555-01xx number, a misspelt
// timezone); input that ends before every answer is given stops with nothing deployed; a failed
// command stops the run naming the step, and everything before it can be rerun safely.
import type * as z from 'zod';
import { TWILIO_PATHS } from '../../flows/webhook-paths.js';
import { DeployContextSchema } from '../deploy-context.js';

export interface SetupIo {
  /** Resolves undefined when input has ended. `secret` answers are not echoed. */
  ask(question: string, options?: { secret?: boolean }): Promise<string | undefined>;
  say(line: string): void;
}

export interface SetupDeps {
  writeContext(values: Record<string, string>): Promise<void>;
  /** Runs a command; secrets go in `env`, never in `args`. Resolves the exit code. */
  run(command: string, args: readonly string[], env?: Record<string, string>): Promise<number>;
  readOutputs(): Promise<Record<string, string>>;
  putSecret(secretId: string, value: string): Promise<void>;
  placeTestCall(call: {
    accountSid: string;
    authToken: string;
    from: string;
    to: string;
    url: string;
  }): Promise<string>;
}

export class SetupError extends Error {
  override readonly name = 'SetupError';
}

/**
 * The fictional numbers the demo and the deploy defaults use: area code 555 (never assigned) and
 * 555-0100 to 555-0199 in any area code (reserved for fiction). A line deployed with one cannot work.
 */
const isDemoNumber = (value: string): boolean => /^\+1(555\d{7}|\d{3}55501\d{2})$/.test(value);

type ContextKey = keyof typeof DeployContextSchema.shape;

interface Question {
  readonly key: ContextKey;
  readonly ask: string;
  readonly fallback?: string;
  readonly phone?: boolean;
}

const QUESTIONS: readonly Question[] = [
  { key: 'lineNumber', ask: 'The line’s Twilio number (E.164, e.g. +15551234567)', phone: true },
  { key: 'clinicianNumber', ask: 'The on-call clinician’s number for crisis escalations', phone: true },
  { key: 'crisisNumber', ask: 'The crisis line callers are handed to', fallback: '988' },
  { key: 'crisisTextNumber', ask: 'The crisis line texters are pointed to', fallback: '988' },
  { key: 'coordinatorNumbers', ask: 'Coordinators’ numbers for alerts, comma-separated', phone: true },
  { key: 'timezone', ask: 'The line’s IANA timezone (e.g. America/Chicago)' },
  { key: 'twilioAccountSid', ask: 'Your Twilio account SID (AC…)' },
  { key: 'alarmEmail', ask: 'The e-mail address alarms go to' },
  {
    key: 'authDomainPrefix',
    ask: 'A unique prefix for the coordinators’ sign-in page (lower case, hyphens)',
  },
];

/** Asks until the answer passes the same schema synth uses, and is not one of the demo's numbers. */
async function askValid(io: SetupIo, question: Question): Promise<string> {
  const schema: z.ZodType = DeployContextSchema.shape[question.key];
  for (;;) {
    const prompt = question.fallback ? `${question.ask} [${question.fallback}]` : question.ask;
    const answer = (await io.ask(`${prompt}: `))?.trim();
    if (answer === undefined) throw new SetupError(`no answer for ${question.key}: nothing was deployed`);
    const value = answer === '' && question.fallback ? question.fallback : answer;
    if (value === '') {
      io.say('  This one is needed.');
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      io.say(`  ${parsed.error.issues[0]?.message ?? 'is not valid'}; try again.`);
      continue;
    }
    const demo = question.phone
      ? value
          .split(',')
          .map((n) => n.trim())
          .find(isDemoNumber)
      : undefined;
    if (demo) {
      io.say(`  ${demo} is one of the fictional 555 numbers the demo uses; use a real one.`);
      continue;
    }
    return value;
  }
}

async function step(io: SetupIo, title: string, action: () => Promise<number | undefined>): Promise<void> {
  io.say(`\n${title}`);
  const code = await action();
  if (code !== undefined && code !== 0)
    throw new SetupError(`${title} failed (exit ${code}); fix it and run npm run setup again`);
}

export async function runSetup(io: SetupIo, deps: SetupDeps): Promise<void> {
  io.say('Warmline set-up. Every answer is checked now, so the deploy cannot start with a wrong one.\n');
  const values: Record<string, string> = {};
  for (const question of QUESTIONS) values[question.key] = await askValid(io, question);
  const authToken = await askSecret(io, 'Your Twilio auth token (not shown, not saved in shell history): ');
  const coordinatorEmail = await askValid(io, { key: 'alarmEmail', ask: 'The first coordinator’s e-mail' });
  const testPhone = await askValid(io, {
    key: 'lineNumber',
    ask: 'Your own phone, for a test call',
    phone: true,
  });

  await step(io, 'Saving the deploy values to cdk.context.json', async () => {
    await deps.writeContext(values);
    return undefined;
  });
  await step(io, 'Deploying (this takes several minutes)', () =>
    deps.run('npx', [
      'cdk',
      'deploy',
      '--all',
      '--require-approval',
      'never',
      '--outputs-file',
      'cdk-outputs.json',
    ]),
  );
  await step(io, 'Storing the Twilio auth token in Secrets Manager', async () => {
    await deps.putSecret('WarmlineStateful/twilio-auth-token', authToken);
    return undefined;
  });
  const twilioEnv = { TWILIO_ACCOUNT_SID: values.twilioAccountSid ?? '', TWILIO_AUTH_TOKEN: authToken };
  await step(io, 'Pointing the Twilio number at the line', () =>
    deps.run(
      'npm',
      ['run', 'configure-number', '--', 'cdk-outputs.json', values.lineNumber ?? ''],
      twilioEnv,
    ),
  );
  const outputs = await deps.readOutputs();
  await step(io, `Creating the coordinator account ${coordinatorEmail}`, () =>
    deps.run('aws', [
      'cognito-idp',
      'admin-create-user',
      '--user-pool-id',
      outputs.UserPoolId ?? '',
      '--username',
      coordinatorEmail,
      '--user-attributes',
      `Name=email,Value=${coordinatorEmail}`,
      'Name=email_verified,Value=true',
    ]),
  );
  io.say(
    `\nAWS has sent a subscription confirmation to ${values.alarmEmail}. Until someone clicks its link,` +
      ' no alarm reaches anyone: check that inbox (and its spam folder) now.',
  );
  await step(
    io,
    `Placing a test call to ${testPhone}: answer it and you should hear the line's greeting`,
    async () => {
      const sid = await deps.placeTestCall({
        accountSid: values.twilioAccountSid ?? '',
        authToken,
        from: values.lineNumber ?? '',
        to: testPhone,
        url: `${(outputs.PublicBaseUrl ?? '').replace(/\/+$/, '')}${TWILIO_PATHS.voiceIncoming}`,
      });
      io.say(`  Call ${sid} placed.`);
      return undefined;
    },
  );
  io.say(
    `\nDone. The console is at ${outputs.ConsoleUrl ?? '(see cdk-outputs.json)'}; ${coordinatorEmail} gets a temporary password by e-mail.` +
      '\nBefore texts can reach US phones, register the number for A2P 10DLC or toll-free verification: docs/deploy.md.',
  );
}

async function askSecret(io: SetupIo, question: string): Promise<string> {
  for (;;) {
    const answer = (await io.ask(question, { secret: true }))?.trim();
    if (answer === undefined) throw new SetupError('no auth token given: nothing was deployed');
    if (/^[0-9a-f]{32}$/i.test(answer)) return answer;
    io.say('  A Twilio auth token is 32 hexadecimal characters (Twilio console, Account info); try again.');
  }
}
