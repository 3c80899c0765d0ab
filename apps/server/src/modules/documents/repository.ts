import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import { documentScans } from '../../db/schema/documents.ts';

/** The only code touching `document_scans`. */
export type ScanRow = typeof documentScans.$inferSelect;

const byScan = (applicationId: string, kind: string) =>
  and(eq(documentScans.applicationId, applicationId), eq(documentScans.kind, kind));

export async function findScan(db: Database, applicationId: string, kind: string): Promise<ScanRow | null> {
  const [row] = await db.select().from(documentScans).where(byScan(applicationId, kind));
  return row ?? null;
}

const scansOf = prepared((db) =>
  db
    .select()
    .from(documentScans)
    .where(eq(documentScans.applicationId, sql.placeholder('applicationId')))
    .orderBy(asc(documentScans.kind))
    .prepare('document_scans_of'),
);

export async function listScans(db: Database, applicationId: string): Promise<ScanRow[]> {
  return scansOf(db).execute({ applicationId });
}

/** The second round covers the race there is (another transaction inserting the same scan); one more is margin. */
const REPLACE_ATTEMPTS = 3;

/**
 * Inserts the scan or replaces the one of the same kind, answering the storage key it replaced.
 * `ON CONFLICT DO UPDATE … RETURNING` would give only the new row, so the old one is read under a row
 * lock first; if it did not exist yet and another transaction inserts it before us, the insert waits
 * for that one, does nothing, and the next round finds and locks the row it committed.
 */
export async function replaceScan(db: Database, row: ScanRow): Promise<string | null> {
  for (let attempt = 0; attempt < REPLACE_ATTEMPTS; attempt++) {
    const [old] = await db
      .select({ storageKey: documentScans.storageKey })
      .from(documentScans)
      .where(byScan(row.applicationId, row.kind))
      .for('update');
    if (old) {
      const { applicationId: _a, kind: _k, ...changes } = row;
      await db.update(documentScans).set(changes).where(byScan(row.applicationId, row.kind));
      return old.storageKey;
    }
    const inserted = await db
      .insert(documentScans)
      .values(row)
      .onConflictDoNothing({ target: [documentScans.applicationId, documentScans.kind] })
      .returning({ storageKey: documentScans.storageKey });
    if (inserted.length > 0) return null;
  }
  throw new Error('The scan row kept changing under concurrent uploads; try again');
}

/** Removes every scan row of the application, answering their storage keys (blobs to delete after). */
export async function deleteScans(db: Database, applicationId: string): Promise<string[]> {
  const rows = await db
    .delete(documentScans)
    .where(eq(documentScans.applicationId, applicationId))
    .returning({ storageKey: documentScans.storageKey });
  return rows.map((r) => r.storageKey);
}
