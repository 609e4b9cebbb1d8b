// Checks that the PostgreSQL server is reachable once per run, and drops every database this run created.
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  const adminUrl = project.config.provide.pgAdminUrl as string;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl.replace(/:[^:@/]+@/, ':***@')} (${(err as Error).message}). ` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or set PG_TEST_ADMIN_URL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
  const prefix = `marquee_test_${process.pid}_`;
  project.provide('pgDatabasePrefix', prefix);
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [
        `${prefix}%`,
      ]);
      for (const { datname } of rows) await c.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await c.end();
    }
  };
}
