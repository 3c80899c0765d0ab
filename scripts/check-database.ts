/**
 * The checks after a restore (docs/runbooks/backup-restore.md), on a database no server needs to run:
 *   DATABASE_URL=postgres://… npm run check:database      PostgreSQL (servers may keep running)
 *   DATA_DIR=/srv/mpaspor/data npm run check:database     the embedded database (its server stopped)
 * Prints rows, migrations, invariant violations and, for a DATA_DIR, scans whose object is missing;
 * exits 1 when a violation is found or the migrations are newer than this code's.
 */
import { join, resolve } from 'node:path';
import type { DatabaseHandle } from '../apps/server/src/db/database.ts';
import { DataDirectoryInUseError } from '../apps/server/src/db/data-dir-lock.ts';
import { openPglite, pgliteDatabaseExists } from '../apps/server/src/db/pglite.ts';
import { openPostgres } from '../apps/server/src/db/postgres.ts';
import { reportDatabase } from './database-report.ts';

const url = process.env.DATABASE_URL;
const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATA_DIR ?? './data');
let handle: DatabaseHandle;
if (url) {
  handle = openPostgres(url, 2);
  console.log(`checking PostgreSQL ${new URL(url).pathname.slice(1)}`);
} else {
  if (!pgliteDatabaseExists(dataDir))
    fail(`${dataDir} holds no embedded database; set DATA_DIR or DATABASE_URL.`);
  handle = await openPglite(dataDir).catch((error: unknown) => {
    if (error instanceof DataDirectoryInUseError) fail(error.message);
    throw error;
  });
  console.log(`checking the embedded database in ${dataDir}`);
}
try {
  const blobDir = url ? (process.env.BLOB_DIR ?? null) : (process.env.BLOB_DIR ?? join(dataDir, 'blobs'));
  process.exitCode = (await reportDatabase(handle.db, blobDir)) ? 0 : 1;
} finally {
  await handle.close();
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
