// flows/ must run the same on Lambda, the local runner and in tests: no clients, no environment, no clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const FLOWS = join(import.meta.dirname, '../../flows');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: readonly { rule: string; pattern: RegExp }[] = [
  { rule: 'imports the AWS SDK', pattern: /from\s+['"]@aws-sdk\// },
  { rule: 'imports twilio', pattern: /from\s+['"]twilio(\/|['"])/ },
  {
    rule: 'imports an AWS or Twilio module dynamically',
    pattern: /import\(\s*['"](@aws-sdk|twilio|aws-cdk-lib)/,
  },
  { rule: 'imports infra or functions', pattern: /from\s+['"](\.\.\/)+(functions|infra)\// },
  {
    rule: 'imports networking or the file system',
    pattern: /from\s+['"]node:(http|https|net|fs|child_process)['"]/,
  },
  { rule: 'reads the environment', pattern: /process\.env/ },
  { rule: 'reads the clock', pattern: /Date\.now\(\)|new Date\(\s*\)/ },
  { rule: 'makes random ids', pattern: /Math\.random\(|randomUUID\(|randomBytes\(/ },
];

function impurities(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
  return FORBIDDEN.filter(({ pattern }) => pattern.test(code)).map(({ rule }) => rule);
}

describe('flows purity', () => {
  it('finds every forbidden thing in a sample that has them all', () => {
    const sample = [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import twilio from 'twilio';",
      "import { x } from '../../functions/config.js';",
      "import { get } from 'node:http';",
      'const a = process.env.X; const b = Date.now(); const c = Math.random();',
    ].join('\n');
    expect(impurities(sample)).toEqual([
      'imports the AWS SDK',
      'imports twilio',
      'imports infra or functions',
      'imports networking or the file system',
      'reads the environment',
      'reads the clock',
      'makes random ids',
    ]);
  });

  it('ignores words in comments', () => {
    expect(impurities('// never call Date.now() here\n/* process.env */ const x = 1;')).toEqual([]);
  });

  it('keeps every module under flows/ free of clients, environment and clock', () => {
    const files = sourceFiles(FLOWS);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .map((file) => ({ file: relative(FLOWS, file), rules: impurities(readFileSync(file, 'utf8')) }))
      .filter(({ rules }) => rules.length > 0);
    expect(offenders).toEqual([]);
  });
});
