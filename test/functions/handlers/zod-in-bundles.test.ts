// The webhook, dispatcher and notifier carry zod/mini only: classic zod (with its JSON-schema machinery) is
// ~60 KB of each bundle that none of them uses, and one stray `from 'zod'` on their import graphs brings it back.
import { join } from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES } from '../../../bench/bundles.js';
import { HOUSE_BUNDLE } from '../../../infra/constructs/bundle-options.js';

const ROOT = join(import.meta.dirname, '../../..');
const MINI_LAMBDAS = ['twilio-webhook', 'dispatcher', 'notifier'] as const;
const CLASSIC_ZOD = /node_modules\/zod\/v4\/classic\/|node_modules\/zod\/v4\/core\/to-json-schema/;

/** The inputs of each bundle, built as the house function construct builds them but kept in memory. */
async function bundleInputs(entries: BuildOptions): Promise<Map<string, string[]>> {
  const { metafile } = await build({
    ...HOUSE_BUNDLE,
    mainFields: [...HOUSE_BUNDLE.mainFields],
    external: [...HOUSE_BUNDLE.external],
    ...entries,
    absWorkingDir: ROOT,
    outdir: 'zod-in-bundles',
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
    metafile: true,
    write: false,
  });
  const outputs = Object.entries((metafile as Metafile).outputs);
  return new Map(outputs.map(([file, output]) => [file, Object.keys(output.inputs)]));
}

const classicInputs = (inputs: string[]) => inputs.filter((input) => CLASSIC_ZOD.test(input));

let lambdas: Map<string, string[]>;
let classicProbe: string[];

beforeAll(async () => {
  // One esbuild run builds the three Lambdas in parallel; the probe shows the check can see classic zod at all.
  const [built, probe] = await Promise.all([
    bundleInputs({
      entryPoints: Object.fromEntries(MINI_LAMBDAS.map((name) => [name, FUNCTION_ENTRIES[name]])),
    }),
    bundleInputs({
      stdin: { contents: "import * as z from 'zod'; z.string().parse('x');", resolveDir: ROOT, loader: 'ts' },
    }),
  ]);
  lambdas = built;
  classicProbe = [...probe.values()].flat();
}, 60_000);

describe('zod in the Lambda bundles', () => {
  it('sees classic zod and its JSON-schema code in a bundle that imports zod', () => {
    expect(classicInputs(classicProbe)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('zod/v4/classic/schemas.js'),
        expect.stringContaining('zod/v4/core/to-json-schema.js'),
      ]),
    );
  });

  it.each(MINI_LAMBDAS)('bundles %s with zod/mini and its English messages, and no classic zod', (name) => {
    const inputs = lambdas.get(`zod-in-bundles/${name}.js`);
    expect(inputs).toEqual(
      expect.arrayContaining([
        expect.stringContaining('node_modules/zod/v4/mini/schemas.js'),
        expect.stringContaining('node_modules/zod/v4/locales/en.js'),
      ]),
    );
    expect(classicInputs(inputs ?? [])).toEqual([]);
  });
});
