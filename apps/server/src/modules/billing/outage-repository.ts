import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.ts';
import { billings, partnerOutages, paymentFreezes } from '../../db/schema/billing.ts';

/** The partner-health tables (issue 15): outages per partner and the freezes they add up to. */
export type OutageRow = typeof partnerOutages.$inferSelect;
export type FreezeRow = typeof paymentFreezes.$inferSelect;
export interface ExtendedBilling {
  readonly applicationId: string;
  readonly code: string;
  readonly amount: number;
  /** The new deadline. */
  readonly expiresAt: Date;
}

/** Every change of partner health runs under this lock, in whichever process: one freeze at a time. */
export async function lockHealth(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('payment-partner-health'))`);
}

export function openOutages(db: Database): Promise<OutageRow[]> {
  return db
    .select()
    .from(partnerOutages)
    .where(isNull(partnerOutages.endedAt))
    .orderBy(asc(partnerOutages.partner));
}

export function recentOutages(db: Database, limit: number): Promise<OutageRow[]> {
  return db.select().from(partnerOutages).orderBy(desc(partnerOutages.startedAt)).limit(limit);
}

/** Declares the partner down unless it already is (then undefined: the open outage stands). */
export async function insertOutage(
  tx: Database,
  row: { partner: string; startedAt: Date; declaredBy: string; reason: string },
): Promise<OutageRow | undefined> {
  const [inserted] = await tx.insert(partnerOutages).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Ends the partner's open outage; `automaticOnly` leaves one an officer declared. */
export async function endOutage(
  tx: Database,
  partner: string,
  end: { at: Date; by: string; automaticOnly?: boolean },
): Promise<OutageRow | undefined> {
  const [ended] = await tx
    .update(partnerOutages)
    .set({ endedAt: end.at, endedBy: end.by })
    .where(
      and(
        eq(partnerOutages.partner, partner),
        isNull(partnerOutages.endedAt),
        end.automaticOnly ? eq(partnerOutages.declaredBy, 'AUTOMATIC') : undefined,
      ),
    )
    .returning();
  return ended;
}

export async function openFreeze(db: Database): Promise<FreezeRow | undefined> {
  const [row] = await db.select().from(paymentFreezes).where(isNull(paymentFreezes.endedAt));
  return row;
}

export async function startFreeze(tx: Database, at: Date): Promise<void> {
  await tx.insert(paymentFreezes).values({ startedAt: at }).onConflictDoNothing();
}

export async function endFreeze(tx: Database, id: string, at: Date, extended: number): Promise<void> {
  await tx.update(paymentFreezes).set({ endedAt: at, extended }).where(eq(paymentFreezes.id, id));
}

/** Pending billings due inside [start, end], each moved by the freeze's length; answers them moved. */
export function extendPendingDueWithin(tx: Database, start: Date, end: Date): Promise<ExtendedBilling[]> {
  const length = `${end.getTime() - start.getTime()} milliseconds`;
  return tx
    .update(billings)
    .set({ expiresAt: sql`${billings.expiresAt} + ${length}::interval` })
    .where(and(eq(billings.status, 'PENDING'), gte(billings.expiresAt, start), lte(billings.expiresAt, end)))
    .returning({
      applicationId: billings.applicationId,
      code: billings.code,
      amount: billings.amount,
      expiresAt: billings.expiresAt,
    });
}

/** True while a freeze is open: no billing expires then. */
export async function frozen(db: Database): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from payment_freezes where ended_at is null limit 1`,
  );
  return rows.length > 0;
}
