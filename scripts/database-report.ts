/**
 * What an operator checks after a restore (docs/runbooks/backup-restore.md, "After any restore"),
 * printed by `npm run restore` and `npm run check:database`: rows, migrations against this code's,
 * the invariants of apps/server/src/db/invariants.ts, and scan records whose object is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER, queryRows, type Database } from '../apps/server/src/db/database.ts';
import { invariantViolations } from '../apps/server/src/db/invariants.ts';
import { createFilesystemBlobStore, isBlobNotFound } from '../apps/server/src/modules/documents/index.ts';

/** Prints the report; answers whether the database is sound (no violation, migrations this code knows). */
export async function reportDatabase(db: Database, blobDir: string | null): Promise<boolean> {
  const [{ n: migrations } = { n: 0 }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const [counts] = await queryRows<{ accounts: number; applications: number; scans: number }>(
    db,
    sql`select (select count(*) from accounts)::int as accounts,
          (select count(*) from applications)::int as applications,
          (select count(*) from document_scans)::int as scans`,
  );
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  const known = journal.entries.length;
  console.log(
    `  ${counts?.accounts} accounts, ${counts?.applications} applications, ${counts?.scans} scan records`,
  );
  console.log(`  migrations: ${migrations} recorded, ${known} in this code`);
  if (migrations > known) {
    console.error('  The database comes from a newer M-Paspor: run it with that version, not this one.');
  } else if (migrations < known) {
    console.log('  The server applies the missing migrations when it starts.');
  }
  const violations = await invariantViolations(db);
  console.log(`  invariants: ${violations.length} violations`);
  for (const violation of violations) console.error(`    ${violation}`);
  if (blobDir) console.log(`  scans: ${await blobsMissing(db, blobDir)}`);
  return violations.length === 0 && migrations <= known;
}

/**
 * Scan records whose object is not in a filesystem blob store: each such scan answers 500 when
 * opened until its object is put back. (S3 is not checked here.)
 */
async function blobsMissing(db: Database, blobDir: string): Promise<string> {
  const keys = await queryRows<{ key: string }>(db, sql`select storage_key as key from document_scans`);
  if (!existsSync(blobDir)) return `${keys.length} records; ${blobDir} is not there yet (copy it)`;
  const store = createFilesystemBlobStore(blobDir);
  let missing = 0;
  for (const { key } of keys) {
    const found = await store.get(key).catch((error: unknown) => {
      if (isBlobNotFound(error)) return null;
      throw error;
    });
    if (found) found.destroy();
    else missing++;
  }
  return `${keys.length} records, ${missing} of their objects missing from ${blobDir}`;
}
