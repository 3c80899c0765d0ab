import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import { releaseTickets, releaseWindows } from '../../db/schema/releases.ts';

export type WindowRow = typeof releaseWindows.$inferSelect;
export type TicketRow = typeof releaseTickets.$inferSelect;

export async function findWindow(db: Database, officeCode: string, releaseAt: Date) {
  const [row] = await db
    .select()
    .from(releaseWindows)
    .where(and(eq(releaseWindows.officeCode, officeCode), eq(releaseWindows.releaseAt, releaseAt)));
  return row;
}

export async function findWindowById(db: Database, id: string): Promise<WindowRow | undefined> {
  const [row] = await db.select().from(releaseWindows).where(eq(releaseWindows.id, id));
  return row;
}

/** Creates the window unless another request or process did; either way answers the one that exists. */
export async function ensureWindow(
  db: Database,
  window: Pick<WindowRow, 'id' | 'officeCode' | 'releaseAt' | 'opensAt' | 'seedHash' | 'createdAt'>,
): Promise<WindowRow> {
  await db
    .insert(releaseWindows)
    .values(window)
    .onConflictDoNothing({ target: [releaseWindows.officeCode, releaseWindows.releaseAt] });
  return (await findWindow(db, window.officeCode, window.releaseAt))!;
}

/** The window row, locked: `share` lets joins go side by side, `update` (the draw, later joins) one at a time. */
export async function lockWindow(
  db: Database,
  id: string,
  lock: 'share' | 'update' = 'update',
): Promise<WindowRow | undefined> {
  const [row] = await db.select().from(releaseWindows).where(eq(releaseWindows.id, id)).for(lock);
  return row;
}

/** One worker at a time admits for a window, across processes; the others skip this round. */
export async function tryAdmissionLock(db: Database, windowId: string): Promise<boolean> {
  const [row] = await queryRows<{ locked: boolean }>(
    db,
    sql`select pg_try_advisory_xact_lock(hashtext(${`release-admission:${windowId}`})) as locked`,
  );
  return row?.locked === true;
}

export async function updateWindow(db: Database, id: string, change: Partial<WindowRow>): Promise<void> {
  await db.update(releaseWindows).set(change).where(eq(releaseWindows.id, id));
}

/** Windows that have opened and not ended: the ones the worker draws, admits and closes. */
export async function activeWindows(db: Database, now: Date): Promise<WindowRow[]> {
  return db
    .select()
    .from(releaseWindows)
    .where(and(isNull(releaseWindows.closedAt), lte(releaseWindows.opensAt, now)))
    .orderBy(asc(releaseWindows.releaseAt));
}

export async function windowsOfOffice(db: Database, officeCode: string, limit: number) {
  return db
    .select()
    .from(releaseWindows)
    .where(eq(releaseWindows.officeCode, officeCode))
    .orderBy(desc(releaseWindows.releaseAt))
    .limit(limit);
}

/**
 * The window's tickets of this account or this NIK, in one statement: read in two, a ticket committed
 * between them could be missed by account and then found by NIK (a join of one's own read as another's).
 */
export async function ticketsOf(db: Database, windowId: string, by: { accountId: string; nik: string }) {
  return db
    .select()
    .from(releaseTickets)
    .where(
      and(
        eq(releaseTickets.windowId, windowId),
        or(eq(releaseTickets.accountId, by.accountId), eq(releaseTickets.nik, by.nik)),
      ),
    );
}

const ticketById = prepared((db) =>
  db
    .select()
    .from(releaseTickets)
    .where(eq(releaseTickets.id, sql.placeholder('id')))
    .prepare('release_ticket'),
);

export async function findTicket(db: Database, id: string): Promise<TicketRow | undefined> {
  const [row] = await ticketById(db).execute({ id });
  return row;
}

export async function insertTicket(
  db: Database,
  ticket: typeof releaseTickets.$inferInsert,
): Promise<TicketRow> {
  const [row] = await db.insert(releaseTickets).values(ticket).returning();
  return row!;
}

/** The ticket holding a place, if any. */
export async function ticketAt(db: Database, windowId: string, position: number): Promise<string | null> {
  const [row] = await db
    .select({ id: releaseTickets.id })
    .from(releaseTickets)
    .where(and(eq(releaseTickets.windowId, windowId), eq(releaseTickets.position, position)));
  return row?.id ?? null;
}

/** Hands out the next place behind everyone (joins after the draw); the window row is locked by the caller. */
export async function nextPosition(db: Database, windowId: string): Promise<number> {
  const [row] = await db
    .update(releaseWindows)
    .set({ lastPosition: sql`${releaseWindows.lastPosition} + 1` })
    .where(eq(releaseWindows.id, windowId))
    .returning({ position: releaseWindows.lastPosition });
  return row!.position;
}

/**
 * The draw, in one statement: tickets that joined before the release instant by SHA-256(seed:id) as
 * hex (draw.ts says the same in TypeScript, for anyone re-checking), then later ones by arrival.
 * Answers how many tickets there are and how many were drawn at random.
 */
export async function drawPositions(db: Database, windowId: string, seed: string, releaseAt: Date) {
  await db.execute(sql`
    with ranked as (
      select id, row_number() over (
        order by (joined_at >= ${releaseAt}),
          case when joined_at < ${releaseAt}
            then encode(sha256(convert_to(${seed} || ':' || id::text, 'UTF8')), 'hex') end,
          joined_at, id) as position
      from release_tickets where window_id = ${windowId})
    update release_tickets set position = ranked.position from ranked where release_tickets.id = ranked.id`);
  const [row] = await queryRows<{ tickets: number; drawn: number }>(
    db,
    sql`select count(*)::int as tickets, count(*) filter (where joined_at < ${releaseAt})::int as drawn
        from release_tickets where window_id = ${windowId}`,
  );
  return { tickets: Number(row?.tickets ?? 0), drawn: Number(row?.drawn ?? 0) };
}

export interface QueueCounts {
  readonly tickets: number;
  /** Not admitted yet. */
  readonly waiting: number;
  /** The lowest position not admitted yet (null when none waits with a position). */
  readonly nextPosition: number | null;
  readonly admitted: number;
  /** Admitted, admission still valid, no seat yet. */
  readonly outstanding: number;
  readonly booked: number;
  /** Admitted within the last minute (the admission rate people see). */
  readonly admittedLastMinute: number;
}

export async function queueCounts(db: Database, windowId: string, now: Date): Promise<QueueCounts> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  const [row] = await queryRows<Record<keyof QueueCounts, number | null>>(
    db,
    sql`select count(*)::int as tickets,
          count(*) filter (where admitted_at is null)::int as waiting,
          min(position) filter (where admitted_at is null) as "nextPosition",
          count(*) filter (where admitted_at is not null)::int as admitted,
          count(*) filter (where admitted_at is not null and booked_at is null
                             and admission_expires_at > ${now})::int as outstanding,
          count(*) filter (where booked_at is not null)::int as booked,
          count(*) filter (where admitted_at > ${minuteAgo})::int as "admittedLastMinute"
        from release_tickets where window_id = ${windowId}`,
  );
  const n = (value: number | null | undefined) => Number(value ?? 0);
  return {
    tickets: n(row?.tickets),
    waiting: n(row?.waiting),
    nextPosition: row?.nextPosition == null ? null : Number(row.nextPosition),
    admitted: n(row?.admitted),
    outstanding: n(row?.outstanding),
    booked: n(row?.booked),
    admittedLastMinute: n(row?.admittedLastMinute),
  };
}

/** Admits the next `count` tickets in position order; answers how many were admitted. */
export async function admitNext(db: Database, windowId: string, count: number, now: Date, expiresAt: Date) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update release_tickets set admitted_at = ${now}, admission_expires_at = ${expiresAt}
        where id in (select id from release_tickets
                     where window_id = ${windowId} and admitted_at is null and position is not null
                     order by position limit ${count})
        returning id`,
  );
  return rows.length;
}

/** The admissions spent by seats just taken, in the seat's transaction. */
export async function markBooked(db: Database, ticketIds: readonly string[], at: Date): Promise<void> {
  if (ticketIds.length === 0) return;
  await db.execute(
    sql`update release_tickets set booked_at = ${at}
        where id in (${sql.join(
          ticketIds.map((id) => sql`${id}`),
          sql`, `,
        )}) and booked_at is null`,
  );
}

/** The drawn order, for anyone to re-check against the published seed. */
export async function drawnTickets(db: Database, windowId: string) {
  return db
    .select({ ticketId: releaseTickets.id, position: releaseTickets.position })
    .from(releaseTickets)
    .where(and(eq(releaseTickets.windowId, windowId), sql`${releaseTickets.position} is not null`))
    .orderBy(asc(releaseTickets.position));
}
