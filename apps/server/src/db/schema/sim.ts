import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Simulation-only state (module: sim): the clock offset and generated demo secrets. */
export const simSettings = pgTable('sim_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** The dev mailbox: every e-mail and SMS "sent" in simulation, for /sim/outbox. */
export const simMailbox = pgTable(
  'sim_mailbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    messageId: text('message_id').notNull(),
    /** The e-mail's files as sent: [{ filename, contentType, content }]. */
    attachments: jsonb('attachments'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sim_mailbox_recipient_idx').on(t.recipient, t.createdAt)],
);

/** The simulated SIMPONI's own ledger of billings (what the real PNBP system holds on its side). */
export const simSimponiBillings = pgTable('sim_simponi_billings', {
  billingCode: text('billing_code').primaryKey(),
  reference: text('reference').notNull(),
  amount: integer('amount').notNull(),
  payerName: text('payer_name').notNull(),
  satker: text('satker').notNull(),
  description: text('description').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  paymentId: text('payment_id'),
  paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date' }),
  channel: text('channel'),
  ntpn: text('ntpn').unique(),
  ntb: text('ntb'),
  /** Voided by the biller (issue 17: a cancelled or expired application): no channel takes it. */
  voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
});
