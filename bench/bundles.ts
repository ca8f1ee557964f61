// Bundle bytes and cold import time of each Lambda, built the way the house function construct builds them,
// against a floor: a bundle that imports only the DynamoDB document client, built with the same options.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { HOUSE_BUNDLE } from '../infra/constructs/bundle-options.js';
import { percentile } from './steps.js';

export const FUNCTION_ENTRIES = {
  'twilio-webhook': 'functions/handlers/twilio-webhook.ts',
  dispatcher: 'functions/handlers/dispatcher.ts',
  notifier: 'functions/handlers/notifier.ts',
  'admin-api': 'functions/handlers/admin-api.ts',
} as const;

export interface BundleFigures {
  readonly bytes: number;
  /** Bytes that are not the AWS SDK or the packages only it brings. */
  readonly bytesBeyondSdk: number;
  /** Median milliseconds to import the bundle over a bare `node` start. */
  readonly coldImportMs: number;
  /** That time against the floor bundle's, both measured in the same interleaved runs. */
  readonly coldImportRatio: number;
}

export interface BundlesReport {
  readonly floor: { readonly bytes: number; readonly coldImportMs: number };
  readonly functions: Record<string, BundleFigures>;
}

const FLOOR_SOURCE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;

/** The SDK's own packages and the ones only it depends on. */
const SDK_PACKAGE =
  /^(@aws-sdk|@smithy|@aws-crypto|@aws)\/|^(tslib|mnemonist|obliterator|fast-xml-parser|strnum|bowser|uuid)$/;

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

function timeMs(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, ...BENCH_ENV },
    stdio: 'ignore',
  });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const importArgs = (file: string) => ['--input-type=module', '-e', `await import(${JSON.stringify(file)})`];

async function bundle(entry: string, outfile: string): Promise<{ bytes: number; sdkBytes: number }> {
  const result = await build({
    ...HOUSE_BUNDLE,
    mainFields: [...HOUSE_BUNDLE.mainFields],
    external: [...HOUSE_BUNDLE.external],
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs)[0];
  let sdkBytes = 0;
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
    if (name && SDK_PACKAGE.test(name)) sdkBytes += bytesInOutput;
  }
  return { bytes: statSync(outfile).size, sdkBytes };
}

export async function measureBundles(runs = 9): Promise<BundlesReport> {
  // Inside the project, so the bundles resolve packages the way the stack's bundling does.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'warmline-bench-'));
  try {
    const floorEntry = join(dir, 'floor.ts');
    writeFileSync(floorEntry, FLOOR_SOURCE);
    const floorFile = join(dir, 'floor.mjs');
    const floor = await bundle(floorEntry, floorFile);
    const built = await Promise.all(
      Object.entries(FUNCTION_ENTRIES).map(async ([name, entry]) => {
        const file = join(dir, `${name}.mjs`);
        return { name, file, ...(await bundle(entry, file)) };
      }),
    );
    // Interleaved: each run times an empty start, the floor and every bundle, so a machine that speeds up or
    // slows down during the bench moves them all alike.
    const empty: number[] = [];
    const floorMs: number[] = [];
    const bundleMs = new Map(built.map((b) => [b.name, [] as number[]]));
    for (let run = 0; run < runs; run++) {
      empty.push(timeMs(['-e', '']));
      floorMs.push(timeMs(importArgs(floorFile)));
      for (const b of built) bundleMs.get(b.name)?.push(timeMs(importArgs(b.file)));
    }
    const emptyMs = percentile(empty, 0.5);
    const floorImportMs = Math.max(1, percentile(floorMs, 0.5) - emptyMs);
    return {
      floor: { bytes: floor.bytes, coldImportMs: floorImportMs },
      functions: Object.fromEntries(
        built.map((b) => {
          const coldImportMs = Math.max(0, percentile(bundleMs.get(b.name) ?? [], 0.5) - emptyMs);
          return [
            b.name,
            {
              bytes: b.bytes,
              bytesBeyondSdk: b.bytes - b.sdkBytes,
              coldImportMs,
              coldImportRatio: coldImportMs / floorImportMs,
            },
          ];
        }),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
