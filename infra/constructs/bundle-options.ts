// How every Lambda is bundled; the house function construct and the benchmark both read this.

/** CommonJS dependencies (twilio and friends) call require(); an ESM bundle needs one made for it. */
export const REQUIRE_BANNER =
  "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);";

export const HOUSE_BUNDLE = {
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  banner: { js: REQUIRE_BANNER },
  // The AWS SDK is bundled rather than taken from the runtime: a tree-shaken single file imports in about
  // half the time (npm run bench: ~65 ms against ~130 ms over an empty start for the webhook), and the
  // deployed SDK is the version the tests ran against.
  external: [],
} as const;
