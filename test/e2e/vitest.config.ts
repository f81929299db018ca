import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the built extension (npm run build first).
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  resolve: { alias: { '@': new URL('../..', import.meta.url).pathname } },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
