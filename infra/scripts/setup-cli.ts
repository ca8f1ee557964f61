// The real wiring of `npm run setup`: the terminal, the repository's files, child commands, Secrets
// Manager and Twilio's REST API. The steps themselves are in setup.ts, tested with fakes of all of these.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import twilio from 'twilio';
import { runSetup, SetupError, type SetupIo } from './setup.js';

const CONTEXT_FILE = 'cdk.context.json';
const OUTPUTS_FILE = 'cdk-outputs.json';

/** Echoes typing except while a secret is asked for. */
let muted = false;
const output = new Writable({
  write(chunk, _encoding, done) {
    if (!muted) process.stdout.write(chunk);
    done();
  },
});
const terminal = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
let ended = false;
terminal.on('close', () => {
  ended = true;
});

const io: SetupIo = {
  async ask(question, options) {
    if (ended) return undefined;
    process.stdout.write(question);
    muted = options?.secret === true;
    try {
      const answer = await Promise.race([
        terminal.question(''),
        new Promise<undefined>((resolve) => terminal.once('close', () => resolve(undefined))),
      ]);
      return answer;
    } finally {
      if (muted) process.stdout.write('\n');
      muted = false;
    }
  },
  say: (line) => console.log(line),
};

try {
  await runSetup(io, {
    async writeContext(values) {
      // Kept beside what CDK caches there, so `cdk deploy` and later upgrades read the same values.
      const existing = existsSync(CONTEXT_FILE) ? JSON.parse(await readFile(CONTEXT_FILE, 'utf8')) : {};
      await writeFile(CONTEXT_FILE, `${JSON.stringify({ ...existing, ...values }, null, 2)}\n`);
    },
    run: (command, args, env) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
      }),
    async readOutputs() {
      const stacks = JSON.parse(await readFile(OUTPUTS_FILE, 'utf8')) as Record<
        string,
        Record<string, string>
      >;
      return Object.assign({}, ...Object.values(stacks));
    },
    async putSecret(secretId, value) {
      await new SecretsManagerClient({}).send(
        new PutSecretValueCommand({ SecretId: secretId, SecretString: value }),
      );
    },
    async placeTestCall({ accountSid, authToken, from, to, url }) {
      const call = await twilio(accountSid, authToken).calls.create({ from, to, url });
      return call.sid;
    },
  });
} catch (error) {
  console.error(error instanceof SetupError ? error.message : error);
  process.exitCode = 1;
} finally {
  terminal.close();
}
