/**
 * Restores a backup of the embedded database (`npm run backup`) into an empty data directory:
 *   npm run restore -- <file.tar.gz> [DATA_DIR]      (DATA_DIR defaults to $DATA_DIR, then ./data)
 * Refused while a server runs on the directory (its lock) and when the directory holds a database or
 * anything else but blobs/. Then reports what it restored (database-report.ts) and exits 0 only
 * when the invariants hold and the migrations are this code's or older.
 * docs/runbooks/backup-restore.md
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataDirectoryInUseError } from '../apps/server/src/db/data-dir-lock.ts';
import { restorePglite, RestoreRefusedError } from '../apps/server/src/db/pglite-backup.ts';
import { reportDatabase } from './database-report.ts';

const [fileArgument, dirArgument] = process.argv.slice(2);
if (!fileArgument) fail('usage: npm run restore -- <file.tar.gz> [DATA_DIR]', 2);
// npm runs scripts from the package root; paths are meant from where the command was typed.
const from = process.env.INIT_CWD ?? process.cwd();
const file = resolve(from, fileArgument);
const dataDir = resolve(from, dirArgument ?? process.env.DATA_DIR ?? './data');

const tarball = new Blob([
  await readFile(file).catch((error: Error) => fail(`Cannot read ${file}: ${error.message}`)),
]);
const started = performance.now();
const handle = await restorePglite(dataDir, tarball).catch((error: unknown) => {
  if (error instanceof DataDirectoryInUseError || error instanceof RestoreRefusedError) fail(error.message);
  throw error;
});
let sound: boolean;
try {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`restored ${file} into ${dataDir} in ${seconds} s`);
  sound = await reportDatabase(handle.db, join(dataDir, 'blobs'));
} finally {
  await handle.close();
}
console.log(
  `Next: put the scans back (${dataDir}/blobs, or the S3 bucket) as the runbook says, then start the ` +
    `server with DATA_DIR=${dataDir}.`,
);
process.exitCode = sound ? 0 : 1;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}
