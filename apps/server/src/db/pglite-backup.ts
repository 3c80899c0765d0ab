import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { createGzip } from 'node:zlib';
import { LOCK_FILE, lockDataDirectory } from './data-dir-lock.ts';
import type { DatabaseHandle } from './database.ts';
import { PGLITE_OPTIONS, pgliteClient, pgliteDirectory, pgliteHandle } from './pglite.ts';

/**
 * Backups of the embedded database (issue 18; docs/runbooks/backup-restore.md). The running server
 * holds DATA_DIR's lock, and PGlite's files change under any other reader, so the copy is made by
 * the process that owns them, through PGlite's own tarball of its data directory.
 */
export interface PgliteSnapshot {
  /** Size of the tarball before compression. */
  readonly tarBytes: number;
  /** How long queries waited while the files were read. */
  readonly pausedMs: number;
  /** The tarball, gzipped as it is read. */
  readonly gzip: Readable;
}

/**
 * A consistent copy of a live database. PGlite serves one connection: its transaction lock is held
 * while the files are read, so the copy falls between two transactions, never inside one, and the
 * queries of that moment wait (~0.15 s for the 40 MB of a fresh database). The checkpoint first
 * makes the data files current, so the copy opens with little WAL to replay; what committed after it
 * is in the WAL the copy carries. Compression runs after the lock is released.
 */
export async function snapshotPglite(handle: DatabaseHandle): Promise<PgliteSnapshot> {
  const client = pgliteClient(handle);
  await client.query('CHECKPOINT');
  const started = performance.now();
  // Not client.query inside: it takes the same transaction lock (PGlite's BasePGlite.query).
  const tarball = await client._runExclusiveTransaction(() => client.dumpDataDir('none'));
  const pausedMs = Math.round(performance.now() - started);
  const tar = Readable.fromWeb(tarball.stream() as ReadableStream<Uint8Array>);
  const gzip = createGzip();
  tar.on('error', (error) => gzip.destroy(error));
  return { tarBytes: tarball.size, pausedMs, gzip: tar.pipe(gzip) };
}

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/**
 * Unpacks a backup (gzipped or plain tarball) into DATA_DIR and opens it. Refused while a server
 * runs on the directory (its lock, named in DataDirectoryInUseError) and when the directory holds
 * anything but `blobs/` (scans may be put back first): a restore never overwrites a database. A
 * tarball without M-Paspor's migrations is refused and removed again. Close the handle to release
 * the lock; PGlite replays the copy's WAL as after a crash, and the close leaves it shut down cleanly.
 */
export async function restorePglite(dataDir: string, tarball: Blob): Promise<DatabaseHandle> {
  const lock = lockDataDirectory(dataDir);
  const target = pgliteDirectory(dataDir);
  let created = false;
  try {
    const present = readdirSync(dataDir).filter((name) => name !== LOCK_FILE && name !== 'blobs');
    if (present.length > 0) {
      throw new RestoreRefusedError(
        `${dataDir} is not empty (${present.join(', ')}): restore into an empty directory, or move this one aside first.`,
      );
    }
    mkdirSync(target);
    created = true;
    const client = await PGlite.create({ ...PGLITE_OPTIONS, dataDir: target, loadDataDir: tarball });
    const handle = pgliteHandle(client, () => lock.release());
    const migrations = await client
      .query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
      .then((result) => result.rows[0]?.n ?? 0)
      .catch(() => 0);
    if (migrations === 0) {
      await client.close();
      throw new RestoreRefusedError('The file is not an M-Paspor backup: it holds no migrations table.');
    }
    return handle;
  } catch (error) {
    if (created && existsSync(target)) rmSync(target, { recursive: true, force: true });
    lock.release();
    throw error;
  }
}
