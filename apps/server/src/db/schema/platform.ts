import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Which version of each reference dataset the database holds (seed step). */
export const referenceDataVersions = pgTable('reference_data_versions', {
  dataset: text('dataset').primaryKey(),
  version: text('version').notNull(),
  sha256: text('sha256').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Secrets generated on first start when not configured (never in production, which requires them). */
export const installationSecrets = pgTable('installation_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Fixed-window counters of the rate limiter, shared by every instance. */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);
