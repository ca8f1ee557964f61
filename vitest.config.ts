import { defineConfig } from 'vitest/config';

// CI reads counts from a JSON report rather than vitest's own summary; set WARMLINE_TEST_REPORT to get one.
const report = process.env.WARMLINE_TEST_REPORT;

// Two-core machines: a small fork pool keeps the suite quick without starving
// the embedded store and the simulator that e2e tests start in-process.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The SDK warns on every worker that Node 20 support ends in 2027; the Lambdas run Node 24, and the
    // warning buried real output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
