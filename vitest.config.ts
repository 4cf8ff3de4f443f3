import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/ when it is stale (the CLI tests run it) and checks for Chromium.
    globalSetup: ['test/global-setup.ts'],
    // Lets each worker's event loop turn between tests (see the file).
    setupFiles: ['test/setup-each.ts'],
    // Limits are hang guards, not speed checks: generous enough for a loaded
    // two-core machine (the CLI tests spawn node several times per test).
    // Suites that need more set their own.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
