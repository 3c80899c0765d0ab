import { and, asc, count, desc, eq, getTableColumns, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { applicationStatuses, isClosedStatus, type ApplicationStatus } from '#shared/statuses.ts';
import { queryRows, type Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import { applicationHistory, applications } from '../../db/schema/applications.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplicationRow = Omit<typeof applications.$inferInsert, 'id' | 'number' | 'version'>;
export type HistoryRow = typeof applicationHistory.$inferSelect;

export const activeStatuses = applicationStatuses.filter((s) => !isClosedStatus(s));

/** Serialises creations per account so two parallel requests cannot both pass the cap. */
export async function lockAccountApplications(db: Database, accountId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`applications:${accountId}`}, 0))`);
}

export async function countActiveForAccount(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.accountId, accountId), inArray(applications.status, activeStatuses)));
  return row?.n ?? 0;
}

/**
 * Whether the NIK is held: an application submitted and in progress (from any account), or a draft of
 * this account. Other accounts' drafts hold nothing (issue 15, no squatting).
 */
export async function hasActiveForNik(db: Database, nik: string, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.applicantNik, nik),
        inArray(applications.status, activeStatuses),
        or(ne(applications.status, 'DRAFT'), eq(applications.accountId, accountId)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Drafts not changed since `before`, locked for the caller's transaction (other instances skip them). */
export async function lockIdleDrafts(db: Database, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.status, 'DRAFT'), lt(applications.updatedAt, before)))
    .orderBy(asc(applications.updatedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map((r) => r.id);
}

/** Applications filed for this NIK by other accounts, newest first (what the NIK holder may see). */
export async function filedByOthersForNik(
  db: Database,
  nik: string,
  accountId: string,
): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.applicantNik, nik), ne(applications.accountId, accountId)))
    .orderBy(desc(applications.createdAt))
    .limit(50);
}

/** MP + year + 8-digit serial from one sequence: unique nationwide, readable over the phone. */
export async function nextApplicationNumber(db: Database, year: number): Promise<string> {
  const [row] = await queryRows<{ n: string }>(db, sql`select nextval('application_number_seq')::text as n`);
  return `MP${year}-${String(row?.n ?? '0').padStart(8, '0')}`;
}

export async function insertApplication(db: Database, row: NewApplicationRow & { number: string }) {
  const [inserted] = await db.insert(applications).values(row).returning();
  if (!inserted) throw new Error('application insert returned nothing');
  return inserted;
}

const forAccount = prepared((db) =>
  db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.id, sql.placeholder('id')),
        eq(applications.accountId, sql.placeholder('accountId')),
      ),
    )
    .prepare('application_for_account'),
);

export async function findForAccount(
  db: Database,
  id: string,
  accountId: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await forAccount(db).execute({ id, accountId });
  return row;
}

/**
 * The history as one JSON array per application, oldest first (one round trip with the row). The
 * outer column is spelled out: drizzle leaves it unqualified in a one-table select, where `id` would be
 * the history's own.
 */
const historyAsJson = sql<HistoryJson[] | string>`(
  select coalesce(json_agg(json_build_object(
    'id', h.id, 'status', h.status, 'at', h.at, 'actor', h.actor, 'note', h.note) order by h.id), '[]'::json)
  from ${applicationHistory} h where h.application_id = applications.id)`;
interface HistoryJson {
  id: number;
  status: string;
  at: string;
  actor: string;
  note: string | null;
}

const withHistoryForAccount = prepared((db) =>
  db
    .select({ ...getTableColumns(applications), history: historyAsJson })
    .from(applications)
    .where(
      and(
        eq(applications.id, sql.placeholder('id')),
        eq(applications.accountId, sql.placeholder('accountId')),
      ),
    )
    .prepare('application_with_history_for_account'),
);

/** The owner's application and its history in one query: the status read every refresh makes. */
export async function findWithHistoryForAccount(
  db: Database,
  id: string,
  accountId: string,
): Promise<{ row: ApplicationRow; history: HistoryRow[] } | undefined> {
  const [found] = await withHistoryForAccount(db).execute({ id, accountId });
  if (!found) return undefined;
  const { history, ...row } = found;
  // node-postgres parses json; a driver that does not hands over the text.
  const entries = (typeof history === 'string' ? JSON.parse(history) : history) as HistoryJson[];
  return {
    row,
    history: entries.map((h) => ({ ...h, applicationId: row.id, at: new Date(h.at) })),
  };
}

export async function findById(db: Database, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** The row locked for the rest of the transaction (no lost update with a concurrent change). */
export async function lockForAccount(
  db: Database,
  id: string,
  accountId: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.accountId, accountId)))
    .for('update');
  return row;
}

/** Several applications locked at once, in id order (two batches cannot deadlock on them). */
export async function lockMany(db: Database, ids: readonly string[]): Promise<ApplicationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(applications)
    .where(inArray(applications.id, [...ids]))
    .orderBy(asc(applications.id))
    .for('update');
}

/** `transition` for several applications locked by the caller: one update, one history insert. */
export async function transitionMany(
  db: Database,
  change: { ids: readonly string[]; from: ApplicationStatus; to: ApplicationStatus; at: Date; actor: string },
): Promise<string[]> {
  if (change.ids.length === 0) return [];
  const rows = await db
    .update(applications)
    .set({ status: change.to, version: sql`${applications.version} + 1`, updatedAt: change.at })
    .where(and(inArray(applications.id, [...change.ids]), eq(applications.status, change.from)))
    .returning({ id: applications.id });
  if (rows.length > 0) {
    await db.insert(applicationHistory).values(
      rows.map(({ id }) => ({
        applicationId: id,
        status: change.to,
        at: change.at,
        actor: change.actor,
        note: null,
      })),
    );
  }
  return rows.map((row) => row.id);
}

export async function listForAccount(db: Database, accountId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(eq(applications.accountId, accountId))
    .orderBy(desc(applications.createdAt));
}

/**
 * Moves the status only if it is still one of `from` (checked by the database, so an officer and a
 * worker acting at once cannot both succeed), and records it in the history in the same transaction.
 */
export async function transition(
  db: Database,
  change: {
    id: string;
    from: readonly ApplicationStatus[];
    to: ApplicationStatus;
    at: Date;
    actor: string;
    note?: string;
  },
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ status: change.to, version: sql`${applications.version} + 1`, updatedAt: change.at })
    .where(and(eq(applications.id, change.id), inArray(applications.status, [...change.from])))
    .returning();
  if (row) await insertHistory(db, change.id, change.to, change.at, change.actor, change.note);
  return row;
}

export async function touch(db: Database, id: string, at: Date): Promise<void> {
  await db
    .update(applications)
    .set({ updatedAt: at, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, id));
}

export async function insertHistory(
  db: Database,
  applicationId: string,
  status: ApplicationStatus,
  at: Date,
  actor: string,
  note?: string,
): Promise<void> {
  await db.insert(applicationHistory).values({ applicationId, status, at, actor, note: note ?? null });
}

export async function historyOf(db: Database, applicationIds: readonly string[]): Promise<HistoryRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(applicationHistory)
    .where(inArray(applicationHistory.applicationId, [...applicationIds]))
    .orderBy(asc(applicationHistory.id));
}

/** How many times the holder of a NIK did not come to a booked visit since an instant. */
export async function noShowsSince(db: Database, nik: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applicationHistory)
    .innerJoin(applications, eq(applications.id, applicationHistory.applicationId))
    .where(
      and(
        eq(applications.applicantNik, nik),
        eq(applicationHistory.status, 'NO_SHOW'),
        sql`${applicationHistory.at} >= ${since}`,
      ),
    );
  return Number(row?.n ?? 0);
}
