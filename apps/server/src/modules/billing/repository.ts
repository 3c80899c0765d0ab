import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import { billings, paymentNotifications } from '../../db/schema/billing.ts';
import type { SimponiPayment } from './simponi.port.ts';

export type BillingRow = typeof billings.$inferSelect;
export type PaymentNotificationRow = typeof paymentNotifications.$inferSelect;
export type PaymentOutcome = 'APPLIED' | 'LATE' | 'AMOUNT_MISMATCH' | 'ALREADY_PAID' | 'BILLING_NOT_FOUND';

export async function insertBilling(
  db: Database,
  billing: {
    applicationId: string;
    code: string;
    amount: number;
    expiresAt: Date;
    createdAt: Date;
    satker: string;
  },
): Promise<BillingRow> {
  const [row] = await db
    .insert(billings)
    .values({ ...billing, status: 'PENDING' })
    .returning();
  if (!row) throw new Error('billing insert returned nothing');
  return row;
}

/** Billings of several applications at once (a batch of submits), one statement. */
export async function insertBillings(
  db: Database,
  rows: readonly {
    applicationId: string;
    code: string;
    amount: number;
    expiresAt: Date;
    createdAt: Date;
    satker: string;
  }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(billings).values(rows.map((row) => ({ ...row, status: 'PENDING' })));
}

const billingOfOne = prepared((db) =>
  db
    .select()
    .from(billings)
    .where(eq(billings.applicationId, sql.placeholder('applicationId')))
    .prepare('billing_of_application'),
);

/** One application's billing is what every status refresh reads: that case is prepared. */
export async function billingsOf(db: Database, applicationIds: readonly string[]): Promise<BillingRow[]> {
  if (applicationIds.length === 0) return [];
  if (applicationIds.length === 1) return billingOfOne(db).execute({ applicationId: applicationIds[0] });
  return db
    .select()
    .from(billings)
    .where(inArray(billings.applicationId, [...applicationIds]));
}

export async function lockByCode(db: Database, code: string): Promise<BillingRow | undefined> {
  const [row] = await db.select().from(billings).where(eq(billings.code, code)).for('update');
  return row;
}

export async function markPaid(db: Database, id: string, payment: SimponiPayment): Promise<void> {
  await db
    .update(billings)
    .set({
      status: 'PAID',
      paidAt: payment.paidAt,
      ntpn: payment.ntpn,
      ntb: payment.ntb,
      channel: payment.channel,
      paymentId: payment.paymentId,
    })
    .where(and(eq(billings.id, id), eq(billings.status, 'PENDING')));
}

/** Pending billings whose deadline is past, or within `withinMs` (the reconciliation window). */
export async function pendingDueBy(db: Database, by: Date, limit: number): Promise<BillingRow[]> {
  return db
    .select()
    .from(billings)
    .where(and(eq(billings.status, 'PENDING'), lte(billings.expiresAt, by)))
    .orderBy(asc(billings.expiresAt))
    .limit(limit);
}

/** Expires the billing if it is still pending, past due and no payment freeze is open: true for exactly one caller. */
export async function expireIfPending(db: Database, applicationId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(billings)
    .set({ status: 'EXPIRED' })
    .where(
      and(
        eq(billings.applicationId, applicationId),
        eq(billings.status, 'PENDING'),
        lte(billings.expiresAt, now),
        // Nothing expires while nobody can pay (outage-repository.ts): the freeze's end moves it.
        sql`not exists (select 1 from payment_freezes where ended_at is null)`,
      ),
    )
    .returning({ id: billings.id });
  return rows.length === 1;
}

export async function cancelPending(db: Database, applicationId: string): Promise<void> {
  await db
    .update(billings)
    .set({ status: 'CANCELLED' })
    .where(and(eq(billings.applicationId, applicationId), eq(billings.status, 'PENDING')));
}

/** Cancelled or expired codes SIMPONI has not confirmed void yet, oldest first. */
export async function closedUnvoided(db: Database, limit: number): Promise<{ id: string; code: string }[]> {
  return db
    .select({ id: billings.id, code: billings.code })
    .from(billings)
    .where(and(isNull(billings.voidedAt), inArray(billings.status, ['CANCELLED', 'EXPIRED'])))
    .orderBy(billings.createdAt)
    .limit(limit);
}

export async function markVoided(db: Database, id: string, at: Date): Promise<void> {
  await db.update(billings).set({ voidedAt: at }).where(eq(billings.id, id));
}

/** Stores a notification unless its payment id is known: false for a repeat. */
export async function insertNotification(
  db: Database,
  row: Omit<PaymentNotificationRow, 'resolvedAt' | 'resolution'>,
): Promise<boolean> {
  const inserted = await db
    .insert(paymentNotifications)
    .values(row)
    .onConflictDoNothing({ target: paymentNotifications.paymentId })
    .returning({ paymentId: paymentNotifications.paymentId });
  return inserted.length === 1;
}

export async function setOutcome(db: Database, paymentId: string, outcome: PaymentOutcome): Promise<void> {
  await db
    .update(paymentNotifications)
    .set({ outcome, needsAttention: outcome !== 'APPLIED' })
    .where(eq(paymentNotifications.paymentId, paymentId));
}

export async function paymentsNeedingAttention(
  db: Database,
  limit: number,
): Promise<(PaymentNotificationRow & { applicationId: string | null })[]> {
  const rows = await db
    .select({ payment: paymentNotifications, applicationId: billings.applicationId })
    .from(paymentNotifications)
    .leftJoin(billings, eq(billings.code, paymentNotifications.billingCode))
    .where(
      and(eq(paymentNotifications.needsAttention, true), sql`${paymentNotifications.resolvedAt} is null`),
    )
    .orderBy(desc(paymentNotifications.receivedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.payment, applicationId: r.applicationId }));
}

/** Closes a payment that needed attention, once: false when it is unknown or already resolved. */
export async function resolvePayment(
  db: Database,
  paymentId: string,
  resolution: string,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .update(paymentNotifications)
    .set({ resolvedAt: at, resolution })
    .where(
      and(
        eq(paymentNotifications.paymentId, paymentId),
        eq(paymentNotifications.needsAttention, true),
        sql`${paymentNotifications.resolvedAt} is null`,
      ),
    )
    .returning({ paymentId: paymentNotifications.paymentId });
  return updated.length > 0;
}

export async function findPayment(db: Database, paymentId: string) {
  const [row] = await db
    .select({ payment: paymentNotifications, applicationId: billings.applicationId })
    .from(paymentNotifications)
    .leftJoin(billings, eq(billings.code, paymentNotifications.billingCode))
    .where(eq(paymentNotifications.paymentId, paymentId));
  return row ? { ...row.payment, applicationId: row.applicationId } : undefined;
}
