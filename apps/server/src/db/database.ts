import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

/**
 * One type for both drivers (PGlite and node-postgres): a union of the two drivers' types would break
 * `.returning()` (docs/PITFALLS.md). Transactions have the same shape, so repositories take `Database`
 * and work equally inside or outside a transaction.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

export interface DatabaseHandle {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Database;
  /** Answers when the database can run a query. */
  ping(): Promise<void>;
  /** Connection pool figures for /metrics; PGlite has one in-process connection. */
  poolStats(): PoolStats;
  /**
   * Runs `work` while holding the cluster-wide migration lock, on one connection, so that instances
   * starting at once migrate and seed one after another.
   */
  withStartupLock<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Migrations for this driver, applied on the given (locked) connection. */
  migrate(db: Database): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = new URL('./migrations', import.meta.url).pathname;

/** Rows of a raw SQL query; both drivers answer `{ rows }`. Prefer the query builder where it reads well. */
export async function queryRows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
