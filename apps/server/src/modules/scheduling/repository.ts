import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { prepared } from '../../db/prepared.ts';
import { bookings, holidays, officeClosures, officeSchedules, sessions } from '../../db/schema/scheduling.ts';
import type { OfficeSchedule, PlannedSession, ServicePool } from './schedule.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;

export async function insertScheduleIfMissing(
  db: Database,
  officeCode: string,
  schedule: OfficeSchedule,
  at: Date,
) {
  await db
    .insert(officeSchedules)
    .values({ officeCode, ...schedule, updatedAt: at })
    .onConflictDoNothing({ target: officeSchedules.officeCode });
}

/** The office's schedule and `version`: when it was last saved (a save re-plans sessions). */
export async function findSchedule(
  db: Database,
  officeCode: string,
): Promise<(OfficeSchedule & { readonly version: string }) | undefined> {
  const [row] = await db.select().from(officeSchedules).where(eq(officeSchedules.officeCode, officeCode));
  if (!row) return undefined;
  return {
    template: row.template as OfficeSchedule['template'],
    releaseRule: row.releaseRule as OfficeSchedule['releaseRule'],
    horizonDays: row.horizonDays,
    version: row.updatedAt.toISOString(),
  };
}

/** National holidays and collective leave between two dates. */
export async function nationalHolidays(db: Database, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .select({ date: holidays.date })
    .from(holidays)
    .where(and(gte(holidays.date, from), lte(holidays.date, to)));
  return new Set(rows.map((row) => row.date));
}

/** National holidays and the office's own closures between two dates. */
export async function closedDays(
  db: Database,
  officeCode: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  const closed = await nationalHolidays(db, from, to);
  const local = await db
    .select({ date: officeClosures.date })
    .from(officeClosures)
    .where(
      and(
        eq(officeClosures.officeCode, officeCode),
        gte(officeClosures.date, from),
        lte(officeClosures.date, to),
      ),
    );
  for (const row of local) closed.add(row.date);
  return closed;
}

/** Creates planned sessions that do not exist yet; existing ones (and their bookings) stay as they are. */
export async function insertSessions(db: Database, officeCode: string, planned: readonly PlannedSession[]) {
  for (let i = 0; i < planned.length; i += 500) {
    await db
      .insert(sessions)
      .values(planned.slice(i, i + 500).map((p) => ({ officeCode, ...p })))
      .onConflictDoNothing({
        target: [sessions.officeCode, sessions.date, sessions.startTime, sessions.service],
      });
  }
}

export async function listSessions(
  db: Database,
  query: {
    officeCode: string;
    from: string;
    to: string;
    service: ServicePool;
    releasedBy: Date;
    startsAfter: Date;
  },
): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.officeCode, query.officeCode),
        eq(sessions.service, query.service),
        gte(sessions.date, query.from),
        lte(sessions.date, query.to),
        lte(sessions.releasedAt, query.releasedBy),
        sql`${sessions.startsAt} > ${query.startsAfter}`,
      ),
    )
    .orderBy(asc(sessions.startsAt));
}

const sessionById = prepared((db) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_by_id'),
);

export async function findSession(db: Database, id: string): Promise<SessionRow | undefined> {
  const [row] = await sessionById(db).execute({ id });
  return row;
}

/**
 * Takes one seat if, and only if, the session is released, still ahead, and not full: a single
 * conditional UPDATE, so parallel requests on any number of instances can never oversell.
 */
export async function takeSeat(db: Database, sessionId: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(sessions)
    .set({ booked: sql`${sessions.booked} + 1` })
    .where(
      and(
        eq(sessions.id, sessionId),
        sql`${sessions.booked} < ${sessions.capacity}`,
        lte(sessions.releasedAt, now),
        sql`${sessions.startsAt} > ${now}`,
      ),
    )
    .returning();
  return row;
}

export async function giveBackSeat(db: Database, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ booked: sql`${sessions.booked} - 1` })
    .where(eq(sessions.id, sessionId));
}

/** Locks sessions in id order, so two reschedules crossing each other cannot deadlock. */
export async function lockSessions(db: Database, ids: readonly string[]): Promise<void> {
  await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(inArray(sessions.id, [...ids]))
    .orderBy(asc(sessions.id))
    .for('update');
}

export async function insertBooking(
  db: Database,
  booking: { applicationId: string; sessionId: string; bookedAt: Date },
) {
  await db.insert(bookings).values(booking);
}

export async function findBooking(db: Database, applicationId: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.applicationId, applicationId));
  return row;
}

const bookingWithSessionOf = prepared((db) =>
  db
    .select({ booking: bookings, session: sessions })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .where(eq(bookings.applicationId, sql.placeholder('applicationId')))
    .prepare('booking_with_session_of_application'),
);

/** Bookings with their sessions in one query; one application's (a status read) is prepared. */
export async function findBookingsWithSessions(
  db: Database,
  applicationIds: readonly string[],
): Promise<{ booking: BookingRow; session: SessionRow }[]> {
  if (applicationIds.length === 0) return [];
  if (applicationIds.length === 1)
    return bookingWithSessionOf(db).execute({ applicationId: applicationIds[0] });
  return db
    .select({ booking: bookings, session: sessions })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .where(inArray(bookings.applicationId, [...applicationIds]));
}

/** Marks the booking released; true only for the call that actually released it (idempotent). */
export async function releaseBooking(
  db: Database,
  applicationId: string,
  at: Date,
): Promise<BookingRow | undefined> {
  const [row] = await db
    .update(bookings)
    .set({ releasedAt: at })
    .where(and(eq(bookings.applicationId, applicationId), isNull(bookings.releasedAt)))
    .returning();
  return row;
}

/** Moves a booking; `counts` false for the office's special reschedule, which spends none of the applicant's. */
export async function moveBooking(
  db: Database,
  applicationId: string,
  sessionId: string,
  counts = true,
): Promise<void> {
  await db
    .update(bookings)
    .set({ sessionId, ...(counts ? { reschedules: sql`${bookings.reschedules} + 1` } : {}) })
    .where(eq(bookings.applicationId, applicationId));
}

/**
 * Closes the open bookings whose session day has ended (their seat is moot now) and returns their
 * applications: the ones never checked in become NO_SHOW. Rows another instance is closing are skipped.
 */
export async function closeBookingsPastTheirDay(db: Database, now: Date, limit: number): Promise<string[]> {
  const due = await db
    .select({ applicationId: bookings.applicationId })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .where(and(isNull(bookings.releasedAt), lte(sessions.dayEndsAt, now)))
    .limit(limit)
    .for('update', { of: bookings, skipLocked: true });
  const ids = due.map((r) => r.applicationId);
  if (ids.length > 0) {
    await db.update(bookings).set({ releasedAt: now }).where(inArray(bookings.applicationId, ids));
  }
  return ids;
}

/** Bookings of an office's sessions on a day, cancelled and expired ones left out. */
export async function bookingsOn(db: Database, officeCode: string, date: string) {
  return db
    .select({
      applicationId: bookings.applicationId,
      start: sessions.startTime,
      end: sessions.endTime,
      pool: sessions.service,
    })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .where(
      and(
        eq(sessions.officeCode, officeCode),
        eq(sessions.date, date),
        sql`(${bookings.releasedAt} is null or ${bookings.releasedAt} >= ${sessions.dayEndsAt})`,
      ),
    )
    .orderBy(asc(sessions.startTime));
}

export async function saveSchedule(db: Database, officeCode: string, schedule: OfficeSchedule, at: Date) {
  await db
    .insert(officeSchedules)
    .values({ officeCode, ...schedule, updatedAt: at })
    .onConflictDoUpdate({
      target: officeSchedules.officeCode,
      set: {
        template: schedule.template,
        releaseRule: schedule.releaseRule,
        horizonDays: schedule.horizonDays,
        updatedAt: at,
      },
    });
}

export async function closuresFrom(db: Database, officeCode: string, from: string) {
  return db
    .select({ date: officeClosures.date, reason: officeClosures.reason })
    .from(officeClosures)
    .where(and(eq(officeClosures.officeCode, officeCode), gte(officeClosures.date, from)))
    .orderBy(asc(officeClosures.date));
}

/** Replaces the office's closures from `from` on; past closures stay as history. */
export async function replaceClosuresFrom(
  db: Database,
  officeCode: string,
  from: string,
  closures: readonly { date: string; reason: string }[],
) {
  await db
    .delete(officeClosures)
    .where(and(eq(officeClosures.officeCode, officeCode), gte(officeClosures.date, from)));
  if (closures.length > 0)
    await db.insert(officeClosures).values(closures.map((c) => ({ officeCode, ...c })));
}

/**
 * Drops future sessions nobody holds a seat in that are not released yet, or fall on a closed day, so
 * they are planned again from the new template. Sessions with bookings are never touched.
 */
export async function dropUnusedSessions(
  db: Database,
  officeCode: string,
  now: Date,
  closed: readonly string[],
) {
  const heldSessions = db.select({ id: bookings.sessionId }).from(bookings);
  const closedDay = closed.length > 0 ? inArray(sessions.date, [...closed]) : sql`false`;
  const dropped = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.officeCode, officeCode),
        eq(sessions.booked, 0),
        sql`${sessions.startsAt} > ${now}`,
        sql`(${sessions.releasedAt} > ${now} or ${closedDay})`,
        sql`${sessions.id} not in (${heldSessions})`,
      ),
    )
    .returning({ id: sessions.id });
  return dropped.length;
}

/** The office each application booked a seat at, released or not (for lists such as late payments). */
export async function bookedOffices(db: Database, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({ applicationId: bookings.applicationId, officeCode: sessions.officeCode })
    .from(bookings)
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .where(inArray(bookings.applicationId, [...applicationIds]));
}
