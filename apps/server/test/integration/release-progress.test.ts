import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseProgress, TicketView } from '#shared/contracts/releases.ts';
import { ticketProgress } from '#shared/release-progress.ts';
import {
  createJoining,
  drawKey,
  type ReleaseSettings,
  type ReleasesDeps,
} from '../../src/modules/releases/index.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { prepareApplicants, type ReadyApplicant } from '../support/booking-fixtures.ts';
import {
  join,
  limitReleaseSeats,
  moveClockTo,
  nextRelease,
  readTicket,
  submit,
  waitFor,
} from '../support/releases.ts';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.ts';

/**
 * Issue 14: a crowd in the waiting room follows its release's public progress, one cached answer a
 * second, instead of reading each ticket; what a ticket shows from the progress is what reading the
 * ticket itself says, and the progress tells when the ticket must be read (drawn, its turn, the end).
 */
const OFFICE = 'BANDUNG';
const PEOPLE = 8;
const SEATS = 3;
const base = testConfig();
let t: TestApp;
const clock = () => t.clock as SimulatedClock;
beforeAll(async () => {
  // Two admissions per second of the standing simulated clock: nothing moves unless the test moves it.
  t = await createTestApp({ config: { releases: { ...base.releases, tickMs: 50, admitPerSecond: 2 } } });
});
afterAll(() => t.close());

const progressUrl = (office: string, releaseId: string) =>
  `/api/v1/offices/${office}/releases/${releaseId}/progress`;

describe('following a release through its public progress', () => {
  let people: ReadyApplicant[];
  let joined: TicketView[];
  let releaseId: string;
  let sessionId: string;
  const progress = async () => {
    const response = await t.app.inject({ url: progressUrl(OFFICE, releaseId) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ReleaseProgress>();
  };
  const ticketsNow = () =>
    Promise.all(people.map((p, i) => readTicket(t.app, OFFICE, p.token, joined[i]!.id)));
  const shown = (view: TicketView) => ({
    approximate: false,
    state: view.state,
    position: view.position,
    ahead: view.ahead,
    estimatedWaitSeconds: view.estimatedWaitSeconds,
    seatsLeft: view.seatsLeft,
  });

  it('when people join before the instant, then the progress, read without logging in, says they wait for the draw', async () => {
    const releaseAt = await nextRelease(t.app, OFFICE);
    moveClockTo(clock(), new Date(releaseAt.getTime() - 10 * 60_000));
    people = await prepareApplicants(t.db.db, PEOPLE, { now: clock().now() });
    sessionId = await limitReleaseSeats(t.db.db, OFFICE, releaseAt, SEATS);
    joined = [];
    for (const person of people) joined.push((await join(t.app, OFFICE, person)).json<TicketView>());
    releaseId = joined[0]!.releaseId;
    expect(new Set(joined.map((j) => j.releaseId))).toEqual(new Set([releaseId]));
    expect(joined[0]!.pools.length).toBeGreaterThan(0);

    // A second stale at most: the first join's answer may still be the one kept.
    const before = await waitFor(progress, (p) => p.waiting === PEOPLE);
    expect(before).toMatchObject({
      id: releaseId,
      officeCode: OFFICE,
      releaseAt: releaseAt.toISOString(),
      drawnAt: null,
      closedAt: null,
      nextPosition: null,
      waiting: PEOPLE,
    });
    for (const ticket of joined) expect(ticketProgress(ticket, before)).toEqual(shown(ticket));
  });

  it('then it is public, kept a second by anyone, and answers 304 while nothing changed', async () => {
    const first = await t.app.inject({ url: progressUrl(OFFICE, releaseId) });
    expect(first.headers['cache-control']).toBe('public, max-age=1');
    const again = await t.app.inject({
      url: progressUrl(OFFICE, releaseId),
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('then a release unknown, of another office, or not an id is a clear 4xx', async () => {
    const unknown = await t.app.inject({ url: progressUrl(OFFICE, '00000000-0000-4000-8000-000000000000') });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.app.inject({ url: progressUrl('JAKARTA_SELATAN', releaseId) })).statusCode).toBe(404);
    const malformed = await t.app.inject({ url: progressUrl(OFFICE, 'not-an-id') });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION' });
  });

  it('when the order is drawn, then each queued ticket shows from the progress what reading it says; the admitted one must be read', async () => {
    moveClockTo(clock(), new Date(Date.parse(joined[0]!.releaseAt) + 1_000));
    // One admission (the draw's tick) and then none while the simulated clock stands.
    const drawn = await waitFor(progress, (p) => p.drawnAt !== null && p.nextPosition === 2);
    expect(drawn).toMatchObject({
      nextPosition: 2,
      lastPosition: PEOPLE,
      waiting: PEOPLE - 1,
      outstanding: 1,
    });
    const views = await ticketsNow();
    expect(await progress()).toEqual(drawn);
    // What the phone knew before the draw, with the place the draw gave it.
    const placed = (view: TicketView, i: number) => ({
      ...joined[i]!,
      state: 'QUEUED' as const,
      position: view.position,
    });
    views.forEach((view, i) => {
      if (view.state === 'QUEUED') expect(ticketProgress(placed(view, i), drawn)).toEqual(shown(view));
      else expect(view).toMatchObject({ state: 'ADMITTED', position: 1 });
    });
    const admitted = views.findIndex((v) => v.state === 'ADMITTED');
    expect(ticketProgress(placed(views[admitted]!, admitted), drawn)).toBeNull();
    // The published seed and the next key let a phone tell its turn from its own key, unread.
    const holder = views.find((v) => v.position === drawn.nextPosition)!;
    expect(drawn.nextDrawKey).toBe(drawKey(drawn.seed!, holder.id));
    for (const view of views) {
      expect(drawKey(drawn.seed!, view.id) < drawn.nextDrawKey!).toBe(view.position! < drawn.nextPosition!);
    }
    // Joined before the draw, a ticket not placed yet must be read: the place is in its own row.
    expect(ticketProgress(joined[0]!, drawn)).toBeNull();
  });

  it('when the crowd reads its tickets all at once, then each read waits its turn at the gate and gets its own ticket', async () => {
    // 32 reads at once; a process lets half its pool's worth use the database at a time (gate.ts).
    const rounds = await Promise.all(Array.from({ length: 4 }, ticketsNow));
    for (const views of rounds) expect(views.map((v) => v.id)).toEqual(joined.map((j) => j.id));
  });

  it('then operators read the queue, the admissions and the seats left in /metrics', async () => {
    const labels = `office="${OFFICE}",release_at="${joined[0]!.releaseAt}"`;
    const metric = async (name: string) => {
      const text = (await t.app.inject({ url: '/metrics' })).body;
      const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
      return line === undefined ? null : Number(line.split(' ').at(-1));
    };
    // One admitted of eight, three seats, none booked; the figures are at most a second old.
    const waiting = await waitFor(
      () => metric('release_queue_waiting'),
      (n) => n === PEOPLE - 1,
    );
    expect(waiting).toBe(PEOPLE - 1);
    expect(await metric('release_admissions_total')).toBe(1);
    expect(await metric('release_admissions_outstanding')).toBe(1);
    expect(await metric('release_seats_left')).toBe(SEATS);
  });

  it('when a join waited to share the window while the order was drawn, then it goes again in turn and gets the next place', async () => {
    const [late] = await prepareApplicants(t.db.db, 1, { now: clock().now() });
    const joining = createJoining({
      ...({} as ReleasesDeps),
      db: t.db.db,
      clock: t.clock,
      settings: base.releases as ReleaseSettings,
      seedKey: 'unused-by-join',
    });
    // The window as the join read it before the draw: it asks to share the lock, finds it drawn.
    const asReadBefore = { id: releaseId, drawnAt: null } as Parameters<typeof joining.join>[0];
    const { ticket, created } = await joining.join(asReadBefore, late!.accountId, late!.applicationId, {
      nik: late!.nik,
      pools: joined[0]!.pools,
    });
    expect(created).toBe(true);
    expect(ticket.position).toBe(PEOPLE + 1);
    expect((await waitFor(progress, (p) => p.lastPosition === PEOPLE + 1)).lastPosition).toBe(PEOPLE + 1);
  });

  it('when the last seat goes, then the progress says the room ended and every waiting ticket reads SOLD_OUT', async () => {
    let booked = 0;
    while (booked < SEATS) {
      const views = await waitFor(ticketsNow, (all) => all.some((v) => v.state === 'ADMITTED'));
      expect(views.some((v) => v.state === 'ADMITTED')).toBe(true);
      for (const [i, view] of views.entries()) {
        if (view.state !== 'ADMITTED') continue;
        const answer = await submit(t.app, people[i]!, sessionId, view.admission!.token);
        expect(answer.statusCode, answer.body).toBe(200);
        booked++;
      }
      clock().advance(1_000);
    }
    const ended = await waitFor(progress, (p) => p.closedAt !== null);
    expect(ended).toMatchObject({ seatsLeft: expect.any(Object) });
    expect(ended.soldOutAt).not.toBeNull();
    expect(Object.values(ended.seatsLeft).reduce((a, b) => a + b, 0)).toBe(0);
    const states = (await ticketsNow()).map((v) => v.state).sort();
    expect(states).toEqual([
      ...Array<string>(SEATS).fill('BOOKED'),
      ...Array<string>(PEOPLE - SEATS).fill('SOLD_OUT'),
    ]);
  });
});
