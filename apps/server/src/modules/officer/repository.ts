import { and, desc, eq, gt, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { OfficerRole } from '#shared/roles.ts';
import type { Database } from '../../db/database.ts';
import { touchSessionsIn, type SessionTouch } from '../../db/session-touches.ts';
import { auditLog, officerSessions, officers } from '../../db/schema/officer.ts';

export interface NewOfficerRow {
  readonly username: string;
  readonly fullName: string;
  readonly passwordHash: string;
  readonly officeCode: string | null;
  readonly roles: readonly OfficerRole[];
}

export async function findExistingUsernames(
  db: Database,
  usernames: readonly string[],
): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .select({ username: officers.username })
    .from(officers)
    .where(inArray(officers.username, [...usernames]));
  return new Set(rows.map((r) => r.username));
}

/** Inserts officers whose username is free; an existing officer is left exactly as it is. */
export async function insertOfficers(db: Database, rows: readonly NewOfficerRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(officers)
    .values(rows.map((r) => ({ ...r, roles: [...r.roles] })))
    .onConflictDoNothing({ target: officers.username })
    .returning({ id: officers.id });
  return inserted.length;
}

export type OfficerRow = typeof officers.$inferSelect;
export type OfficerSessionRow = typeof officerSessions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

export async function findByUsername(db: Database, username: string): Promise<OfficerRow | undefined> {
  const [row] = await db.select().from(officers).where(eq(officers.username, username));
  return row;
}

export async function findById(db: Database, id: string): Promise<OfficerRow | undefined> {
  const [row] = await db.select().from(officers).where(eq(officers.id, id));
  return row;
}

export async function listOfficers(db: Database, officeCode?: string): Promise<OfficerRow[]> {
  return db
    .select()
    .from(officers)
    .where(officeCode ? eq(officers.officeCode, officeCode) : undefined)
    .orderBy(officers.username)
    .limit(1000);
}

export async function insertSession(db: Database, row: Omit<OfficerSessionRow, 'id' | 'revokedAt'>) {
  await db.insert(officerSessions).values(row);
}

export async function findLiveSession(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: officerSessions, officer: officers })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(
      and(
        eq(officerSessions.tokenHash, tokenHash),
        isNull(officerSessions.revokedAt),
        gt(officerSessions.idleExpiresAt, now),
        gt(officerSessions.absoluteExpiresAt, now),
        eq(officers.active, true),
      ),
    );
  return row;
}

export const touchSessions = (db: Database, touches: readonly SessionTouch[]) =>
  touchSessionsIn(db, 'officer_sessions', touches);

export async function revokeSession(db: Database, id: string, now: Date) {
  await db.update(officerSessions).set({ revokedAt: now }).where(eq(officerSessions.id, id));
}

export async function appendAudit(db: Database, row: Omit<AuditRow, 'id'>): Promise<void> {
  await db.insert(auditLog).values(row);
}

export interface AuditQuery {
  readonly officer?: string | undefined;
  readonly applicationId?: string | undefined;
  readonly officeCode?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly limit: number;
}

export async function queryAudit(db: Database, query: AuditQuery): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (query.officer) conditions.push(eq(auditLog.officerUsername, query.officer));
  if (query.applicationId) conditions.push(eq(auditLog.applicationId, query.applicationId));
  if (query.officeCode) conditions.push(eq(auditLog.officeCode, query.officeCode));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lte(auditLog.at, query.to));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
}

export async function setTotpSecret(db: Database, username: string, secret: string): Promise<void> {
  await db.update(officers).set({ totpSecret: secret }).where(eq(officers.username, username));
}
