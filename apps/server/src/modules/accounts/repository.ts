import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Language } from '#shared/i18n.ts';
import type { Sex } from '#shared/nik.ts';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import { touchSessionsIn, type SessionTouch } from '../../db/session-touches.ts';
import { accounts, accountSessions, otpCodes } from '../../db/schema/accounts.ts';
import { OTP_MAX_ATTEMPTS, type OtpPurpose, type StoredOtp } from './otp.ts';

export interface AccountRow {
  readonly id: string;
  readonly email: string;
  readonly phone: string;
  readonly passwordHash: string;
  readonly fullName: string;
  readonly nik: string;
  readonly dateOfBirth: string;
  readonly placeOfBirth: string;
  readonly sex: Sex;
  readonly language: Language;
  readonly emailVerifiedAt: Date | null;
}

const accountColumns = {
  id: accounts.id,
  email: accounts.email,
  phone: accounts.phone,
  passwordHash: accounts.passwordHash,
  fullName: accounts.fullName,
  nik: accounts.nik,
  dateOfBirth: accounts.dateOfBirth,
  placeOfBirth: accounts.placeOfBirth,
  sex: accounts.sex,
  language: accounts.language,
  emailVerifiedAt: accounts.emailVerifiedAt,
};

export async function findAccountByEmail(db: Database, email: string): Promise<AccountRow | undefined> {
  const [row] = await db.select(accountColumns).from(accounts).where(eq(accounts.email, email));
  return row as AccountRow | undefined;
}

const accountById = prepared((db) =>
  db
    .select(accountColumns)
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder('id')))
    .prepare('account_by_id'),
);

export async function findAccountById(db: Database, id: string): Promise<AccountRow | undefined> {
  const [row] = await accountById(db).execute({ id });
  return row as AccountRow | undefined;
}

export async function isNikVerifiedElsewhere(db: Database, nik: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.nik, nik), isNotNull(accounts.emailVerifiedAt)));
  return row !== undefined;
}

/** The account whose holder owns this NIK (e-mail verified), if they have one. */
export async function findVerifiedAccountByNik(db: Database, nik: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.nik, nik), isNotNull(accounts.emailVerifiedAt)));
  return row as AccountRow | undefined;
}

export async function insertAccount(
  db: Database,
  row: Omit<AccountRow, 'id' | 'emailVerifiedAt'> & { createdAt: Date },
): Promise<string> {
  const [inserted] = await db
    .insert(accounts)
    .values({ ...row, passwordChangedAt: row.createdAt })
    .returning({ id: accounts.id });
  if (!inserted) throw new Error('account insert returned nothing');
  return inserted.id;
}

export async function markEmailVerified(db: Database, accountId: string, at: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ emailVerifiedAt: at })
    .where(and(eq(accounts.id, accountId), isNull(accounts.emailVerifiedAt)));
}

export async function updatePassword(
  db: Database,
  accountId: string,
  passwordHash: string,
  at: Date,
): Promise<void> {
  await db.update(accounts).set({ passwordHash, passwordChangedAt: at }).where(eq(accounts.id, accountId));
}

export async function updateLanguage(db: Database, accountId: string, language: Language): Promise<void> {
  await db.update(accounts).set({ language }).where(eq(accounts.id, accountId));
}

/** Issues a new code for the purpose, replacing any earlier one (and its count of wrong tries). */
export async function replaceOtp(
  db: Database,
  otp: { accountId: string; purpose: OtpPurpose; codeHash: string; expiresAt: Date; createdAt: Date },
): Promise<void> {
  await db
    .insert(otpCodes)
    .values(otp)
    .onConflictDoUpdate({
      target: [otpCodes.accountId, otpCodes.purpose],
      set: {
        codeHash: otp.codeHash,
        expiresAt: otp.expiresAt,
        createdAt: otp.createdAt,
        attempts: 0,
        consumedAt: null,
      },
    });
}

export async function findOtp(
  db: Database,
  accountId: string,
  purpose: OtpPurpose,
): Promise<StoredOtp | undefined> {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(and(eq(otpCodes.accountId, accountId), eq(otpCodes.purpose, purpose)));
  return row ? { ...row, purpose: row.purpose as OtpPurpose } : undefined;
}

/** Counts a wrong try atomically (parallel guesses all count); returns the new count. */
export async function countWrongOtp(db: Database, accountId: string, purpose: OtpPurpose): Promise<number> {
  const [row] = await db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(and(eq(otpCodes.accountId, accountId), eq(otpCodes.purpose, purpose), isNull(otpCodes.consumedAt)))
    .returning({ attempts: otpCodes.attempts });
  return row?.attempts ?? OTP_MAX_ATTEMPTS;
}

/** Uses the code once: false if another request used it first, or it was locked or expired meanwhile. */
export async function consumeOtp(
  db: Database,
  accountId: string,
  purpose: OtpPurpose,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(otpCodes)
    .set({ consumedAt: at })
    .where(
      and(
        eq(otpCodes.accountId, accountId),
        eq(otpCodes.purpose, purpose),
        isNull(otpCodes.consumedAt),
        lt(otpCodes.attempts, OTP_MAX_ATTEMPTS),
        gt(otpCodes.expiresAt, at),
      ),
    )
    .returning({ id: otpCodes.id });
  return rows.length === 1;
}

export interface SessionRow {
  readonly id: string;
  readonly accountId: string;
  readonly tokenHash: string;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

export async function insertSession(db: Database, session: Omit<SessionRow, 'id'> & { createdAt: Date }) {
  const [row] = await db.insert(accountSessions).values(session).returning({ id: accountSessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

const liveSession = prepared((db) =>
  db
    .select({
      id: accountSessions.id,
      accountId: accountSessions.accountId,
      tokenHash: accountSessions.tokenHash,
      lastSeenAt: accountSessions.lastSeenAt,
      idleExpiresAt: accountSessions.idleExpiresAt,
      absoluteExpiresAt: accountSessions.absoluteExpiresAt,
    })
    .from(accountSessions)
    .where(
      and(
        eq(accountSessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(accountSessions.revokedAt),
        gt(accountSessions.idleExpiresAt, sql.placeholder('now')),
        gt(accountSessions.absoluteExpiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('account_live_session'),
);

export async function findLiveSession(
  db: Database,
  tokenHash: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const [row] = await liveSession(db).execute({ tokenHash, now });
  return row;
}

export const touchSessions = (db: Database, touches: readonly SessionTouch[]) =>
  touchSessionsIn(db, 'account_sessions', touches);

export async function revokeSession(db: Database, id: string, at: Date): Promise<void> {
  await db
    .update(accountSessions)
    .set({ revokedAt: at })
    .where(and(eq(accountSessions.id, id), isNull(accountSessions.revokedAt)));
}

export async function revokeAllSessions(db: Database, accountId: string, at: Date): Promise<number> {
  const rows = await db
    .update(accountSessions)
    .set({ revokedAt: at })
    .where(and(eq(accountSessions.accountId, accountId), isNull(accountSessions.revokedAt)))
    .returning({ id: accountSessions.id });
  return rows.length;
}
