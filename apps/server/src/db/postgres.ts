import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { orderCheckouts } from './checkout-order.ts';
import { MIGRATIONS_FOLDER, type Database, type DatabaseHandle } from './database.ts';
import * as schema from './schema/index.ts';

/** Arbitrary but fixed: every M-Paspor instance takes this advisory lock to migrate and seed. */
const STARTUP_LOCK_KEY = 7_264_661_120;

export function openPostgres(connectionString: string, poolMax: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: poolMax,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'm-paspor',
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  const checkouts = orderCheckouts(pool, poolMax, 10_000);
  const db = drizzle({ client: pool, schema }) as unknown as Database;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount + checkouts.waiting(),
    }),
    async withStartupLock(work) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        try {
          return await work(drizzle({ client, schema }) as unknown as Database);
        } finally {
          await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    migrate: (target) =>
      migrate(target as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER }),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
