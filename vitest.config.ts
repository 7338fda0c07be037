import { defineConfig } from 'vitest/config';

/**
 * Two tiers (docs: test/README.md):
 * - `domain`: pure rule tests (test/domain/**), no database, as parallel as the machine allows;
 * - `integratie`: everything else under test/ (database, import, count, command line, API).
 *   These open real databases: PGlite takes about 200-300 MB and one core per instance, and a
 *   PostgreSQL server runs beside them, so at most two test files run at the same time. The
 *   groups run one after the other, so the fast pure tests never compete with them for memory.
 *
 * `npm test` sets TZ=UTC. The last line of the run is `N passed, N failed` (CI reads it).
 */
const DATABASE_TIMEOUT = 120_000;

export default defineConfig({
  test: {
    // Together the projects below include test/**/*.test.ts. (An `include` here would be added
    // to each project's own, since they extend this config.)
    environment: 'node',
    reporters: ['default', './test/support/summaryReporter.ts'],
    // A hanging database connection should fail the run, not stall CI.
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'domain',
          include: ['test/domain/**/*.test.ts', 'test/architectuur.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integratie',
          include: ['test/**/*.test.ts'],
          exclude: ['test/domain/**', 'test/architectuur.test.ts'],
          globalSetup: ['./test/support/globalSetup.ts'],
          // Each test file opens its own databases; two at a time fits 2 cores and a few GB.
          maxWorkers: 2,
          testTimeout: DATABASE_TIMEOUT,
          hookTimeout: DATABASE_TIMEOUT,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
