import { defineConfig } from 'vitest/config';

// The benchmark's own unit tests (its parsers and the synthetic feed), in Node:
// `npx vitest run --config test/bench/vitest.config.ts`.
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  resolve: { alias: { '@': new URL('../..', import.meta.url).pathname } },
  test: {
    include: ['test/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
