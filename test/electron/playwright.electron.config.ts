import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test: the built app launched by Playwright's _electron. Run it with
 * `npm run test:electron` (scripts/test-electron.mjs), which skips where no Electron binary exists.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  timeout: 90_000,
  workers: 1,
  reporter: [['list']],
});
