// The webhook, dispatcher and notifier carry zod/mini only: classic zod (with its JSON-schema machinery) is
// ~60 KB of each bundle that none of them uses, and one stray `from 'zod'` on their import graphs brings it back.
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES } from '../../../bench/bundles.js';
import { HOUSE_BUNDLE, lambdaBuildOptions } from '../../../infra/constructs/bundle-options.js';

const ROOT = join(import.meta.dirname, '../../..');
const MINI_LAMBDAS = ['twilio-webhook', 'dispatcher', 'notifier'] as const;
const CLASSIC_ZOD = /node_modules\/zod\/v4\/classic\/|node_modules\/zod\/v4\/core\/to-json-schema/;

/** Every module a Lambda's files hold (its entry and every chunk), built as the house function construct builds it. */
async function lambdaInputs(entry: string): Promise<string[]> {
  const { metafile } = await build({
    ...lambdaBuildOptions(entry, 'zod-in-bundles'),
    absWorkingDir: ROOT,
    write: false,
  });
  return [...new Set(Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs)))];
}

/** The inputs of a bundle of one piece of code, with the house options. */
async function probeInputs(contents: string): Promise<string[]> {
  const { metafile } = await build({
    ...HOUSE_BUNDLE,
    mainFields: [...HOUSE_BUNDLE.mainFields],
    external: [...HOUSE_BUNDLE.external],
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    absWorkingDir: ROOT,
    outdir: 'zod-in-bundles',
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
    metafile: true,
    write: false,
  });
  return Object.values((metafile as Metafile).outputs).flatMap((output) => Object.keys(output.inputs));
}

const classicInputs = (inputs: string[]) => inputs.filter((input) => CLASSIC_ZOD.test(input));

let lambdas: Map<string, string[]>;
let classicProbe: string[];

beforeAll(async () => {
  // The probe shows the check can see classic zod at all.
  const [built, probe] = await Promise.all([
    Promise.all(
      MINI_LAMBDAS.map(async (name) => [name, await lambdaInputs(FUNCTION_ENTRIES[name])] as const),
    ),
    probeInputs("import * as z from 'zod'; z.string().parse('x');"),
  ]);
  lambdas = new Map(built);
  classicProbe = probe;
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
    const inputs = lambdas.get(name);
    expect(inputs).toEqual(
      expect.arrayContaining([
        expect.stringContaining('node_modules/zod/v4/mini/schemas.js'),
        expect.stringContaining('node_modules/zod/v4/locales/en.js'),
      ]),
    );
    expect(classicInputs(inputs ?? [])).toEqual([]);
  });
});
