import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseRecord, TicketView } from '#shared/contracts/releases.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { prepareApplicants, type ReadyApplicant } from '../support/booking-fixtures.ts';
import {
  join,
  limitReleaseSeats,
  moveClockTo,
  nextRelease,
  readTicket,
  submit,
} from '../support/releases.ts';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.ts';

/**
 * Issue 14: while a release's queue runs, submit needs the admission of an admitted ticket — the
 * holder's own, for that application, not expired, not spent; nobody waits once the seats are gone;
 * after the window, booking is open to all again.
 */
const OFFICE = 'BANDUNG';
const SEATS = 3;
const base = testConfig();
let t: TestApp;
const clock = () => t.clock as SimulatedClock;
let sessionId: string;
/** The eight applicants in the drawn order, with their tickets. */
let queue: { person: ReadyApplicant; ticket: TicketView }[] = [];

const read = (i: number) => readTicket(t.app, OFFICE, queue[i]!.person.token, queue[i]!.ticket.id);
const admissionOf = async (i: number) => (await read(i)).admission?.token;

async function waitFor<T>(get: () => Promise<T>, done: (value: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  t = await createTestApp({ config: { releases: { ...base.releases, tickMs: 50, admitPerSecond: 100 } } });
  const releaseAt = await nextRelease(t.app, OFFICE);
  moveClockTo(clock(), new Date(releaseAt.getTime() - 10 * 60_000));
  const people = await prepareApplicants(t.db.db, 8, { now: clock().now() });
  sessionId = await limitReleaseSeats(t.db.db, OFFICE, releaseAt, SEATS);
  const tickets = new Map<string, { person: ReadyApplicant; ticket: TicketView }>();
  for (const person of people) {
    const ticket = (await join(t.app, OFFICE, person)).json<TicketView>();
    tickets.set(ticket.id, { person, ticket });
  }
  moveClockTo(clock(), new Date(releaseAt.getTime() + 1_000));
  const records = () => t.app.inject({ url: `/api/v1/offices/${OFFICE}/releases` });
  const record = await waitFor(
    async () => (await records()).json<{ releases: ReleaseRecord[] }>().releases[0]!,
    (r) => r.drawnAt !== null,
  );
  const draw = (await t.app.inject({ url: `/api/v1/offices/${OFFICE}/releases/${record.id}` })).json<{
    order: { ticketId: string }[];
  }>();
  queue = draw.order.map((o) => tickets.get(o.ticketId)!);
  await waitFor(
    () => read(SEATS - 1),
    (ticket) => ticket.state === 'ADMITTED',
  );
}, 60_000);
afterAll(() => t.close());

describe('submit during a release', () => {
  it('when the applicant has no admission, or someone else’s, or a forged one, then 403 ADMISSION_REQUIRED', async () => {
    const first = queue[0]!.person;
    expect((await read(SEATS)).state).toBe('QUEUED');
    const refusals = [
      await submit(t.app, queue[SEATS]!.person, sessionId),
      await submit(t.app, first, sessionId),
      await submit(t.app, first, sessionId, await admissionOf(1)),
      await submit(t.app, first, sessionId, `${queue[0]!.ticket.id}.9999999999.forged`),
    ];
    for (const response of refusals) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().code).toBe('ADMISSION_REQUIRED');
    }
  });

  it('when admitted, then the seat is booked with the billing code, and the ticket reads BOOKED', async () => {
    const response = await submit(t.app, queue[0]!.person, sessionId, await admissionOf(0));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'AWAITING_PAYMENT',
      billing: { code: expect.any(String) },
    });
    expect((await read(0)).state).toBe('BOOKED');
    const again = await submit(t.app, queue[1]!.person, sessionId, await admissionOf(0));
    expect(again.statusCode).toBe(403);
    expect((await submit(t.app, queue[1]!.person, sessionId, await admissionOf(1))).statusCode).toBe(200);
  });

  it('when an admission expires unused, then it is refused and the next ticket is admitted', async () => {
    const expiring = await admissionOf(2);
    clock().advance(base.releases.admissionMinutes * 60_000 + 1_000);
    const late = await submit(t.app, queue[2]!.person, sessionId, expiring);
    expect(late.statusCode).toBe(403);
    expect(late.json().detail).toMatch(/sudah habis/);
    expect((await read(2)).state).toBe('EXPIRED');
    expect(
      (
        await waitFor(
          () => read(SEATS),
          (x) => x.state === 'ADMITTED',
        )
      ).state,
    ).toBe('ADMITTED');
  });

  it('when the last seat goes, then everyone still waiting reads SOLD_OUT within 2 s', async () => {
    const booked = await submit(t.app, queue[SEATS]!.person, sessionId, await admissionOf(SEATS));
    expect(booked.statusCode, booked.body).toBe(200);
    const soldAt = Date.now();
    const waiting = queue.slice(SEATS + 1).map((_, k) => SEATS + 1 + k);
    const states = await waitFor(
      () => Promise.all(waiting.map((i) => read(i))),
      (all) => all.every((x) => x.state === 'SOLD_OUT'),
      2_000,
    );
    expect(states.map((x) => x.state)).toEqual(waiting.map(() => 'SOLD_OUT'));
    expect(Date.now() - soldAt).toBeLessThan(2_000);
  });

  it('when the window has ended, then booking is open to all again, without an admission', async () => {
    await waitFor(
      async () => (await t.app.inject({ url: `/api/v1/offices/${OFFICE}/releases` })).json(),
      (body: { releases: ReleaseRecord[] }) => body.releases[0]!.closedAt !== null,
    );
    // Submit reads a release's window at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const releaseAt = new Date(queue[0]!.ticket.releaseAt);
    await limitReleaseSeats(t.db.db, OFFICE, releaseAt, 1);
    const response = await submit(t.app, queue[SEATS + 1]!.person, sessionId);
    expect(response.statusCode, response.body).toBe(200);
  });
});
