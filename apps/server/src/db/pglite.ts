import { PGlite, type PGliteOptions, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDirectory } from './data-dir-lock.ts';
import { MIGRATIONS_FOLDER, type Database, type DatabaseHandle } from './database.ts';
import * as schema from './schema/index.ts';

/**
 * How PGlite is opened, on disk and in memory (tests). PGlite's own start parameters, plus:
 * - shared_buffers: initdb writes PostgreSQL's 128 MB into postgresql.conf, and in PGlite that buffer
 *   pool lives in the WASM memory, which is touched at start and never shrinks: 128 MB of resident
 *   memory for a database of some tens of MB whose files the operating system caches anyway (a miss
 *   is a read from the page cache through Node's fs). 16 MB cut the idle server by ~140 MB with no
 *   measurable loss on the booking storm (bench/web/memory.ts).
 * PGlite's own `initialMemory` and `relaxedDurability` change nothing resident: WASM pages never
 * touched are not resident, and a database on disk is written through, with nothing left to sync.
 */
export const PGLITE_OPTIONS = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
} as const satisfies PGliteOptions;

/** The embedded default: PostgreSQL compiled to WASM, in this process, files under DATA_DIR. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const lock = lockDataDirectory(dataDir);
  try {
    const client = await PGlite.create({ ...PGLITE_OPTIONS, dataDir: pgliteDirectory(dataDir) });
    return pgliteHandle(client, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Whether DATA_DIR already holds a database (else the next open runs initdb). */
export function pgliteDatabaseExists(dataDir: string): boolean {
  return existsSync(join(pgliteDirectory(dataDir), 'PG_VERSION'));
}

/** Where in DATA_DIR the database files are (the lock file and blobs/ sit beside them). */
export const pgliteDirectory = (dataDir: string) => join(dataDir, 'pglite');

/** An in-memory database, optionally started from a dump (tests copy one migrated template). */
export async function openMemoryPglite(loadDataDir?: Blob): Promise<DatabaseHandle> {
  const client = await PGlite.create({ ...PGLITE_OPTIONS, ...(loadDataDir ? { loadDataDir } : {}) });
  return pgliteHandle(client, () => {});
}

/** The instance behind each handle's `db`: drizzle's `$client` is the facade of withSharedParsers. */
const clients = new WeakMap<Database, PGlite>();

export function pgliteHandle(client: PGlite, onClose: () => void): DatabaseHandle {
  const db = drizzle({ client: withSharedParsers(client), schema }) as unknown as Database;
  clients.set(db, client);
  let closed = false;
  return {
    kind: 'pglite',
    db,
    async ping() {
      await client.query('select 1');
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    // One process owns the directory (lock file), so the cluster-wide lock is already held.
    withStartupLock: (work) => work(db),
    migrate: (target) =>
      migrate(target as Parameters<typeof migrate>[0], { migrationsFolder: MIGRATIONS_FOLDER }),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        onClose();
      }
    },
  };
}

/**
 * The client drizzle is given. Drizzle passes the same nine type parsers (dates, timestamps and
 * intervals left as text) with every query, and PGlite answers per-query parsers by copying its whole
 * table of ~320 parsers into a new object for that query: on a small query the copy cost more than
 * the query (0.24 against 0.10 ms) and left kilobytes of garbage each time. So the parsers a query
 * brings are written into the instance's table (the same ones every time, so the table is what
 * drizzle's merge would make) and the query runs without them. Drizzle calls only `query` and
 * `transaction` on its client (drizzle-orm/pglite/session.js).
 */
export function withSharedParsers(client: PGlite): PGlite {
  const adopt = (options: QueryOptions | undefined): QueryOptions | undefined => {
    if (!options?.parsers) return options;
    const { parsers, ...rest } = options;
    Object.assign(client.parsers, parsers);
    return rest;
  };
  const inTransaction = (tx: Transaction): Transaction =>
    Object.create(tx, {
      query: {
        value: (query: string, params?: unknown[], options?: QueryOptions) =>
          tx.query(query, params, adopt(options)),
      },
    }) as Transaction;
  const facade = {
    query: (query: string, params?: unknown[], options?: QueryOptions) =>
      client.query(query, params, adopt(options)),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      client.transaction((tx) => callback(inTransaction(tx))),
  };
  return facade as unknown as PGlite;
}

/** A tarball of the database files, for copying a prepared database (test templates). */
export async function dumpPglite(handle: DatabaseHandle): Promise<Blob> {
  return pgliteClient(handle).dumpDataDir('none');
}

/** The PGlite instance behind a handle (backups, pglite-backup.ts). */
export function pgliteClient(handle: DatabaseHandle): PGlite {
  const client = clients.get(handle.db);
  if (!client) throw new Error('not a PGlite database handle');
  return client;
}
