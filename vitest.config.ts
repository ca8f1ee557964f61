import { defineConfig } from 'vitest/config';

// Two-core machines: a small fork pool keeps the suite quick without starving
// the embedded store and the simulator that e2e tests start in-process.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
