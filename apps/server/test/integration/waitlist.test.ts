import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import {
  getInProcess,
  listSessions,
  pickTargetSession,
  prepareApplicants,
  sessionCounter,
  type ReadyApplicant,
} from '../support/booking-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  doubleOffers,
  onlySessionOfItsDay,
  seatLedgerMismatches,
  until,
  waitlistCall,
} from '../support/waitlist.ts';

/**
 * Issue 15, the waitlist: a freed seat goes to the next entry as an offer held 30 minutes; a lapse or a
 * decline passes it on, cascading; accepting it is the submit. Runs on PGlite, and on PostgreSQL when
 * DATABASE_URL is set. The system test races the same across two server processes.
 */
const OFFICE = 'BANDUNG';
const MINUTE = 60_000;
let t: TestApp;
let people: ReadyApplicant[];
let holder: ReadyApplicant;
let waiting: ReadyApplicant[];
let sessionId: string;
let day: string;

const clock = () => t.clock as SimulatedClock;
const jobsRan = () => new Promise((resolve) => setTimeout(resolve, 400));
const entryOf = async (who: ReadyApplicant) => (await waitlistCall(t.app, who, '')).json();
async function ledgerHolds() {
  expect(await seatLedgerMismatches(t.db.db)).toEqual([]);
  expect(await doubleOffers(t.db.db)).toEqual([]);
}

beforeAll(async () => {
  t = await createTestApp();
  people = await prepareApplicants(t.db.db, 6, { now: t.clock.now() });
  [holder, ...waiting] = people as [ReadyApplicant, ...ReadyApplicant[]];
  sessionId = await pickTargetSession(t.db.db, getInProcess(t.app), OFFICE, 1, {
    now: t.clock.now(),
    minLeadMs: 48 * 60 * MINUTE,
  });
  day = await onlySessionOfItsDay(t.db.db, sessionId);
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${holder.applicationId}/submit`,
    headers: { authorization: `Bearer ${holder.token}` },
    payload: { sessionId },
  });
  expect(submitted.statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('when three complete drafts join the waitlist of a full day', () => {
  it('then each is WAITING in the order it joined; a second join and a day with seats are refused', async () => {
    for (const who of waiting.slice(0, 3)) {
      const joined = await waitlistCall(t.app, who, '', 'POST', { officeCode: OFFICE, from: day, to: day });
      expect(joined.statusCode, joined.body).toBe(201);
      clock().advance(1_000);
    }
    expect((await Promise.all(waiting.slice(0, 3).map(entryOf))).map((e) => [e.status, e.position])).toEqual([
      ['WAITING', 1],
      ['WAITING', 2],
      ['WAITING', 3],
    ]);
    const again = await waitlistCall(t.app, waiting[0]!, '', 'POST', {
      officeCode: OFFICE,
      from: day,
      to: day,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('WAITLIST_ALREADY_JOINED');
    const free = (await listSessions(getInProcess(t.app), OFFICE)).find(
      (s) => s.service === 'REGULAR' && s.available > 0,
    )!;
    const open = await waitlistCall(t.app, waiting[3]!, '', 'POST', {
      officeCode: OFFICE,
      from: free.date,
      to: free.date,
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('WAITLIST_SEATS_AVAILABLE');
    expect(await entryOf(waiting[3]!)).toBeNull();
  });
});

describe('when the seat frees: the first lets the offer lapse, the second declines, the third books', () => {
  it('then the seat is held for one entry at a time and ends booked by the third', async () => {
    const [first, second, third] = waiting as [ReadyApplicant, ReadyApplicant, ReadyApplicant];
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${holder.applicationId}/cancel`,
      headers: { authorization: `Bearer ${holder.token}` },
    });
    expect(cancelled.statusCode).toBe(200);

    // Held for the first at once, in the cancel's own transaction: never on the calendar meanwhile.
    const offered = await entryOf(first);
    expect(offered.status).toBe('OFFERED');
    expect(offered.offer).toMatchObject({ sessionId, officeCode: OFFICE, date: day });
    expect(Date.parse(offered.offer.expiresAt) - t.clock.now().getTime()).toBe(30 * MINUTE);
    expect(await sessionCounter(t.db.db, sessionId)).toEqual({ capacity: 1, booked: 1 });
    const listed = (await listSessions(getInProcess(t.app), OFFICE)).find((s) => s.id === sessionId);
    expect(listed?.available).toBe(0);
    expect((await entryOf(second)).position).toBe(1);
    await ledgerHolds();

    // The offer is told by e-mail (the announce job), once.
    const told = await until(
      () => offerMails(first.applicationId),
      (n) => n > 0,
    );
    expect(told).toBe(1);

    // Someone else cannot take the held seat by submitting.
    const grab = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${waiting[4]!.applicationId}/submit`,
      headers: { authorization: `Bearer ${waiting[4]!.token}` },
      payload: { sessionId },
    });
    expect(grab.json().code).toBe('SESSION_FULL');

    clock().advance(29 * MINUTE);
    await jobsRan();
    expect((await entryOf(first)).status).toBe('OFFERED');
    clock().advance(2 * MINUTE);
    const lapsed = await until(
      () => entryOf(first),
      (e) => e.status === 'LAPSED',
    );
    expect(lapsed).toMatchObject({ status: 'LAPSED', offer: null });
    const secondOffer = await until(
      () => entryOf(second),
      (e) => e.status === 'OFFERED',
    );
    expect(secondOffer.offer.sessionId).toBe(sessionId);
    expect((await waitlistCall(t.app, first, '/offer/accept')).json().code).toBe('NO_OPEN_OFFER');
    await ledgerHolds();

    expect((await waitlistCall(t.app, second, '/offer/decline')).statusCode).toBe(204);
    expect((await entryOf(second)).status).toBe('DECLINED');
    expect((await entryOf(third)).status).toBe('OFFERED');
    await ledgerHolds();

    const accepted = await waitlistCall(t.app, third, '/offer/accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'AWAITING_PAYMENT',
      appointment: { sessionId, date: day },
      billing: { status: 'PENDING' },
    });
    expect(accepted.json().history.at(-1).note).toBe('Kursi dari daftar tunggu');
    expect((await entryOf(third)).status).toBe('BOOKED');
    expect(await sessionCounter(t.db.db, sessionId)).toEqual({ capacity: 1, booked: 1 });
    await ledgerHolds();
  });
});

describe('when a seat frees too close to its session for an offer and its payment', () => {
  it('then it goes back on the calendar although people wait', async () => {
    const [late, lateWaiter] = [waiting[3]!, waiting[4]!];
    const [row] = await queryRows<{ id: string }>(
      t.db.db,
      sql`update sessions set capacity = 1, booked = 0, released_at = least(released_at, ${t.clock.now()})
          where id = (select id from sessions
                      where office_code = ${OFFICE} and service = 'REGULAR' and date <> ${day}
                        and starts_at > ${new Date(t.clock.now().getTime() + 180 * MINUTE)}
                      order by starts_at limit 1)
          returning id`,
    );
    const soon = row!.id;
    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${late.applicationId}/submit`,
      headers: { authorization: `Bearer ${late.token}` },
      payload: { sessionId: soon },
    });
    expect(submit.statusCode, submit.body).toBe(200);
    const [day2] = await queryRows<{ date: string }>(
      t.db.db,
      sql`select date::text as date from sessions where id = ${soon}`,
    );
    const date = day2!.date;
    await onlySessionOfItsDay(t.db.db, soon);
    const joined = await waitlistCall(t.app, lateWaiter, '', 'POST', {
      officeCode: OFFICE,
      from: date,
      to: date,
    });
    expect(joined.statusCode, joined.body).toBe(201);
    // The session now starts in 2 hours: less than 30 minutes of hold plus 2 hours to pay.
    await t.db.db.execute(
      sql`update sessions set starts_at = ${new Date(t.clock.now().getTime() + 120 * MINUTE)} where id = ${soon}`,
    );
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${late.applicationId}/cancel`,
      headers: { authorization: `Bearer ${late.token}` },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(await sessionCounter(t.db.db, soon)).toEqual({ capacity: 1, booked: 0 });
    expect((await entryOf(lateWaiter)).status).toBe('WAITING');
    await ledgerHolds();
  });
});

async function offerMails(applicationId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.db.db,
    sql`select count(*)::int as n from notification_outbox o
        join applications a on a.id = ${applicationId}::uuid
        join accounts c on c.id = a.account_id
        where o.template = 'waitlist.offer' and o.recipient = c.email`,
  );
  return Number(row?.n ?? 0);
}
