import { defineConfig } from 'vitest/config';

// Integration tests run twice: on embedded PGlite and on the local PostgreSQL server, each file in a fresh database.
const pgAdminUrl = process.env.PG_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const E2E_ON_POSTGRES = [
  'test/e2e/answers-visible.e2e.test.ts',
  'test/e2e/conformance.e2e.test.ts',
  'test/e2e/film-life.e2e.test.ts',
  'test/e2e/install-context.e2e.test.ts',
  'test/e2e/movie-night.e2e.test.ts',
  'test/e2e/rate-limit-fallback.e2e.test.ts',
  'test/e2e/sharded.e2e.test.ts',
  'test/e2e/where-to-stream.e2e.test.ts',
];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // discord.js and PGlite start-up make the first test of a file slow on 2 cores; real hangs still fail.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'pglite',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['./test/support/pglite-template-setup.ts'],
          provide: { dbKind: 'pglite', pgAdminUrl: '' },
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['./test/support/postgres-global-setup.ts'],
          provide: { dbKind: 'postgres', pgAdminUrl },
        },
      },
      {
        // Faults on purpose: database connections killed, the database gone, TMDB down and back, the gateway dropped,
        // a process killed mid-run. `npm run test:faults`; CI runs them with everything else.
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          provide: { dbKind: 'postgres', pgAdminUrl },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['./test/support/pglite-template-setup.ts'],
          provide: { dbKind: 'pglite', pgAdminUrl: '' },
        },
      },
      {
        // The end-to-end files whose behaviour depends on the database run on PostgreSQL too.
        test: {
          name: 'e2e-postgres',
          include: E2E_ON_POSTGRES,
          globalSetup: ['./test/support/postgres-global-setup.ts'],
          provide: { dbKind: 'postgres', pgAdminUrl },
        },
      },
    ],
  },
});
