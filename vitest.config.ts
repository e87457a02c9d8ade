import { defineConfig } from 'vitest/config';

/**
 * Four suites, one command (`npm test`). Each project names the real component it needs:
 * integration → DynamoDB Local (Java), e2e → the running platform and Debian Chromium.
 */
export default defineConfig({
  test: {
    // Two files at once outside e2e: most of a file's time is spent waiting on DynamoDB Local or a child process,
    // so a second worker fills it even on a two-core machine (Vitest's default there is one).
    maxWorkers: 2,
    // The SDK's notice about Node 22 is for humans running the platform, not for every test worker.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'cdk',
          include: ['test/cdk/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
