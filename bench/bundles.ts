// Bundle bytes and cold import time of each Lambda, built the way the house function construct builds them,
// against a floor: a bundle that imports only the DynamoDB document client, built with the same options.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_ENTRY, lambdaBuildOptions, loadedAtColdStart } from '../infra/constructs/bundle-options.js';
import { percentile } from './steps.js';

export const FUNCTION_ENTRIES = {
  'twilio-webhook': 'functions/handlers/twilio-webhook.ts',
  dispatcher: 'functions/handlers/dispatcher.ts',
  notifier: 'functions/handlers/notifier.ts',
  'admin-api': 'functions/handlers/admin-api.ts',
} as const;

export interface BundleFigures {
  /** What a cold start loads: the entry and the chunks it imports statically. */
  readonly bytes: number;
  /** Of those, the bytes that are not the AWS SDK or the packages only it brings. */
  readonly bytesBeyondSdk: number;
  /** The chunks loaded only when first needed (the crisis detector, the text flows, the SDK's unused credential sources). */
  readonly lazyBytes: number;
  /** Median milliseconds a fresh `node` takes to import the bundle (its own clock around the import). */
  readonly coldImportMs: number;
  /** The median over runs of each run's import time against the floor's in the same run. */
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

/**
 * One cold import in a fresh `node`, timed by that process around the import itself: the time a bundle adds
 * over an empty start, without the start's own jitter (which on a small VM is larger than the floor's import).
 */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...BENCH_ENV },
    encoding: 'utf8',
  });
  const ms = Number(result.stdout);
  if (result.status !== 0 || !Number.isFinite(ms))
    throw new Error(`importing ${file} failed: ${result.stderr}`);
  return ms;
}

interface Built {
  /** The module a cold start imports. */
  readonly file: string;
  readonly bytes: number;
  readonly sdkBytes: number;
  readonly lazyBytes: number;
}

/** Builds as the house function construct does, and splits the output into what a cold start loads and the rest. */
async function bundle(entry: string, outdir: string): Promise<Built> {
  const { metafile } = await build(lambdaBuildOptions(entry, outdir));
  const loaded = loadedAtColdStart(metafile);
  if (loaded.size === 0) throw new Error(`no entry output for ${entry}`);
  let bytes = 0;
  let sdkBytes = 0;
  let lazyBytes = 0;
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith('.mjs')) continue;
    if (!loaded.has(path)) {
      lazyBytes += output.bytes;
      continue;
    }
    bytes += output.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      if (name && SDK_PACKAGE.test(name)) sdkBytes += bytesInOutput;
    }
  }
  return { file: join(outdir, `${LAMBDA_ENTRY}.mjs`), bytes, sdkBytes, lazyBytes };
}

export async function measureBundles(runs = 31): Promise<BundlesReport> {
  // Inside the project, so the bundles resolve packages the way the stack's bundling does.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'warmline-bench-'));
  try {
    const floorEntry = join(dir, 'floor.ts');
    writeFileSync(floorEntry, FLOOR_SOURCE);
    const floor = await bundle(floorEntry, join(dir, 'floor'));
    const built = await Promise.all(
      Object.entries(FUNCTION_ENTRIES).map(async ([name, entry]) => ({
        name,
        ...(await bundle(entry, join(dir, name))),
      })),
    );
    // Interleaved: each run times the floor and every bundle, so a machine that speeds up or slows down during
    // the bench moves them all alike; the ratio is taken within each run for the same reason. Every other run
    // goes in reverse, so no bundle always sits right after the floor or always at the end of a run.
    const floorMs: number[] = [];
    const bundles = built.map((b) => ({ ...b, ms: [] as number[] }));
    const timed = [{ file: floor.file, ms: floorMs }, ...bundles];
    for (let run = 0; run < runs; run++)
      for (const { file, ms } of run % 2 === 0 ? timed : [...timed].reverse()) ms.push(coldImportMs(file));
    const floorImportMs = percentile(floorMs, 0.5);
    return {
      floor: { bytes: floor.bytes, coldImportMs: floorImportMs },
      functions: Object.fromEntries(
        bundles.map((b) => {
          return [
            b.name,
            {
              bytes: b.bytes,
              bytesBeyondSdk: b.bytes - b.sdkBytes,
              lazyBytes: b.lazyBytes,
              coldImportMs: percentile(b.ms, 0.5),
              coldImportRatio: percentile(
                b.ms.map((ms, run) => ms / (floorMs[run] ?? Number.NaN)),
                0.5,
              ),
            },
          ];
        }),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
