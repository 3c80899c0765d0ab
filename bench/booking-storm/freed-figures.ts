import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../apps/server/src/db/database.ts';
import { defaultWaitlistSettings } from '../../apps/server/src/modules/scheduling/index.ts';
import type { ReadyApplicant } from '../../apps/server/test/support/booking-fixtures.ts';
import { inList } from './freed-day.ts';
import type { Freeing, StormResult, Waiter } from './freed-storm.ts';
import { latencySummary } from './http.ts';

/**
 * What the freed-seat storm shows, from what the clients saw and what the database holds: each offer
 * traced to the request that freed its seat (a cancel, or a decline that passed it on), each cancelled
 * seat followed through its cascade to the accepted booking that re-sold it.
 */

/** A request and its offer match when the offer is of its session and made while it ran (ms of slack). */
const SLACK_MS = 5;

interface OfferRow {
  id: string;
  application_id: string;
  session_id: string;
  status: string;
  offered_at: number;
}

export interface Traced {
  /**
   * Freeing request sent → its offer stamped (`offered_at`: the clock read as the seat is passed on,
   * before the next entry is looked up) and → committed (at the latest, the request's answer).
   */
  readonly offerStampedMs: number[];
  readonly offerCommittedMs: number[];
  /** Offer made → its e-mail in the person's inbox (the announcement job, the outbox, the mailer). */
  readonly mailedMs: number[];
  /** Offer made → the person learned of it (e-mail read, or the app opened). */
  readonly learnedMs: number[];
  /** Offer made → the accepting submit answered (the seat booked, billing code issued). */
  readonly offerToBookedMs: number[];
  /** Cancel sent → the accepted booking that re-sold the seat, through any declines (cascades). */
  readonly freedToResoldMs: number[];
  readonly offers: number;
  /** Offers no request of the bench explains (made by a job), and freeing requests that made no offer. */
  readonly unexplainedOffers: number;
  readonly freeingsWithoutOffer: number;
  /** Cancelled seats whose cascade never reached an accepted booking. */
  readonly unresolved: number;
  readonly learnedVia: { mail: number; app: number };
}

export async function trace(
  db: Database,
  options: {
    sessionIds: readonly string[];
    people: readonly ReadyApplicant[];
    storm: StormResult;
    offsetMs: number;
  },
): Promise<Traced> {
  const { storm } = options;
  const offers = (
    await queryRows<OfferRow>(
      db,
      sql`select id, application_id, session_id, status,
                 (extract(epoch from offered_at) * 1000)::float8 as offered_at
          from waitlist_offers where session_id in ${inList(options.sessionIds)} order by offered_at`,
    )
  ).map((o) => ({ ...o, offered_at: Number(o.offered_at) - options.offsetMs }));
  const bySession = new Map<string, Freeing[]>();
  for (const f of [...storm.cancels, ...storm.declines].filter((f) => f.status === 200 || f.status === 204))
    bySession.set(f.sessionId, [...(bySession.get(f.sessionId) ?? []), f]);
  for (const list of bySession.values()) list.sort((a, b) => a.sentAt - b.sentAt);

  const offerOf = new Map<Freeing, OfferRow>();
  let unexplainedOffers = 0;
  const offerStampedMs: number[] = [];
  const offerCommittedMs: number[] = [];
  for (const offer of offers) {
    const freeing = bySession
      .get(offer.session_id)
      ?.find(
        (f) =>
          !offerOf.has(f) &&
          f.sentAt - SLACK_MS <= offer.offered_at &&
          offer.offered_at <= f.answeredAt + SLACK_MS,
      );
    if (!freeing) {
      unexplainedOffers++;
      continue;
    }
    offerOf.set(freeing, offer);
    offerStampedMs.push(Math.max(0, offer.offered_at - freeing.sentAt));
    offerCommittedMs.push(freeing.answeredAt - freeing.sentAt);
  }

  const waiterOf = new Map<string, Waiter>(
    options.people.map((p, i) => [p.applicationId, storm.waiters[i]!]),
  );
  const mailedMs: number[] = [];
  const learnedMs: number[] = [];
  const offerToBookedMs: number[] = [];
  for (const offer of offers) {
    const waiter = waiterOf.get(offer.application_id);
    if (!waiter) continue;
    if (waiter.mailAt !== undefined) mailedMs.push(waiter.mailAt - offer.offered_at);
    if (waiter.learnedAt !== undefined) learnedMs.push(waiter.learnedAt - offer.offered_at);
    if (waiter.accepted) offerToBookedMs.push(waiter.accepted.answeredAt - offer.offered_at);
  }

  const freedToResoldMs: number[] = [];
  let unresolved = 0;
  for (const cancel of storm.cancels.filter((c) => c.status === 200)) {
    let offer = offerOf.get(cancel);
    let resoldAt: number | undefined;
    for (let hops = 0; offer && hops < 1_000; hops++) {
      const waiter = waiterOf.get(offer.application_id);
      if (waiter?.accepted) {
        resoldAt = waiter.accepted.answeredAt;
        break;
      }
      offer = waiter?.declined ? offerOf.get(waiter.declined) : undefined;
    }
    if (resoldAt === undefined) unresolved++;
    else freedToResoldMs.push(resoldAt - cancel.sentAt);
  }

  const freeings = storm.cancels.filter((c) => c.status === 200).length + storm.declines.length;
  return {
    offerStampedMs,
    offerCommittedMs,
    mailedMs,
    learnedMs,
    offerToBookedMs,
    freedToResoldMs,
    offers: offers.length,
    unexplainedOffers,
    freeingsWithoutOffer: freeings - offerOf.size,
    unresolved,
    learnedVia: {
      mail: storm.waiters.filter((w) => w.learnedVia === 'mail').length,
      app: storm.waiters.filter((w) => w.learnedVia === 'app').length,
    },
  };
}

/** The day's end state in the database: who holds the seats, how the entries ended, order kept. */
export async function endState(db: Database, sessionIds: readonly string[]) {
  const [resold] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from bookings b
        join applications a on a.id = b.application_id
        join waitlist_entries e on e.application_id = b.application_id and e.status = 'BOOKED'
        where b.session_id in ${inList(sessionIds)} and b.released_at is null and a.status = 'AWAITING_PAYMENT'`,
  );
  const entries = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from waitlist_entries group by status order by status`,
  );
  const offers = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from waitlist_offers group by status order by status`,
  );
  const [most] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(max(c), 0)::int as n from (select count(*) as c from waitlist_offers group by entry_id) x`,
  );
  // Entries still waiting that joined before one that was served: a seat went past them.
  const [skipped] = await queryRows<{ n: number }>(
    db,
    sql`with last_served as (
          select behind, joined_at, id from waitlist_entries where status <> 'WAITING'
          order by behind desc, joined_at desc, id desc limit 1)
        select count(*)::int as n from waitlist_entries w, last_served l
        where w.status = 'WAITING' and (w.behind, w.joined_at, w.id) < (l.behind, l.joined_at, l.id)`,
  );
  return {
    resold: Number(resold?.n ?? 0),
    entries: Object.fromEntries(entries.map((e) => [e.status, Number(e.n)])),
    offers: Object.fromEntries(offers.map((o) => [o.status, Number(o.n)])),
    mostOffersPerEntry: Number(most?.n ?? 0),
    skippedInOrder: Number(skipped?.n ?? 0),
  };
}

/**
 * Two of the waitlist's own statements timed alone after the storm, on what it left (thousands still
 * waiting), 10 times each, the median. Copies of the server's (modules/scheduling/waitlist-repository.ts,
 * keep them in step), as the bare-SQL runs copy the seat's UPDATE: `nextEntryFor`, the next entry for a
 * freed seat (in a transaction rolled back, as it locks the entry), and `sessionsWithSeatsForWaitlist`,
 * the job's search for unsold seats that runs every JOB_INTERVAL_MS in every server process.
 */
export async function timeServerQueries(db: Database, sessionId: string, now: Date) {
  const median = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    return Math.round(times.sort((a, b) => a - b)[5]! * 10) / 10;
  };
  const rollback = new Error('rollback');
  const nextEntryMs = await median(() =>
    db
      .transaction(async (tx) => {
        await tx.execute(
          sql`select e.* from waitlist_entries e inner join sessions s on s.id = ${sessionId}
              where e.status = 'WAITING' and s.office_code = any(e.office_codes) and s.service = any(e.pools)
                and s.date between e.date_from and e.date_to
              order by e.behind, e.joined_at, e.id limit 1 for update of e skip locked`,
        );
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      }),
  );
  const { offerHoldMinutes, releaseGraceMinutes } = defaultWaitlistSettings;
  const releasedBefore = new Date(now.getTime() - releaseGraceMinutes * 60_000);
  const startsAfter = new Date(now.getTime() + (offerHoldMinutes + 120) * 60_000);
  const jobSearchMs = await median(() =>
    db.execute(
      sql`with wanted as (
            select distinct unnest(office_codes) as office_code from waitlist_entries where status = 'WAITING')
          select s.id from sessions s join wanted w on w.office_code = s.office_code
          where s.booked < s.capacity and s.released_at <= ${releasedBefore} and s.starts_at > ${startsAfter}
            and exists (select 1 from waitlist_entries e
                        where e.status = 'WAITING' and s.office_code = any(e.office_codes)
                          and s.service = any(e.pools) and s.date between e.date_from and e.date_to)
          order by s.starts_at limit 50`,
    ),
  );
  const [free] = await queryRows<{ sessions: number; waiting: number }>(
    db,
    sql`select (select count(*)::int from sessions where booked < capacity and released_at <= ${releasedBefore}
                  and starts_at > ${startsAfter}) as sessions,
               (select count(*)::int from waitlist_entries where status = 'WAITING') as waiting`,
  );
  return { nextEntryMs, jobSearchMs, freeSessions: Number(free!.sessions), waiting: Number(free!.waiting) };
}

/** p50 / p99 of some milliseconds, rounded, as the table shows them. */
export function p50p99(values: readonly number[]): string {
  if (values.length === 0) return '–';
  const s = latencySummary(values);
  return `${Math.round(s.p50)} / ${Math.round(s.p99)}`;
}
