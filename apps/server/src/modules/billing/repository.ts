import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { billings } from '../../db/schema/billing.ts';

export type BillingRow = typeof billings.$inferSelect;

/** Inserts the billing unless its code is taken (then nothing: the caller draws another code). */
export async function insertBilling(
  db: Database,
  billing: { applicationId: string; code: string; amount: number; expiresAt: Date; createdAt: Date },
): Promise<BillingRow | undefined> {
  const [row] = await db
    .insert(billings)
    .values({ ...billing, status: 'PENDING' })
    .onConflictDoNothing({ target: billings.code })
    .returning();
  return row;
}

export async function billingsOf(db: Database, applicationIds: readonly string[]): Promise<BillingRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(billings)
    .where(inArray(billings.applicationId, [...applicationIds]));
}

/**
 * Claims pending billings past their deadline and marks them EXPIRED, skipping rows another worker
 * holds: every instance can run the expiry job, and each billing expires exactly once.
 */
export async function expireDue(
  db: Database,
  now: Date,
  limit: number,
  applicationId?: string,
): Promise<BillingRow[]> {
  const due = await db
    .select({ id: billings.id })
    .from(billings)
    .where(
      and(
        eq(billings.status, 'PENDING'),
        lte(billings.expiresAt, now),
        applicationId ? eq(billings.applicationId, applicationId) : sql`true`,
      ),
    )
    .orderBy(billings.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  return db
    .update(billings)
    .set({ status: 'EXPIRED' })
    .where(
      and(
        inArray(
          billings.id,
          due.map((d) => d.id),
        ),
        eq(billings.status, 'PENDING'),
      ),
    )
    .returning();
}

export async function cancelPending(db: Database, applicationId: string): Promise<void> {
  await db
    .update(billings)
    .set({ status: 'CANCELLED' })
    .where(and(eq(billings.applicationId, applicationId), eq(billings.status, 'PENDING')));
}
