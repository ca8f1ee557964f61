// How every Lambda is bundled; the house function construct and the benchmark both read this.

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
