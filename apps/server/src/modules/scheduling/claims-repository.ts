import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.ts';
import { bookings } from '../../db/schema/scheduling.ts';

/**
 * Takes up to `wanted` seats of a session in one statement: as many as are left, if the session is
 * released and still ahead. Answers how many were taken (0 when full or not bookable). The row's lock
 * is held from here to the end of the caller's transaction, so callers take seats last.
 */
export async function claimSeats(
  db: Database,
  sessionId: string,
  wanted: number,
  now: Date,
): Promise<number> {
  const [row] = await queryRows<{ taken: number }>(
    db,
    sql`with current as (
          select id, booked, capacity from sessions
          where id = ${sessionId} and booked < capacity and released_at <= ${now} and starts_at > ${now}
          for update)
        update sessions set booked = sessions.booked + least(${wanted}::int, current.capacity - current.booked)
        from current where sessions.id = current.id
        returning least(${wanted}::int, current.capacity - current.booked) as taken`,
  );
  return row ? Number(row.taken) : 0;
}

export async function insertBookings(
  db: Database,
  rows: readonly { applicationId: string; sessionId: string; bookedAt: Date }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(bookings).values([...rows]);
}

export interface ReleaseSeatsRow {
  readonly releaseAt: Date;
  readonly service: string;
  readonly capacity: number;
  readonly booked: number;
}

/** Seats per pool of an office's releases whose instant falls in [from, to). */
export async function releaseSeats(
  db: Database,
  officeCode: string,
  from: Date,
  to: Date,
): Promise<ReleaseSeatsRow[]> {
  const rows = await queryRows<{
    release_at: Date | string;
    service: string;
    capacity: number;
    booked: number;
  }>(
    db,
    sql`select released_at as release_at, service, sum(capacity)::int as capacity, sum(booked)::int as booked
        from sessions
        where office_code = ${officeCode} and released_at >= ${from} and released_at < ${to}
        group by released_at, service order by released_at, service`,
  );
  return rows.map((r) => ({
    releaseAt: new Date(r.release_at),
    service: r.service,
    capacity: Number(r.capacity),
    booked: Number(r.booked),
  }));
}
