import { and, eq, like, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.ts';
import { bookings, sessions, walkInQuotas } from '../../db/schema/scheduling.ts';

/** Tables of the counter's walk-in lanes (scheduling/walk-in.ts). */
export async function quotasOf(db: Database, officeCode: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ lane: walkInQuotas.lane, daily: walkInQuotas.daily })
    .from(walkInQuotas)
    .where(eq(walkInQuotas.officeCode, officeCode));
  return new Map(rows.map((r) => [r.lane, r.daily]));
}

export async function saveQuota(db: Database, officeCode: string, lane: string, daily: number, at: Date) {
  await db
    .insert(walkInQuotas)
    .values({ officeCode, lane, daily, updatedAt: at })
    .onConflictDoUpdate({
      target: [walkInQuotas.officeCode, walkInQuotas.lane],
      set: { daily, updatedAt: at },
    });
}

/** Seats taken per lane session of a day (seats given back are not counted). */
export async function usedOn(db: Database, officeCode: string, date: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ service: sessions.service, booked: sessions.booked })
    .from(sessions)
    .where(
      and(eq(sessions.officeCode, officeCode), eq(sessions.date, date), like(sessions.service, 'WALK_IN_%')),
    );
  return new Map(rows.map((r) => [r.service, r.booked]));
}

/** The lane's session of the day, made if missing (two counters racing make one). */
export async function laneSession(db: Database, session: typeof sessions.$inferInsert): Promise<string> {
  await db
    .insert(sessions)
    .values(session)
    .onConflictDoNothing({
      target: [sessions.officeCode, sessions.date, sessions.startTime, sessions.service],
    });
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.officeCode, session.officeCode),
        eq(sessions.date, session.date),
        eq(sessions.startTime, session.startTime),
        eq(sessions.service, session.service),
      ),
    );
  return row!.id;
}

/**
 * One seat of a lane, in one conditional statement: the capacity follows today's quota (never below
 * what is taken), and the seat is taken only below it. The row stays locked to the transaction's end.
 */
export async function takeLaneSeat(db: Database, sessionId: string, daily: number): Promise<boolean> {
  const rows = await queryRows<{ booked: number }>(
    db,
    sql`update sessions set capacity = ${daily}::int, booked = booked + 1
        where id = ${sessionId} and booked < ${daily}::int
        returning booked`,
  );
  if (rows.length > 0) return true;
  // Full: still record the quota as capacity, so the day's view matches what was refused.
  await db
    .update(sessions)
    .set({ capacity: sql`greatest(${daily}::int, ${sessions.booked})` })
    .where(eq(sessions.id, sessionId));
  return false;
}

export async function insertBooking(
  db: Database,
  row: { applicationId: string; sessionId: string; bookedAt: Date },
): Promise<void> {
  await db.insert(bookings).values(row);
}
