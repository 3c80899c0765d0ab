import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { queryRows, type Database } from '../../src/db/database.ts';
import type { ReadyApplicant } from './booking-fixtures.ts';

/** A prepared applicant's request to the waitlist routes (in process). */
export function waitlistCall(
  app: FastifyInstance,
  who: ReadyApplicant,
  path: '' | '/offer/accept' | '/offer/decline',
  method: 'GET' | 'POST' | 'DELETE' = path === '' ? 'GET' : 'POST',
  payload?: object,
) {
  return app.inject({
    method,
    url: `/api/v1/applications/${who.applicationId}/waitlist${path}`,
    headers: { authorization: `Bearer ${who.token}` },
    ...(payload ? { payload } : {}),
  });
}

/** Every other REGULAR session of the target's office and day made full, so the day has no free seat. */
export async function onlySessionOfItsDay(db: Database, sessionId: string): Promise<string> {
  const [row] = await queryRows<{ date: string; office_code: string }>(
    db,
    sql`select date::text as date, office_code from sessions where id = ${sessionId}`,
  );
  await db.execute(
    sql`update sessions set capacity = booked
        where office_code = ${row!.office_code} and date = ${row!.date} and service = 'REGULAR' and id <> ${sessionId}`,
  );
  return row!.date;
}

/**
 * The invariant that makes a double offer impossible: a session's `booked` is its open bookings plus
 * its open offers. Answers every session where it does not hold (empty when all is well).
 */
export async function seatLedgerMismatches(db: Database) {
  return queryRows<{ id: string; booked: number; bookings: number; offers: number }>(
    db,
    sql`select s.id, s.booked,
          (select count(*)::int from bookings b where b.session_id = s.id and b.released_at is null) as bookings,
          (select count(*)::int from waitlist_offers o where o.session_id = s.id and o.status = 'OPEN') as offers
        from sessions s
        where s.booked <> (select count(*) from bookings b where b.session_id = s.id and b.released_at is null)
                        + (select count(*) from waitlist_offers o where o.session_id = s.id and o.status = 'OPEN')`,
  );
}

/** Entries holding more than one open offer, and open offers whose entry is not OFFERED. */
export async function doubleOffers(db: Database) {
  return queryRows<{ entry_id: string; n: number }>(
    db,
    sql`select o.entry_id, count(*)::int as n from waitlist_offers o
        join waitlist_entries e on e.id = o.entry_id
        where o.status = 'OPEN'
        group by o.entry_id, e.status having count(*) > 1 or e.status <> 'OFFERED'`,
  );
}

/** Reads until `done` says so (the jobs run every 100 ms in tests), at most ~4 s. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 40 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
