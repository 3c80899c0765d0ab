import { defineConfig } from 'vitest/config';

/**
 * Three kinds of tests:
 * - unit: pure functions beside the code;
 * - integration: the real app in-process (app.inject) on a fresh migrated database per test file —
 *   PGlite by default, PostgreSQL when DATABASE_URL is set (CI runs both);
 * - system: real server processes (start-up, shutdown, locks, several instances on PostgreSQL).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/shared/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/test/integration/**/*.test.ts'],
          globalSetup: ['apps/server/test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'system',
          include: ['apps/server/test/system/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Each file starts several servers of its own; running them one at a time keeps timings sane.
          fileParallelism: false,
        },
      },
    ],
  },
});
