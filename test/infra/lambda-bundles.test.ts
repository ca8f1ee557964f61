// The Lambdas as the house function construct bundles them: no Twilio SDK where TwiML is written, and no
// call to a require() that an ESM bundle does not have.
import { basename } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HOUSE_BUNDLE,
  lambdaBuildOptions,
  loadedAtColdStart,
} from '../../infra/constructs/bundle-options.js';

const TWIML_ENTRIES = {
  'twilio-webhook': 'functions/handlers/twilio-webhook.ts',
  dispatcher: 'functions/handlers/dispatcher.ts',
  notifier: 'functions/handlers/notifier.ts',
} as const;
const ENTRIES = { ...TWIML_ENTRIES, 'admin-api': 'functions/handlers/admin-api.ts' } as const;

// Matched anywhere in the path: node_modules is a symlink in worktrees, and esbuild reports the real path.
const TWILIO_SDK = /(^|\/)node_modules\/(twilio|xmlbuilder)\//;
// esbuild's stand-in for require() in an ESM bundle, written only when some require() call is left unresolved.
const REQUIRE_SHIM = 'Dynamic require of "';

interface Bundle {
  readonly inputs: readonly string[];
  /** Modules some bundled file require()s that the bundle leaves to be loaded at run time. */
  readonly requiredAtRunTime: readonly string[];
  readonly code: string;
}

describe('the Lambda bundles', () => {
  let bundles: Record<string, Bundle>;

  beforeAll(async () => {
    // One build for all of them, with the options the house function construct gives each.
    const { metafile, outputFiles } = await build({
      ...HOUSE_BUNDLE,
      mainFields: [...HOUSE_BUNDLE.mainFields],
      external: [...HOUSE_BUNDLE.external],
      entryPoints: ENTRIES,
      outdir: 'bundle-test-out',
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const codeOf = new Map(outputFiles.map((file) => [basename(file.path), file.text]));
    bundles = Object.fromEntries(
      Object.entries(metafile.outputs)
        .filter(([, output]) => output.entryPoint)
        .map(([path, output]) => {
          const inputs = Object.keys(output.inputs);
          const requiredAtRunTime = inputs.flatMap((input) =>
            (metafile.inputs[input]?.imports ?? [])
              .filter((imported) => imported.kind === 'require-call' && imported.external)
              .map((imported) => `${imported.path} (from ${input})`),
          );
          return [output.entryPoint, { inputs, requiredAtRunTime, code: codeOf.get(basename(path)) ?? '' }];
        }),
    );
  });

  it.each(Object.values(TWIML_ENTRIES))('%s renders TwiML with our writer', (entry) => {
    expect(bundles[entry]?.inputs).toContain('functions/xml-document.ts');
  });

  it.each(Object.values(TWIML_ENTRIES))('%s takes nothing from twilio or xmlbuilder', (entry) => {
    expect(bundles[entry]?.inputs.filter((input) => TWILIO_SDK.test(input))).toEqual([]);
  });

  it.each(Object.values(ENTRIES))(
    '%s never calls require(), so it needs no createRequire banner',
    (entry) => {
      expect(bundles[entry]?.requiredAtRunTime).toEqual([]);
      expect(bundles[entry]?.code.includes(REQUIRE_SHIM), 'esbuild wrote its require() stand-in').toBe(false);
    },
  );

  // A zod schema costs tens of microseconds to build at cold start: the settings and roster validators belong to the
  // admin API, and the webhook, which only reads settings, must not build them on a caller's ear.
  it('the webhook carries none of the settings, roster or survey schemas', () => {
    const inputs = bundles[TWIML_ENTRIES['twilio-webhook']]?.inputs ?? [];
    expect(inputs).toContain('flows/standard-settings.ts');
    expect(
      inputs.filter((input) =>
        [
          'flows/line-settings.ts',
          'flows/roster/roster-schema.ts',
          'flows/survey/survey-settings.ts',
        ].includes(input),
      ),
    ).toEqual([]);
  });

  it('the webhook loads the crisis detector on first use, from a chunk its cold start does not read', async () => {
    const { metafile } = await build({
      ...lambdaBuildOptions(TWIML_ENTRIES['twilio-webhook'], 'split-test-out'),
      write: false,
    });
    const outputs = metafile.outputs;
    const loadedAtStart = loadedAtColdStart(metafile);
    const holding = (input: string) =>
      Object.keys(outputs).filter((path) => input in (outputs[path]?.inputs ?? {}));
    expect(loadedAtStart.size).toBeGreaterThan(0);
    for (const input of ['flows/crisis/rules-en.ts', 'flows/crisis/model-weights.ts']) {
      expect(holding(input)).toHaveLength(1);
      expect(loadedAtStart.has(holding(input)[0] ?? '')).toBe(false);
    }
    expect(
      [...loadedAtStart].some((path) => 'flows/voice/caller-call.ts' in (outputs[path]?.inputs ?? {})),
    ).toBe(true);
  });
});
