import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Applicant accounts (module: accounts). E-mail is stored normalised (trimmed, lower case). */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    phone: text('phone').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    nik: text('nik').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    placeOfBirth: text('place_of_birth').notNull(),
    sex: text('sex').notNull(),
    language: text('language').notNull().default('id'),
    emailVerifiedAt: instant('email_verified_at'),
    passwordChangedAt: instant('password_changed_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    check('accounts_sex_valid', sql`${t.sex} in ('M', 'F')`),
    check('accounts_language_valid', sql`${t.language} in ('id', 'en')`),
    // One verified account per person; unverified ones cannot squat a NIK.
    uniqueIndex('accounts_verified_nik_unique')
      .on(t.nik)
      .where(sql`${t.emailVerifiedAt} is not null`),
  ],
);

/** One-time codes sent by e-mail, stored as HMACs; one live code per account and purpose. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: instant('consumed_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('otp_codes_account_purpose_unique').on(t.accountId, t.purpose),
    check('otp_codes_purpose_valid', sql`${t.purpose} in ('VERIFY_EMAIL', 'RESET_PASSWORD')`),
    check('otp_codes_attempts_valid', sql`${t.attempts} >= 0`),
  ],
);

/** Login sessions: only the SHA-256 of the bearer token is stored. */
export const accountSessions = pgTable(
  'account_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    idleExpiresAt: instant('idle_expires_at').notNull(),
    absoluteExpiresAt: instant('absolute_expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('account_sessions_account_idx').on(t.accountId)],
);
