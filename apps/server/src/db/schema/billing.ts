import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [
    check('billings_status_valid', sql`${t.status} in ('PENDING', 'PAID', 'EXPIRED', 'CANCELLED')`),
    check('billings_code_format', sql`${t.code} ~ '^[0-9]{15}$'`),
    index('billings_due_idx').on(t.status, t.expiresAt),
  ],
);
