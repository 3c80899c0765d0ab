import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows, type DatabaseHandle } from '../../src/db/database.ts';
import { openMemoryPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../support/postgres.ts';
import { spawnServer, waitUntilReady } from '../support/server-process.ts';

/**
 * PostgreSQL and PGlite run the same migrations to the same schema; instances starting together
 * take turns through the advisory lock; a failed migration stops start-up (issue 3, item 3).
 */
const serverUrl = process.env.POSTGRES_TEST_URL ?? DEFAULT_POSTGRES_URL;
const created: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = uniqueDatabaseName('mpaspor_sys');
  created.push(name);
  return createDatabase(serverUrl, name);
}
afterAll(async () => {
  for (const name of created) await dropDatabase(serverUrl, name);
});

const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
  entries: unknown[];
};

async function schemaOf(handle: DatabaseHandle) {
  const rows = (query: SQL) => queryRows(handle.db, query);
  return {
    columns: await rows(sql`
      select table_name, column_name, data_type, udt_name, is_nullable, column_default
      from information_schema.columns where table_schema = 'public' order by table_name, column_name`),
    constraints: await rows(sql`
      select conrelid::regclass::text as table_name, conname, contype, pg_get_constraintdef(oid) as definition
      from pg_constraint
      -- newer servers (PGlite) also list NOT NULL as constraints; is_nullable above already compares them
      where connamespace = 'public'::regnamespace and contype <> 'n'
      order by conrelid::regclass::text, conname`),
    indexes: await rows(sql`
      select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`),
    migrations: await rows(sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`),
  };
}

describe('migrations', () => {
  it('give PGlite and PostgreSQL the same schema and the same migration records', async () => {
    const lite = await openMemoryPglite();
    const postgres = openPostgres(await freshDatabase(), 2);
    try {
      for (const handle of [lite, postgres]) await handle.withStartupLock((db) => handle.migrate(db));
      const [a, b] = [await schemaOf(lite), await schemaOf(postgres)];
      expect(a.columns.length).toBeGreaterThan(30);
      expect(b).toEqual(a);
      expect(a.migrations).toHaveLength(journal.entries.length);
    } finally {
      await lite.close();
      await postgres.close();
    }
  });
});

describe('when two instances start at once on one PostgreSQL', () => {
  it('then both come up, migrations ran once and demo data was seeded once', async () => {
    const url = await freshDatabase();
    const env = { DATABASE_URL: url, SIMULATION: 'on' };
    const [first, second] = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
    try {
      await Promise.all([waitUntilReady(first), waitUntilReady(second)]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const migrations = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
        expect(migrations.rows[0].n).toBe(journal.entries.length);
        const officers = await client.query('select count(*)::int as n from officers');
        // A supervisor per office (151), the HQ admin, and one officer per single role at the pilot.
        expect(officers.rows[0].n).toBe(151 + 1 + 6);
        const offices = await client.query('select count(*)::int as n from offices');
        expect(offices.rows[0].n).toBe(151);
      } finally {
        await client.end();
      }
      const [a, b] = await Promise.all(
        [first, second].map(async (s) => (await fetch(`${s.url}/sim/officers`)).json()),
      );
      expect(a).toEqual(b);
    } finally {
      expect(await first.stop()).toBe(0);
      expect(await second.stop()).toBe(0);
    }
  });
});

describe('when a migration fails', () => {
  it('then the server exits non-zero, says so, and leaves no migration half-applied', async () => {
    const url = await freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // A table of the same name with another shape makes the first migration fail.
      await client.query('create table officers (legacy_id integer)');
      const server = await spawnServer({ env: { DATABASE_URL: url, SIMULATION: 'on' } });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('database migration or seeding failed');
      const tables = await client.query(
        "select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'offices'",
      );
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
