// npm run setup against a fake terminal, fake AWS and a fake Twilio: no network, no account.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSetup, type SetupDeps, SetupError, type SetupIo } from '../../../infra/scripts/setup.js';

const TOKEN = '0123456789abcdef0123456789abcdef';
const GOOD = {
  lineNumber: '+13125551234',
  clinicianNumber: '+13125551235',
  crisisNumber: '',
  crisisTextNumber: '',
  coordinatorNumbers: '+13125551236, +13125551237',
  timezone: 'America/Chicago',
  twilioAccountSid: `AC${'a'.repeat(32)}`,
  alarmEmail: 'ops@example.org',
  authDomainPrefix: 'our-warmline',
};

/** A terminal that types the given answers in order and records everything said and asked. */
function scriptedTerminal(answers: readonly string[]): SetupIo & { transcript: string[] } {
  const queue = [...answers];
  const transcript: string[] = [];
  return {
    transcript,
    async ask(question, options) {
      const answer = queue.shift();
      transcript.push(`? ${question}${options?.secret ? '(secret)' : (answer ?? '(end)')}`);
      return answer;
    },
    say: (line) => transcript.push(line),
  };
}

function fakeCloud(
  exitCodes: Record<string, number> = {},
): SetupDeps & { calls: string[]; context?: Record<string, string> } {
  const fake: SetupDeps & { calls: string[]; context?: Record<string, string> } = {
    calls: [],
    async writeContext(values) {
      fake.context = values;
      fake.calls.push('writeContext');
    },
    async run(command, args, env) {
      fake.calls.push(`${command} ${args.join(' ')}${env ? ` env:${Object.keys(env).join(',')}` : ''}`);
      return exitCodes[`${command} ${args[0]}`] ?? 0;
    },
    async readOutputs() {
      return {
        UserPoolId: 'us-east-1_pool',
        PublicBaseUrl: 'https://api.example.org/',
        ConsoleUrl: 'https://console.example.org/',
      };
    },
    async putSecret(secretId, value) {
      fake.calls.push(`putSecret ${secretId} ${value === TOKEN ? '<token>' : value}`);
    },
    async placeTestCall(call) {
      fake.calls.push(
        `call ${call.from} -> ${call.to} ${call.url} ${call.authToken === TOKEN ? '<token>' : '?'}`,
      );
      return 'CA123';
    },
  };
  return fake;
}

const allAnswers = (overrides: Partial<Record<keyof typeof GOOD, string[]>> = {}) => [
  ...Object.entries(GOOD).flatMap(([key, value]) => overrides[key as keyof typeof GOOD] ?? [value]),
  TOKEN,
  'coordinator@example.org',
  '+13125557654',
];

describe('npm run setup', () => {
  it('refuses the demo numbers and a misspelt timezone, asks again, then deploys with the good values', async () => {
    const terminal = scriptedTerminal(
      allAnswers({
        lineNumber: ['+15550100000', GOOD.lineNumber],
        coordinatorNumbers: [
          '+13125551236,+12025550142',
          '+13125551236, +12025550199',
          GOOD.coordinatorNumbers,
        ],
        timezone: ['America/Chicgo', GOOD.timezone],
      }),
    );
    const cloud = fakeCloud();

    await runSetup(terminal, cloud);

    const said = terminal.transcript.join('\n');
    expect(said).toContain('+15550100000 is one of the fictional 555 numbers the demo uses; use a real one.');
    expect(said).toContain('+12025550199 is one of the fictional 555 numbers the demo uses; use a real one.');
    expect(said).toContain('must be an IANA timezone such as America/New_York; try again.');
    expect(cloud.context).toEqual({ ...GOOD, crisisNumber: '988', crisisTextNumber: '988' });
    expect(cloud.calls).toEqual([
      'writeContext',
      'npx cdk deploy --all --require-approval never --outputs-file cdk-outputs.json',
      'putSecret WarmlineStateful/twilio-auth-token <token>',
      'npm run configure-number -- cdk-outputs.json +13125551234 env:TWILIO_ACCOUNT_SID,TWILIO_AUTH_TOKEN',
      'aws cognito-idp admin-create-user --user-pool-id us-east-1_pool --username coordinator@example.org --user-attributes Name=email,Value=coordinator@example.org Name=email_verified,Value=true',
      'call +13125551234 -> +13125557654 https://api.example.org/twilio/voice <token>',
    ]);
    expect(said).toContain('AWS has sent a subscription confirmation to ops@example.org');
    expect(said).not.toContain(TOKEN);
  });

  it('asks for the auth token without echoing it and refuses one that is not 32 hex characters', async () => {
    const answers = allAnswers();
    answers.splice(Object.keys(GOOD).length, 0, 'my-password');
    const terminal = scriptedTerminal(answers);
    await runSetup(terminal, fakeCloud());
    expect(
      terminal.transcript.filter((line) => line.includes('auth token') && line.endsWith('(secret)')),
    ).toHaveLength(2);
    expect(terminal.transcript).toContain(
      '  A Twilio auth token is 32 hexadecimal characters (Twilio console, Account info); try again.',
    );
  });

  it('deploys nothing when input ends before every value is given', async () => {
    const cloud = fakeCloud();
    await expect(runSetup(scriptedTerminal([GOOD.lineNumber]), cloud)).rejects.toThrow(
      new SetupError('no answer for clinicianNumber: nothing was deployed'),
    );
    expect(cloud.calls).toEqual([]);
  });

  it('stops at a failed deploy, naming it, before the token is stored', async () => {
    const cloud = fakeCloud({ 'npx cdk': 1 });
    await expect(runSetup(scriptedTerminal(allAnswers()), cloud)).rejects.toThrow(
      /Deploying \(this takes several minutes\) failed \(exit 1\)/,
    );
    expect(cloud.calls.some((call) => call.startsWith('putSecret'))).toBe(false);
  });

  it('runs from the terminal and refuses a demo number typed into it', async () => {
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number }>(
      (resolve) => {
        const child = execFile(
          'npx',
          ['tsx', 'infra/scripts/setup-cli.ts'],
          { cwd: new URL('../../..', import.meta.url) },
          (error, out, err) =>
            resolve({ stdout: out, stderr: err, code: error ? Number(error.code ?? 1) : 0 }),
        );
        child.stdin?.end('+15550100042\n');
      },
    );
    expect(stdout).toContain(
      '+15550100042 is one of the fictional 555 numbers the demo uses; use a real one.',
    );
    expect(stderr).toContain('no answer for lineNumber: nothing was deployed');
    expect(code).toBe(1);
  }, 30_000);
});
