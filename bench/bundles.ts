// Bundle bytes and cold import time of each Lambda, built the way the house function construct builds them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { HOUSE_BUNDLE } from '../infra/constructs/bundle-options.js';

export const FUNCTION_ENTRIES = {
  'twilio-webhook': 'functions/handlers/twilio-webhook.ts',
  dispatcher: 'functions/handlers/dispatcher.ts',
  notifier: 'functions/handlers/notifier.ts',
  'admin-api': 'functions/handlers/admin-api.ts',
} as const;

export interface BundleFigures {
  readonly name: string;
  readonly bytes: number;
  /** Median milliseconds to import the bundle, over a bare `node -e ''` start. */
  readonly coldImportMs: number;
}

/** Enough settings for the handlers' cold start to parse configuration without touching AWS. */
const BENCH_ENV = {
  PUBLIC_BASE_URL: 'https://bench.example.org',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'bench-auth-token',
  CALLER_KEY_PEPPER: 'bench-pepper-0123456789',
  SESSION_KEY: '0'.repeat(64),
  TABLE_NAME: 'bench-table',
  EVENT_BUS_NAME: 'bench-bus',
  LINE_NUMBER: '+15550100000',
  CLINICIAN_NUMBER: '+15550100911',
  AWS_REGION: 'us-east-1',
};

function medianMs(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      env: { ...process.env, ...BENCH_ENV },
      stdio: 'ignore',
    });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function measureBundles(runs = 7): Promise<BundleFigures[]> {
  // Inside the project, so the bundles resolve the AWS SDK the way Lambda's runtime provides it.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'warmline-bench-'));
  try {
    const empty = medianMs(['-e', ''], runs);
    const figures: BundleFigures[] = [];
    for (const [name, entry] of Object.entries(FUNCTION_ENTRIES)) {
      const outfile = join(dir, `${name}.mjs`);
      await build({
        ...HOUSE_BUNDLE,
        mainFields: [...HOUSE_BUNDLE.mainFields],
        external: [...HOUSE_BUNDLE.external],
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: 'node',
        logLevel: 'silent',
      });
      const loaded = medianMs(
        ['-e', `await import(${JSON.stringify(outfile)})`, '--input-type=module'],
        runs,
      );
      figures.push({ name, bytes: statSync(outfile).size, coldImportMs: Math.max(0, loaded - empty) });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
