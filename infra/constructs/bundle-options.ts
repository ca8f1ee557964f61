// How every Lambda is bundled; the house function construct, the bench and the bundle tests all read this.
import type { BuildOptions, Metafile } from 'esbuild';

// No createRequire banner: the only CommonJS left (mnemonist, under the DynamoDB client) requires nothing but
// files bundled with it, so no bundle calls require() at run time; test/infra/lambda-bundles.test.ts fails if
// one starts to.
export const HOUSE_BUNDLE = {
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  // The AWS SDK is bundled rather than taken from the runtime: a tree-shaken single file imports in about
  // half the time (npm run bench: ~65 ms against ~130 ms over an empty start for the webhook), and the
  // deployed SDK is the version the tests ran against.
  external: [],
} as const;

/** The module Lambda loads, `index.mjs`: its handler is `index.handler`. */
export const LAMBDA_ENTRY = 'index';

/**
 * One Lambda's build into `outdir`: `index.mjs`, plus a chunk for each module the code imports only when it
 * needs it (the crisis detector), which Node reads on first use instead of at cold start.
 */
export function lambdaBuildOptions(entry: string, outdir: string) {
  return {
    ...HOUSE_BUNDLE,
    mainFields: [...HOUSE_BUNDLE.mainFields],
    external: [...HOUSE_BUNDLE.external],
    entryPoints: { [LAMBDA_ENTRY]: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
    metafile: true,
  } satisfies BuildOptions;
}

/** The output files a cold start reads: the entry (`index.mjs`) and every chunk it imports statically. */
export function loadedAtColdStart(metafile: Metafile): Set<string> {
  const outputs = metafile.outputs;
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const imported of outputs[path]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  // Every chunk loaded by import() is an entry point too: the function's own is the one named for Lambda.
  for (const path of Object.keys(outputs)) if (path.endsWith(`/${LAMBDA_ENTRY}.mjs`)) visit(path);
  return loaded;
}
