import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { offices } from './offices.ts';

/** Officer accounts (module: officer). HQ staff have no office. */
export const officers = pgTable(
  'officers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    officeCode: text('office_code').references(() => offices.code),
    roles: text('roles').array().notNull(),
    active: boolean('active').notNull().default(true),
    /** Base32 TOTP secret (RFC 6238); required to log in when set, and in production. */
    totpSecret: text('totp_secret'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('officers_roles_not_empty', sql`cardinality(${t.roles}) > 0`)],
);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Officer sessions, separate from applicants': only the token's SHA-256 is stored. */
export const officerSessions = pgTable(
  'officer_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    idleExpiresAt: instant('idle_expires_at').notNull(),
    absoluteExpiresAt: instant('absolute_expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('officer_sessions_officer_idx').on(t.officerId)],
);

/**
 * Every officer read of an application or document and every officer action. Append-only: triggers
 * (migration 0004) refuse UPDATE, DELETE and TRUNCATE for every role the application connects as.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    officerId: uuid('officer_id').notNull(),
    officerUsername: text('officer_username').notNull(),
    officeCode: text('office_code'),
    action: text('action').notNull(),
    applicationId: uuid('application_id'),
    requestId: text('request_id').notNull(),
    details: jsonb('details').notNull(),
  },
  (t) => [
    index('audit_log_application_idx').on(t.applicationId),
    index('audit_log_officer_idx').on(t.officerUsername, t.at),
  ],
);

/**
 * An office's rules for the visit (issue 17). No row means the defaults: four eyes on — the officer
 * who interviewed does not adjudicate the same application.
 */
export const officeVisitRules = pgTable('office_visit_rules', {
  officeCode: text('office_code')
    .primaryKey()
    .references(() => offices.code),
  fourEyes: boolean('four_eyes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: text('updated_by').notNull(),
});
