import type { Agent } from 'node:http';
import { sql, type SQL } from 'drizzle-orm';
import { jakartaDate } from '#shared/eligibility.ts';
import { queryRows, type Database } from '../../apps/server/src/db/database.ts';
import {
  listSessions,
  type GetJson,
  type ReadyApplicant,
} from '../../apps/server/test/support/booking-fixtures.ts';
import { inParallel, jsonRequest } from './http.ts';

/**
 * The days of the freed-seat storm (issue 15) and the people on them: whole office days whose REGULAR
 * sessions hold exactly the bench's seats, booked over HTTP by holders who will cancel, and the
 * waitlist for one of them joined over HTTP.
 */

/** A holder of a seat: who, and in which session (to tell which seat their cancel frees). */
export interface Holder {
  readonly person: ReadyApplicant;
  readonly sessionId: string;
}

const DAY_MS = 24 * 3_600_000;

/** `id in (…)` for a list of uuids. */
export const inList = (ids: readonly string[]): SQL =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/**
 * `count` office days at least `minDaysAhead` days after today (Jakarta) that have REGULAR sessions,
 * the nearest first; listing the office's sessions first materialises them.
 */
export async function pickDays(
  db: Database,
  get: GetJson,
  office: string,
  count: number,
  now: Date,
  minDaysAhead = 2,
): Promise<string[]> {
  await listSessions(get, office);
  const from = jakartaDate(new Date(now.getTime() + minDaysAhead * DAY_MS));
  const rows = await queryRows<{ date: string }>(
    db,
    sql`select date::text as date from sessions
        where office_code = ${office} and service = 'REGULAR' and date >= ${from}
        group by date order by date limit ${count}`,
  );
  if (rows.length < count)
    throw new Error(`${office} has fewer than ${count} days with REGULAR sessions from ${from}`);
  return rows.map((r) => r.date);
}

/**
 * Makes the day's REGULAR sessions hold exactly `seats` seats between them, none booked, all released
 * (so bookable now): `seats` spread evenly over them in order of their start. Answers each session's
 * id and capacity.
 */
export async function layOutDay(
  db: Database,
  office: string,
  date: string,
  seats: number,
  now: Date,
): Promise<{ id: string; capacity: number }[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from sessions where office_code = ${office} and date = ${date} and service = 'REGULAR'
        order by starts_at`,
  );
  const layout = rows.map((r, i) => ({
    id: r.id,
    capacity: Math.floor(seats / rows.length) + (i < seats % rows.length ? 1 : 0),
  }));
  for (const s of layout)
    await db.execute(
      sql`update sessions set capacity = ${s.capacity}, booked = 0, released_at = least(released_at, ${now})
          where id = ${s.id}`,
    );
  return layout;
}

/** One holder per seat of the layout submits for it over HTTP (both processes); every one must get it. */
export async function bookHolders(options: {
  agent: Agent;
  bases: readonly string[];
  people: readonly ReadyApplicant[];
  layout: readonly { id: string; capacity: number }[];
  connections: number;
}): Promise<Holder[]> {
  const seats = options.layout.flatMap((s) => Array.from({ length: s.capacity }, () => s.id));
  if (options.people.length !== seats.length)
    throw new Error(`${options.people.length} holders for ${seats.length} seats`);
  const refused = new Map<string, number>();
  await inParallel(seats.length, options.connections, async (i) => {
    const person = options.people[i]!;
    const answer = await jsonRequest<{ status?: string; code?: string }>(
      options.agent,
      `${options.bases[i % options.bases.length]}/api/v1/applications/${person.applicationId}/submit`,
      { body: { sessionId: seats[i] }, token: person.token },
    );
    if (answer.status !== 200 || answer.body.status !== 'AWAITING_PAYMENT') {
      const key = `${answer.status} ${answer.body.code ?? answer.body.status}`;
      refused.set(key, (refused.get(key) ?? 0) + 1);
    }
  });
  if (refused.size > 0)
    throw new Error(`holders' submits refused: ${JSON.stringify(Object.fromEntries(refused))}`);
  return options.people.map((person, i) => ({ person, sessionId: seats[i]! }));
}

/** Everyone joins the waitlist for the one day over HTTP (both processes); every join must be 201. */
export async function joinWaitlist(options: {
  agent: Agent;
  bases: readonly string[];
  people: readonly ReadyApplicant[];
  office: string;
  date: string;
  connections: number;
}): Promise<{ joinsPerSec: number; latencies: number[] }> {
  const refused = new Map<string, number>();
  const latencies: number[] = [];
  const started = performance.now();
  await inParallel(options.people.length, options.connections, async (i) => {
    const person = options.people[i]!;
    const answer = await jsonRequest<{ status?: string; code?: string }>(
      options.agent,
      `${options.bases[i % options.bases.length]}/api/v1/applications/${person.applicationId}/waitlist`,
      {
        body: { officeCode: options.office, radiusKm: 0, from: options.date, to: options.date },
        token: person.token,
      },
    );
    latencies.push(answer.ms);
    if (answer.status !== 201 || answer.body.status !== 'WAITING') {
      const key = `${answer.status} ${answer.body.code ?? answer.body.status}`;
      refused.set(key, (refused.get(key) ?? 0) + 1);
    }
  });
  if (refused.size > 0)
    throw new Error(`waitlist joins refused: ${JSON.stringify(Object.fromEntries(refused))}`);
  return {
    joinsPerSec: Math.round(options.people.length / ((performance.now() - started) / 1000)),
    latencies,
  };
}

/** Each prepared applicant's e-mail address (lower case) → its index in `people`. */
export async function emailsOf(
  db: Database,
  people: readonly ReadyApplicant[],
): Promise<Map<string, number>> {
  const index = new Map(people.map((p, i) => [p.accountId, i]));
  const result = new Map<string, number>();
  for (let from = 0; from < people.length; from += 1_000) {
    const ids = people.slice(from, from + 1_000).map((p) => p.accountId);
    const rows = await queryRows<{ id: string; email: string }>(
      db,
      sql`select id, email from accounts where id in ${inList(ids)}`,
    );
    for (const r of rows) result.set(r.email.toLowerCase(), index.get(r.id)!);
  }
  return result;
}

/**
 * The seat ledger of some sessions, in one statement (one snapshot): sessions whose `booked` is not
 * their open bookings plus open offers, sessions past capacity, and entries holding two open offers or
 * an open offer while not OFFERED. All three must stay 0.
 */
export async function ledgerOf(db: Database, sessionIds: readonly string[]) {
  const [row] = await queryRows<{ mismatched: number; oversold: number; doubled: number }>(
    db,
    sql`select
          (select count(*)::int from sessions s where s.id in ${inList(sessionIds)}
             and s.booked <> (select count(*) from bookings b where b.session_id = s.id and b.released_at is null)
                           + (select count(*) from waitlist_offers o where o.session_id = s.id and o.status = 'OPEN'))
            as mismatched,
          (select count(*)::int from sessions s where s.id in ${inList(sessionIds)} and s.booked > s.capacity)
            as oversold,
          (select count(*)::int from (
             select o.entry_id from waitlist_offers o join waitlist_entries e on e.id = o.entry_id
             where o.status = 'OPEN' group by o.entry_id, e.status
             having count(*) > 1 or e.status <> 'OFFERED') x) as doubled`,
  );
  return { mismatched: row!.mismatched, oversold: row!.oversold, doubled: row!.doubled };
}

/** Seats of some sessions: capacity, counted as booked, and held by open bookings. */
export async function seatsOf(db: Database, sessionIds: readonly string[]) {
  const [row] = await queryRows<{ capacity: number; booked: number; open: number }>(
    db,
    sql`select sum(capacity)::int as capacity, sum(booked)::int as booked,
               (select count(*)::int from bookings b
                where b.session_id in ${inList(sessionIds)} and b.released_at is null) as open
        from sessions where id in ${inList(sessionIds)}`,
  );
  return { capacity: Number(row!.capacity), booked: Number(row!.booked), open: Number(row!.open) };
}
