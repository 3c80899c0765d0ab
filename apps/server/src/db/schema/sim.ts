import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Simulation-only state (module: sim): the clock offset and generated demo secrets. */
export const simSettings = pgTable('sim_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
