// The README's commands are run as written, so a newcomer copying them meets what the README promises.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLine, type TestLine } from '../support/local-line.js';

const run = promisify(execFile);
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first shell block after a heading, exactly as a reader would copy it. */
function shellBlockAfter(heading: string): string {
  const section = README.slice(README.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!README.includes(heading) || !block?.[1])
    throw new Error(`README has no shell block after "${heading}"`);
  return block[1];
}

let line: TestLine;

beforeAll(async () => {
  line = await startTestLine();
});

afterAll(async () => {
  await line?.close();
});

describe('the README', () => {
  it('opens with npm install, then npm start and npm test', () => {
    const setUp = shellBlockAfter('## Set-up');
    expect(setUp).toMatch(/^npm install\nnpm start\b/);
    expect(shellBlockAfter('npm start        #')).toMatch(/^npm test\b/);
  });

  it('signs a call by hand on any port, gets TwiML, and hangs it up so the board is clear again', async () => {
    const { stdout } = await run('sh', ['-c', shellBlockAfter('### Try a signed webhook by hand')], {
      cwd: new URL('../..', import.meta.url),
      env: { ...process.env, PUBLIC_BASE_URL: line.config.PUBLIC_BASE_URL, PORT: '' },
    });

    expect(stdout).toMatch(/^\/twilio\/voice 200 <\?xml[^\n]*<Response>.*<\/Response>$/m);
    expect(stdout).toMatch(/^\/twilio\/voice\/status 20\d/m);
    expect(await line.store.listLive()).toEqual([]);
  });
});
