import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { prepareApplicants, sessionCounter, type ReadyApplicant } from '../support/booking-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { doubleOffers, seatLedgerMismatches, until, waitlistCall } from '../support/waitlist.ts';

/**
 * Issue 15, the waitlist's order and its other doors: a no-show of the past 6 months waits behind;
 * seats left unsold after their release (or in a session an office adds) are offered too; booking
 * directly or leaving takes the entry off and passes a held seat on; a radius covers nearby offices.
 */
const OFFICE = 'BANDUNG';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let t: TestApp;
let people: ReadyApplicant[];
// Far enough ahead that no session of it is released yet: no free seat, so anyone may wait for it.
let from: string;
let to: string;

const clock = () => t.clock as SimulatedClock;
const entryOf = async (who: ReadyApplicant) => (await waitlistCall(t.app, who, '')).json();
const join = (who: ReadyApplicant, extra: object = {}) =>
  waitlistCall(t.app, who, '', 'POST', { officeCode: OFFICE, from, to, ...extra });
/** Releases one session of the range with `seats` free seats, as if released 20 minutes ago. */
async function releaseUnsold(seats: number): Promise<string> {
  const released = new Date(t.clock.now().getTime() - 20 * MINUTE);
  // Sessions of the range exist once the office's calendar was read far enough (horizon).
  await t.app.inject({ url: `/api/v1/offices/${OFFICE}/sessions?from=${from}&to=${to}` });
  const [row] = await queryRows<{ id: string }>(
    t.db.db,
    sql`update sessions set capacity = ${seats}, booked = 0, released_at = ${released}
        where id = (select id from sessions where office_code = ${OFFICE} and service = 'REGULAR'
                      and date between ${from} and ${to} and booked = 0 order by starts_at limit 1)
        returning id`,
  );
  if (!row) throw new Error('no session in the range');
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  people = await prepareApplicants(t.db.db, 8, { now: t.clock.now() });
  const start = new Date(t.clock.now().getTime() + 40 * DAY).toISOString().slice(0, 10);
  from = start;
  to = new Date(Date.parse(`${start}T00:00:00Z`) + 5 * DAY).toISOString().slice(0, 10);
});
afterAll(async () => {
  await t?.close();
});

describe('when someone with a no-show in the past 6 months joined first', () => {
  it('then the one who joined after gets the seat first, and the no-show waits behind', async () => {
    const [repeat, punctual, other] = people as [ReadyApplicant, ReadyApplicant, ReadyApplicant];
    await t.db.db.execute(
      sql`update applications set applicant_nik = ${repeat.nik}, status = 'NO_SHOW'
          where id = ${other.applicationId}`,
    );
    await t.db.db.execute(
      sql`insert into application_history (application_id, status, at, actor)
          values (${other.applicationId}, 'NO_SHOW', ${new Date(t.clock.now().getTime() - 60 * DAY)}, 'SYSTEM')`,
    );
    expect((await join(repeat)).json()).toMatchObject({ status: 'WAITING', behind: true, position: 1 });
    clock().advance(1_000);
    expect((await join(punctual)).json()).toMatchObject({ status: 'WAITING', behind: false, position: 1 });
    expect((await entryOf(repeat)).position).toBe(2);

    const sessionId = await releaseUnsold(1);
    const offered = await until(
      () => entryOf(punctual),
      (e) => e.status === 'OFFERED',
    );
    expect(offered.offer.sessionId).toBe(sessionId);
    expect((await entryOf(repeat)).status).toBe('WAITING');
    expect(await sessionCounter(t.db.db, sessionId)).toEqual({ capacity: 1, booked: 1 });

    // Leaving passes the held seat to the next (the no-show, now alone in line).
    const left = await waitlistCall(t.app, punctual, '', 'DELETE');
    expect(left.statusCode).toBe(204);
    expect((await entryOf(punctual)).status).toBe('LEFT');
    expect((await entryOf(repeat)).offer.sessionId).toBe(sessionId);

    // Booking another seat directly takes the entry off, and its offer goes back (nobody else waits).
    const direct = await releaseUnsoldDirect();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${repeat.applicationId}/submit`,
      headers: { authorization: `Bearer ${repeat.token}` },
      payload: { sessionId: direct },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await entryOf(repeat)).status).toBe('LEFT');
    expect(await sessionCounter(t.db.db, sessionId)).toEqual({ capacity: 1, booked: 0 });
    expect(await seatLedgerMismatches(t.db.db)).toEqual([]);
    expect(await doubleOffers(t.db.db)).toEqual([]);
  });
});

describe('when a radius is chosen', () => {
  it('then the entry waits at every office within it that issues the passport kind', async () => {
    const who = people[3]!;
    // Further ahead than any office releases: no seat free at any of them.
    const later = new Date(t.clock.now().getTime() + 70 * DAY).toISOString().slice(0, 10);
    const joined = await join(who, { radiusKm: 100, from: later, to: later });
    expect(joined.statusCode, joined.body).toBe(201);
    const entry = joined.json();
    expect(entry.officeCodes[0]).toBe(OFFICE);
    const near = (await t.app.inject({ url: '/api/v1/offices?near=-6.9175,107.6191&limit=200' })).json() as {
      code: string;
      distanceKm: number;
    }[];
    const within = near.filter((o) => o.distanceKm <= 100).map((o) => o.code);
    expect(entry.officeCodes.length).toBeGreaterThan(1);
    for (const code of entry.officeCodes) expect(within).toContain(code);
    expect((await waitlistCall(t.app, who, '', 'DELETE')).statusCode).toBe(204);
  });
});

describe('when the request is wrong', () => {
  it('then a clear 4xx, and nothing is written', async () => {
    const who = people[4]!;
    const cases = [
      { body: { officeCode: OFFICE, from: to, to: from }, status: 422 },
      { body: { officeCode: OFFICE, from, to: '2027-13-01' }, status: 422 },
      { body: { officeCode: OFFICE, from, to, radiusKm: 500 }, status: 422 },
      { body: { officeCode: 'NOPE', from, to }, status: 404 },
      { body: { officeCode: OFFICE, from, to, extra: 1 }, status: 422 },
    ];
    for (const { body, status } of cases) {
      const answer = await waitlistCall(t.app, who, '', 'POST', body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(status);
      expect(answer.headers['content-type']).toContain('application/problem+json');
    }
    expect(await entryOf(who)).toBeNull();
    // Someone else's application: as if it did not exist.
    const stranger = people[5]!;
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${who.applicationId}/waitlist`,
      headers: { authorization: `Bearer ${stranger.token}` },
      payload: { officeCode: OFFICE, from, to },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await waitlistCall(t.app, who, '/offer/decline')).json().code).toBe('NO_OPEN_OFFER');
  });
});

/** Another session of the range with a free seat, released now (bookable directly). */
async function releaseUnsoldDirect(): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.db.db,
    sql`update sessions set capacity = 1, booked = 0, released_at = ${t.clock.now()}
        where id = (select id from sessions where office_code = ${OFFICE} and service = 'REGULAR'
                      and date between ${from} and ${to} and booked = 0 and released_at > ${t.clock.now()}
                    order by starts_at limit 1)
        returning id`,
  );
  return row!.id;
}
