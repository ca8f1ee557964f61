// The Lambdas as the house function construct bundles them: the ones that answer Twilio carry no Twilio SDK.
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOUSE_BUNDLE } from '../../infra/constructs/bundle-options.js';

const ENTRIES = {
  'twilio-webhook': 'functions/handlers/twilio-webhook.ts',
  dispatcher: 'functions/handlers/dispatcher.ts',
  notifier: 'functions/handlers/notifier.ts',
} as const;

// Matched anywhere in the path: node_modules is a symlink in worktrees, and esbuild reports the real path.
const TWILIO_SDK = /(^|\/)node_modules\/(twilio|xmlbuilder)\//;

describe('the bundles that render TwiML', () => {
  let inputsOf: Record<string, string[]>;

  beforeAll(async () => {
    // One build for all three, the way the house function construct bundles each of them.
    const { metafile } = await build({
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
    inputsOf = Object.fromEntries(
      Object.values(metafile.outputs)
        .filter((output) => output.entryPoint)
        .map((output) => [output.entryPoint, Object.keys(output.inputs)]),
    );
  });

  it.each(Object.values(ENTRIES))('%s renders TwiML with our writer', (entry) => {
    expect(inputsOf[entry]).toContain('functions/xml-document.ts');
  });

  it.each(Object.values(ENTRIES))('%s takes nothing from twilio or xmlbuilder', (entry) => {
    expect(inputsOf[entry]?.filter((input) => TWILIO_SDK.test(input))).toEqual([]);
  });
});
