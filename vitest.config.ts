import { defineConfig } from 'vitest/config';

/**
 * Two projects, both in `npm test`:
 * - `database`: every test that needs no more than a PostgreSQL server (one per run, embedded or
 *   DATABASE_URL). `.ci/run` runs this project a second time against an external server.
 * - `embedded`: tests about the embedded server and the whole process (test/process: they start
 *   `ortaq` as a child with its own DATA_DIR) and browser journeys (test/browser, *.browser.test.*),
 *   which an external DATABASE_URL would not exercise.
 */
const EMBEDDED_ONLY = [
  'test/process/**/*.test.{ts,tsx}',
  'test/browser/**/*.test.{ts,tsx}',
  '**/*.browser.test.{ts,tsx}',
];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/no-outgoing-network.ts'],
    // Two cores: files run two at a time; each has its own database.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'database',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', ...EMBEDDED_ONLY],
        },
      },
      {
        extends: true,
        test: { name: 'embedded', include: EMBEDDED_ONLY },
      },
    ],
  },
});
