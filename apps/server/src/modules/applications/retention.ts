import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications, rejectionContests } from '../../db/schema/applications.ts';
import { whileRunning } from '../../platform/jobs.ts';
import type { ApplicationsDeps } from './deps.ts';
import * as repository from './repository.ts';

/**
 * Personal data only as long as needed (issue 18; UU 27/2022 Pasal 43–44: data no longer needed for
 * its purpose is deleted): the scans and the biometric photo of an application closed for
 * `retentionDays` (default 90) are deleted, blobs included; the application's record stays, marked.
 * A rejection whose objection is still pending is kept until it is decided.
 */
export const CLOSED_STATUSES = ['COLLECTED', 'REJECTED', 'EXPIRED', 'CANCELLED', 'NO_SHOW'] as const;
const DAY_MS = 86_400_000;

export async function purgeClosedFiles(
  deps: ApplicationsDeps,
  signal?: AbortSignal,
  limit = 50,
): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - deps.retentionDays * DAY_MS);
  const candidates = await deps.db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        isNull(applications.filesPurgedAt),
        inArray(applications.status, [...CLOSED_STATUSES]),
        lt(applications.updatedAt, before),
        sql`not exists (select 1 from ${rejectionContests} c
                        where c.application_id = ${applications.id} and c.decision is null)`,
      ),
    )
    .orderBy(applications.updatedAt)
    .limit(limit);
  let purged = 0;
  for (const { id } of whileRunning(candidates, signal)) {
    const keys = await deps.db.transaction(async (tx) => forget(deps, tx, id, before, now));
    if (keys === null) continue;
    // After the commit: a blob deleted first and a rollback after would leave a record without its file.
    for (const key of keys) await deps.documents.deleteBlob(key).catch(() => undefined);
    purged++;
  }
  return purged;
}

async function forget(deps: ApplicationsDeps, tx: Database, id: string, before: Date, now: Date) {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  const closed = row && (CLOSED_STATUSES as readonly string[]).includes(row.status);
  if (!row || !closed || row.filesPurgedAt || row.updatedAt >= before) return null;
  const keys = await deps.documents.forgetScans(tx, id);
  await tx.update(applications).set({ filesPurgedAt: now }).where(eq(applications.id, id));
  await repository.insertHistory(
    tx,
    id,
    row.status as (typeof CLOSED_STATUSES)[number],
    now,
    'SYSTEM',
    `Berkas pindaian dan foto dihapus setelah ${deps.retentionDays} hari (masa simpan)`,
  );
  return keys;
}
