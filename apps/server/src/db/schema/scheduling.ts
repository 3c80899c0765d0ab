import { date, pgTable, text } from 'drizzle-orm/pg-core';

/** National non-working days (module: scheduling): libur nasional and cuti bersama. */
export const holidays = pgTable('holidays', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  status: text('status').notNull(),
  source: text('source').notNull(),
});
