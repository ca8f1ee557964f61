// Runs the classify command line as a real process: one JSON object per input line, in order, nothing else.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function runClassify(input: string): Promise<{ stdout: string; code: number | null }> {
  const child = spawn('npx', ['tsx', 'functions/cli/classify.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.resume();
  child.stdin.end(input);
  const [code] = (await once(child, 'close')) as [number | null];
  return { stdout, code };
}

function parseLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('classify command line', () => {
  it('prints one verdict per line in input order, including blank lines and CRLF endings', async () => {
    const input = 'I want to die\r\nhello\r\n\r\nme tomé todas las pastillas\r\nthis exam is killing me\r\n';

    const { stdout, code } = await runClassify(input);
    const verdicts = parseLines(stdout);

    expect(code).toBe(0);
    expect(verdicts).toHaveLength(5);
    expect(verdicts.map((verdict) => (verdict as { escalate: boolean }).escalate)).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(verdicts[2]).toEqual({ escalate: false, kind: null, rule: null, tier: null });
    expect(verdicts[3]).toMatchObject({ kind: 'overdose-or-medical' });
  });

  it('prints only JSON objects with exactly the stable keys and never echoes the text', async () => {
    const { stdout } = await runClassify('I want to kill myself tonight\nhola\n');

    for (const line of stdout.trimEnd().split('\n')) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(parsed)).toEqual(['escalate', 'kind', 'rule', 'tier']);
      expect(line).not.toContain('kill myself');
    }
  });

  it('streams a large input and keeps every line', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i % 2 === 0 ? `I want to die ${i}` : `just a note ${i}`,
    );

    const { stdout } = await runClassify(`${lines.join('\n')}\n`);
    const verdicts = parseLines(stdout) as { escalate: boolean }[];

    expect(verdicts).toHaveLength(5000);
    expect(verdicts.every((verdict, i) => verdict.escalate === (i % 2 === 0))).toBe(true);
  });
});
