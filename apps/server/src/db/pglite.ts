import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { join } from 'node:path';
import { lockDataDirectory } from './data-dir-lock.ts';
import { MIGRATIONS_FOLDER, type Database, type DatabaseHandle } from './database.ts';
import * as schema from './schema/index.ts';

/** The embedded default: PostgreSQL compiled to WASM, in this process, files under DATA_DIR. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const lock = lockDataDirectory(dataDir);
  try {
    const client = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
    return pgliteHandle(client, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** An in-memory database, optionally started from a dump (tests copy one migrated template). */
export async function openMemoryPglite(loadDataDir?: Blob): Promise<DatabaseHandle> {
  const client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  return pgliteHandle(client, () => {});
}

export function pgliteHandle(client: PGlite, onClose: () => void): DatabaseHandle {
  const db = drizzle({ client, schema }) as unknown as Database;
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

/** A tarball of the database files, for copying a prepared database (test templates). */
export async function dumpPglite(handle: DatabaseHandle): Promise<Blob> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}
