import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { rejectionContests } from '../../db/schema/applications.ts';

/** The table of contested rejections (issue 16). */
export type ContestRow = typeof rejectionContests.$inferSelect;

export async function findContest(db: Database, applicationId: string): Promise<ContestRow | undefined> {
  const [row] = await db
    .select()
    .from(rejectionContests)
    .where(eq(rejectionContests.applicationId, applicationId));
  return row;
}

/** False when the application was already contested: once only, whatever races. */
export async function insertContest(
  db: Database,
  row: Pick<ContestRow, 'applicationId' | 'reason' | 'rejectedFrom' | 'rejectedBy' | 'filedAt'>,
): Promise<boolean> {
  const inserted = await db
    .insert(rejectionContests)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: rejectionContests.applicationId });
  return inserted.length === 1;
}

export async function saveContestDecision(
  db: Database,
  applicationId: string,
  decision: Pick<ContestRow, 'decision' | 'decisionReason' | 'decidedBy' | 'decidedAt'>,
): Promise<void> {
  await db.update(rejectionContests).set(decision).where(eq(rejectionContests.applicationId, applicationId));
}
