import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sim_mailbox_recipient_idx').on(t.recipient, t.createdAt)],
);
