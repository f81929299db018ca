import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'test/bench/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'happy-dom',
    globals: true,
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
  },
});
