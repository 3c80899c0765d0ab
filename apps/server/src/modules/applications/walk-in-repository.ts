import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { walkIns } from '../../db/schema/applications.ts';

/** The table of applications made at the counter (issue 16). */
export type WalkInRow = typeof walkIns.$inferSelect;

export async function insertWalkIn(db: Database, row: WalkInRow): Promise<void> {
  await db.insert(walkIns).values(row);
}

export async function findWalkIn(db: Database, applicationId: string): Promise<WalkInRow | undefined> {
  const [row] = await db.select().from(walkIns).where(eq(walkIns.applicationId, applicationId));
  return row;
}
