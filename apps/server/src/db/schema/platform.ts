import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which version of each reference dataset the database holds (seed step). */
export const referenceDataVersions = pgTable('reference_data_versions', {
  dataset: text('dataset').primaryKey(),
  version: text('version').notNull(),
  sha256: text('sha256').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
