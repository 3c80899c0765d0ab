import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseRecord, TicketView } from '#shared/contracts/releases.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { drawOrder } from '../../src/modules/releases/index.ts';
import { prepareApplicants, type ReadyApplicant } from '../support/booking-fixtures.ts';
import {
  join,
  limitReleaseSeats,
  moveClockTo,
  nextRelease,
  readTicket,
  spearman,
  waitFor,
} from '../support/releases.ts';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.ts';

/**
 * Issue 14: the waiting room of a quota release — one ticket per NIK and account, a drawn order that
 * anyone can re-derive and that owes nothing to who joined first, admissions that submit requires
 * while the release runs, and SOLD_OUT for everyone still waiting as soon as the last seat goes.
 */
const OFFICE = 'BANDUNG';
const SEATS = 5;
const base = testConfig();
let t: TestApp;
const clock = () => t.clock as SimulatedClock;
beforeAll(async () => {
  t = await createTestApp({ config: { releases: { ...base.releases, tickMs: 50, admitPerSecond: 100 } } });
});
afterAll(() => t.close());

const ticketOf = async (a: ReadyApplicant, id: string) => readTicket(t.app, OFFICE, a.token, id);

describe('a release queue', () => {
  let releaseAt: Date;
  let people: ReadyApplicant[];
  const tickets = new Map<string, TicketView>();
  /** Ticket ids in drawn order. */
  let drawn: string[] = [];
  const holderOf = (ticketId: string) => people.find((p) => tickets.get(p.applicationId)!.id === ticketId)!;

  it('when the queue is not open yet, then joining says when it opens', async () => {
    releaseAt = await nextRelease(t.app, OFFICE);
    moveClockTo(clock(), new Date(releaseAt.getTime() - 16 * 60_000));
    const [early] = await prepareApplicants(t.db.db, 1, { now: clock().now() });
    const response = await join(t.app, OFFICE, early!);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'RELEASE_QUEUE_NOT_OPEN' });
    expect(response.json().detail).toContain('Antrean berikutnya dibuka');
    moveClockTo(clock(), new Date(releaseAt.getTime() - 10 * 60_000));
    people = await prepareApplicants(t.db.db, 1_000, { now: clock().now() });
  });

  it('when 1,000 people join in a known order, then each gets one ticket; joining again returns it', async () => {
    for (const person of people) {
      const response = await join(t.app, OFFICE, person);
      expect(response.statusCode, response.body).toBe(201);
      tickets.set(person.applicationId, response.json<TicketView>());
    }
    const again = await join(t.app, OFFICE, people[3]!);
    expect(again.statusCode).toBe(200);
    expect(again.json<TicketView>().id).toBe(tickets.get(people[3]!.applicationId)!.id);
    expect(again.json<TicketView>()).toMatchObject({ state: 'WAITING_FOR_DRAW', position: null });
  });

  it('when the release instant comes, then the order is drawn from a seed committed before', async () => {
    const committed = tickets.get(people[0]!.applicationId)!.seedHash;
    await limitReleaseSeats(t.db.db, OFFICE, releaseAt, SEATS);
    moveClockTo(clock(), new Date(releaseAt.getTime() + 1_000));
    const first = await waitFor(
      () => ticketOf(people[0]!, tickets.get(people[0]!.applicationId)!.id),
      (ticket) => ticket.position !== null,
    );
    expect(first.state).not.toBe('WAITING_FOR_DRAW');
    const record = (await t.app.inject({ url: `/api/v1/offices/${OFFICE}/releases` }))
      .json<{ releases: ReleaseRecord[] }>()
      .releases.find((r) => r.releaseAt === releaseAt.toISOString())!;
    expect(record.seedHash).toBe(committed);
    expect(createHash('sha256').update(record.seed!).digest('hex')).toBe(committed);
    expect(record).toMatchObject({ tickets: 1_000, drawnTickets: 1_000 });

    const draw = (await t.app.inject({ url: `/api/v1/offices/${OFFICE}/releases/${record.id}` })).json<{
      order: { ticketId: string; position: number }[];
    }>();
    const joinOrder = people.map((p) => tickets.get(p.applicationId)!.id);
    expect(draw.order.map((o) => o.ticketId)).toEqual(drawOrder(record.seed!, joinOrder));
    drawn = draw.order.map((o) => o.ticketId);
    const positionOf = new Map(draw.order.map((o) => [o.ticketId, o.position]));
    const rho = spearman(
      joinOrder.map((_, i) => i),
      joinOrder.map((id) => positionOf.get(id)!),
    );
    expect(Math.abs(rho)).toBeLessThan(0.1);
  });

  it('then tickets are admitted in the drawn order, never more than the seats left', async () => {
    const seats = SEATS;
    const firstTen = () => Promise.all(drawn.slice(0, 10).map((id) => ticketOf(holderOf(id), id)));
    // The people ahead come from the window's counts, which may be a second older than the tickets.
    const states = await waitFor(
      firstTen,
      (all) => all.filter((x) => x.state === 'ADMITTED').length === seats && all[seats]!.ahead === 0,
    );
    expect(states.map((x) => x.state)).toEqual([
      ...Array<string>(seats).fill('ADMITTED'),
      ...Array<string>(10 - seats).fill('QUEUED'),
    ]);
    expect(states[seats]).toMatchObject({ position: seats + 1, ahead: 0 });
    expect(states[9], JSON.stringify(states[9])).toMatchObject({ position: 10, ahead: 10 - seats - 1 });
    expect(states[0]!.admission?.token).toBeTruthy();
  });
});
