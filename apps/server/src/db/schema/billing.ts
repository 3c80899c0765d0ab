import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** PNBP billings (module: billing): a 15-digit billing code with its own deadline, amount frozen. */
export const billings = pgTable(
  'billings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    code: text('code').notNull().unique(),
    amount: integer('amount').notNull(),
    status: text('status').notNull(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull(),
    paidAt: instant('paid_at'),
    ntpn: text('ntpn'),
    ntb: text('ntb'),
    channel: text('channel'),
    /** The payment notification that settled it (inbox row). */
    paymentId: text('payment_id'),
    /** The office's work unit (satker) the revenue is booked to, as on a SIMPONI bill. */
    satker: text('satker').notNull(),
    /** When SIMPONI confirmed a cancelled or expired code void (issue 17); null while still to do. */
    voidedAt: instant('voided_at'),
  },
  (t) => [
    check('billings_status_valid', sql`${t.status} in ('PENDING', 'PAID', 'EXPIRED', 'CANCELLED')`),
    check('billings_code_format', sql`${t.code} ~ '^[0-9]{15}$'`),
    index('billings_due_idx').on(t.status, t.expiresAt),
    // The closed codes still to void at SIMPONI: few at a time, found without scanning the paid ones.
    index('billings_to_void_idx')
      .on(t.createdAt)
      .where(sql`${t.voidedAt} is null and ${t.status} in ('CANCELLED', 'EXPIRED')`),
  ],
);

/**
 * Every payment notification received (webhook, reconciliation, or the applicant's NTPN claim), kept
 * whatever became of it: unique on the payment id, so a repeat changes nothing. Payments that could not
 * be applied (late, amount differs, paid twice) wait here for an officer: refund or reinstate.
 */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    paymentId: text('payment_id').primaryKey(),
    billingCode: text('billing_code').notNull(),
    amount: integer('amount').notNull(),
    channel: text('channel').notNull(),
    paidAt: instant('paid_at').notNull(),
    ntpn: text('ntpn').notNull(),
    ntb: text('ntb').notNull(),
    source: text('source').notNull(),
    outcome: text('outcome').notNull(),
    needsAttention: boolean('needs_attention').notNull(),
    receivedAt: instant('received_at').notNull(),
    resolvedAt: instant('resolved_at'),
    resolution: text('resolution'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    index('payment_notifications_billing_idx').on(t.billingCode),
    index('payment_notifications_attention_idx').on(t.needsAttention, t.receivedAt),
    check(
      'payment_notifications_outcome_valid',
      sql`${t.outcome} in ('APPLIED', 'LATE', 'AMOUNT_MISMATCH', 'ALREADY_PAID', 'BILLING_NOT_FOUND')`,
    ),
  ],
);

/**
 * A payment partner declared down (issue 15): SIMPONI or one channel, by an officer of HQ or
 * automatically after repeated failed calls. At most one open outage per partner.
 */
export const partnerOutages = pgTable(
  'partner_outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partner: text('partner').notNull(),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at'),
    /** `AUTOMATIC`, or the officer's username. */
    declaredBy: text('declared_by').notNull(),
    reason: text('reason').notNull(),
    endedBy: text('ended_by'),
  },
  (t) => [
    uniqueIndex('partner_outages_open')
      .on(t.partner)
      .where(sql`${t.endedAt} is null`),
    index('partner_outages_started_idx').on(t.startedAt),
  ],
);

/**
 * A time when nobody could pay (SIMPONI down, or every channel down): billing deadlines inside it are
 * moved by its length when it ends, and no billing expires while it lasts. At most one open.
 */
export const paymentFreezes = pgTable(
  'payment_freezes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at'),
    /** Billings whose deadline was moved when it ended. */
    extended: integer('extended'),
  },
  (t) => [
    uniqueIndex('payment_freezes_open')
      .on(sql`(true)`)
      .where(sql`${t.endedAt} is null`),
  ],
);
