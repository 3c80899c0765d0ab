import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.ts';
import { sessions, waitlistEntries, waitlistOffers } from '../../db/schema/scheduling.ts';

export type EntryRow = typeof waitlistEntries.$inferSelect;
export type OfferRow = typeof waitlistOffers.$inferSelect;
export type EntryStatus = 'WAITING' | 'OFFERED' | 'BOOKED' | 'DECLINED' | 'LAPSED' | 'LEFT';
export type OfferStatus = 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'LAPSED' | 'WITHDRAWN';

export async function insertEntry(
  db: Database,
  entry: Omit<typeof waitlistEntries.$inferInsert, 'id' | 'status' | 'closedAt'>,
): Promise<EntryRow> {
  const [row] = await db
    .insert(waitlistEntries)
    .values({ ...entry, status: 'WAITING' })
    .returning();
  return row!;
}

/** The application's latest entry, whatever its state. */
export async function latestEntryOf(db: Database, applicationId: string): Promise<EntryRow | undefined> {
  const [row] = await db
    .select()
    .from(waitlistEntries)
    .where(eq(waitlistEntries.applicationId, applicationId))
    .orderBy(desc(waitlistEntries.joinedAt))
    .limit(1);
  return row;
}

/** Waiting entries served before this one that could take a seat at one of its offices. */
export async function entriesAhead(db: Database, entry: EntryRow): Promise<number> {
  const [row] = await queryRows<{ ahead: number }>(
    db,
    sql`select count(*)::int as ahead from waitlist_entries
        where status = 'WAITING' and office_codes && array[${sql.join(
          entry.officeCodes.map((code) => sql`${code}`),
          sql`, `,
        )}]::text[]
          and (behind, joined_at, id) < (${entry.behind}, ${entry.joinedAt}, ${entry.id}::uuid)`,
  );
  return Number(row?.ahead ?? 0);
}

/**
 * The next waiting entry a seat of this session suits, locked; entries another transaction is
 * offering to are skipped, so two seats freed at once go to two different entries.
 */
export async function nextEntryFor(db: Database, sessionId: string): Promise<EntryRow | undefined> {
  const [row] = await db
    .select({ entry: waitlistEntries })
    .from(waitlistEntries)
    .innerJoin(sessions, eq(sessions.id, sessionId))
    .where(
      and(
        eq(waitlistEntries.status, 'WAITING'),
        sql`${sessions.officeCode} = any(${waitlistEntries.officeCodes})`,
        sql`${sessions.service} = any(${waitlistEntries.pools})`,
        sql`${sessions.date} between ${waitlistEntries.dateFrom} and ${waitlistEntries.dateTo}`,
      ),
    )
    .orderBy(waitlistEntries.behind, waitlistEntries.joinedAt, waitlistEntries.id)
    .limit(1)
    .for('update', { of: waitlistEntries, skipLocked: true });
  return row?.entry;
}

export async function insertOffer(
  db: Database,
  offer: { entryId: string; applicationId: string; sessionId: string; offeredAt: Date; expiresAt: Date },
): Promise<OfferRow> {
  const [row] = await db
    .insert(waitlistOffers)
    .values({ ...offer, status: 'OPEN' })
    .returning();
  return row!;
}

export async function setEntryStatus(db: Database, id: string, status: EntryStatus, at: Date) {
  const closedAt = status === 'WAITING' || status === 'OFFERED' ? null : at;
  await db.update(waitlistEntries).set({ status, closedAt }).where(eq(waitlistEntries.id, id));
}

/** Closes an open offer; undefined when it was no longer open (someone else closed it first). */
export async function closeOffer(
  db: Database,
  id: string,
  status: Exclude<OfferStatus, 'OPEN'>,
  at: Date,
): Promise<OfferRow | undefined> {
  const [row] = await db
    .update(waitlistOffers)
    .set({ status, closedAt: at })
    .where(and(eq(waitlistOffers.id, id), eq(waitlistOffers.status, 'OPEN')))
    .returning();
  return row;
}

/** Accepts the application's open offer if its hold has not run out. */
export async function acceptOpenOffer(
  db: Database,
  applicationId: string,
  now: Date,
): Promise<OfferRow | undefined> {
  const [row] = await db
    .update(waitlistOffers)
    .set({ status: 'ACCEPTED', closedAt: now })
    .where(
      and(
        eq(waitlistOffers.applicationId, applicationId),
        eq(waitlistOffers.status, 'OPEN'),
        sql`${waitlistOffers.expiresAt} > ${now}`,
      ),
    )
    .returning();
  return row;
}

export async function openOfferOf(
  db: Database,
  applicationId: string,
  lock = false,
): Promise<OfferRow | undefined> {
  const query = db
    .select()
    .from(waitlistOffers)
    .where(and(eq(waitlistOffers.applicationId, applicationId), eq(waitlistOffers.status, 'OPEN')));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Open offers whose hold has run out, locked; those another instance is passing on are skipped. */
export async function lapsedOffers(db: Database, now: Date, limit: number): Promise<OfferRow[]> {
  return db
    .select()
    .from(waitlistOffers)
    .where(and(eq(waitlistOffers.status, 'OPEN'), sql`${waitlistOffers.expiresAt} <= ${now}`))
    .orderBy(waitlistOffers.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * Takes these applications off the waitlist (they booked or were cancelled) in one statement;
 * answers the entries that held an offer, whose seat must pass on.
 */
export async function leaveWaitlist(db: Database, applicationIds: readonly string[], at: Date) {
  if (applicationIds.length === 0) return [];
  const rows = await queryRows<{ id: string; was: string }>(
    db,
    sql`with closing as (
          select id, status from waitlist_entries
          where application_id in (${sql.join(
            applicationIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) and status in ('WAITING', 'OFFERED')
          for update)
        update waitlist_entries set status = 'LEFT', closed_at = ${at}
        from closing where waitlist_entries.id = closing.id
        returning waitlist_entries.id, closing.status as was`,
  );
  return rows.filter((r) => r.was === 'OFFERED').map((r) => r.id);
}

export async function openOffersOfEntries(db: Database, entryIds: readonly string[]): Promise<OfferRow[]> {
  if (entryIds.length === 0) return [];
  return db
    .select()
    .from(waitlistOffers)
    .where(and(inArray(waitlistOffers.entryId, [...entryIds]), eq(waitlistOffers.status, 'OPEN')))
    .for('update');
}

/**
 * Sessions with unsold seats that a waiting entry could take: released before `releasedBefore` (the
 * release has had its turn), starting after `startsAfter` (still offerable). Searched only at the
 * offices someone waits at.
 */
export async function sessionsWithSeatsForWaitlist(
  db: Database,
  query: { releasedBefore: Date; startsAfter: Date; limit: number },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with wanted as (
          select distinct unnest(office_codes) as office_code from waitlist_entries where status = 'WAITING')
        select s.id from sessions s join wanted w on w.office_code = s.office_code
        where s.booked < s.capacity and s.released_at <= ${query.releasedBefore}
          and s.starts_at > ${query.startsAfter}
          and exists (select 1 from waitlist_entries e
                      where e.status = 'WAITING' and s.office_code = any(e.office_codes)
                        and s.service = any(e.pools) and s.date between e.date_from and e.date_to)
        order by s.starts_at limit ${query.limit}`,
  );
  return rows.map((r) => r.id);
}

/** Offers not announced yet, locked and marked announced: the caller sends the messages in this transaction. */
export async function takeUnannounced(db: Database, now: Date, limit: number): Promise<OfferRow[]> {
  const due = await db
    .select({ id: waitlistOffers.id })
    .from(waitlistOffers)
    .where(sql`${waitlistOffers.announcedAt} is null`)
    .orderBy(waitlistOffers.offeredAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  return db
    .update(waitlistOffers)
    .set({ announcedAt: now })
    .where(
      inArray(
        waitlistOffers.id,
        due.map((d) => d.id),
      ),
    )
    .returning();
}
