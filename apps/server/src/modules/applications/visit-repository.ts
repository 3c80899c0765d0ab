import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applications, applicationVisits } from '../../db/schema/applications.ts';
import type { ApplicationRow } from './repository.ts';

export type VisitRow = typeof applicationVisits.$inferSelect;
type VisitChange = Partial<Omit<VisitRow, 'applicationId' | 'officeCode' | 'checkedInAt' | 'checkedInBy'>>;

/** The application locked for the rest of the transaction: one officer step at a time. */
export async function lockById(db: Database, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

export async function findByNumber(db: Database, number: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.number, number));
  return row;
}

export async function findByIds(db: Database, ids: readonly string[]): Promise<ApplicationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(applications)
    .where(inArray(applications.id, [...ids]));
}

export async function insertVisit(
  db: Database,
  visit: { applicationId: string; officeCode: string; checkedInAt: Date; checkedInBy: string },
): Promise<void> {
  await db.insert(applicationVisits).values({ ...visit, updatedAt: visit.checkedInAt });
}

export async function updateVisit(db: Database, applicationId: string, change: VisitChange, at: Date) {
  await db
    .update(applicationVisits)
    .set({ ...change, updatedAt: at })
    .where(eq(applicationVisits.applicationId, applicationId));
}

export async function findVisit(db: Database, applicationId: string): Promise<VisitRow | undefined> {
  const [row] = await db
    .select()
    .from(applicationVisits)
    .where(eq(applicationVisits.applicationId, applicationId));
  return row;
}

export async function findVisits(db: Database, ids: readonly string[]): Promise<VisitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(applicationVisits)
    .where(inArray(applicationVisits.applicationId, [...ids]));
}

export async function setOutcome(
  db: Database,
  id: string,
  change: { readyDate?: string; passport?: unknown },
): Promise<void> {
  await db
    .update(applications)
    .set({ ...change, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, id));
}

/** READY applications whose ready date is before `readyBefore` (candidates for the 30-day rule). */
export async function readyBefore(
  db: Database,
  readyBefore: string,
  limit: number,
): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.status, 'READY'), lt(applications.readyDate, readyBefore)))
    .limit(limit);
}

/** CHECKED_IN applications whose missing documents were due before `before`. */
export async function documentsOverdue(db: Database, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(applicationVisits, eq(applicationVisits.applicationId, applications.id))
    .where(and(eq(applications.status, 'CHECKED_IN'), lt(applicationVisits.documentsDueBy, before)))
    .limit(limit);
  return rows.map((r) => r.id);
}
