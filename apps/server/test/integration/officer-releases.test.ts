import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficerReleases } from '#shared/contracts/officer-releases.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { prepareApplicants } from '../support/booking-fixtures.ts';
import { join, limitReleaseSeats, moveClockTo, nextRelease, waitFor } from '../support/releases.ts';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.ts';
import { demoOfficers, officerCall, officerSession } from '../support/visit.ts';

/**
 * The console's quota release page (issue 14 item 4): `GET /officer/releases` shows an office's next
 * and recent releases and the queue running now, to any officer of that office; headquarters names the
 * office; another office's officer finds nothing (404), like an application outside their office.
 */
const OFFICE = 'JAKARTA_SELATAN';
const SEATS = 2;
const base = testConfig();
let t: TestApp;
const clock = () => t.clock as SimulatedClock;
const sessions = new Map<string, { token: string }>();
const as = (username: string, query = '') =>
  officerCall(t.app, sessions.get(username)!, 'GET', `/releases${query}`);

/** Officers log in again after the clock moves days ahead (their sessions would have ended). */
async function logIn() {
  const demo = await demoOfficers(t.app);
  for (const username of ['loket.jakarta-selatan', 'spv.jakarta-selatan', 'spv.bandung', 'admin.pusat']) {
    sessions.set(
      username,
      await officerSession(
        t.app,
        demo.find((o) => o.username === username)!,
      ),
    );
  }
}

beforeAll(async () => {
  t = await createTestApp({ config: { releases: { ...base.releases, tickMs: 50, admitPerSecond: 100 } } });
  await logIn();
});
afterAll(() => t.close());

describe('who sees an office’s releases', () => {
  it('when any officer of the office asks, then they see its next release', async () => {
    const answer = await as('loket.jakarta-selatan');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ officeCode: OFFICE, live: [] });
    expect((answer.body as unknown as OfficerReleases).next?.releaseAt).toBe(
      (await nextRelease(t.app, OFFICE)).toISOString(),
    );
  });

  it('when an officer of another office names this one, then it does not exist for them (404)', async () => {
    expect((await as('spv.bandung', `?office=${OFFICE}`)).status).toBe(404);
    expect((await as('spv.bandung')).body).toMatchObject({ officeCode: 'BANDUNG' });
  });

  it('when headquarters asks, then it must name an office (403), and any office is open to it', async () => {
    expect((await as('admin.pusat')).status).toBe(403);
    expect((await as('admin.pusat', `?office=${OFFICE}`)).body).toMatchObject({ officeCode: OFFICE });
    expect((await as('admin.pusat', '?office=NO_SUCH_OFFICE')).status).toBe(404);
  });

  it('when an applicant’s token or none is sent, then 401', async () => {
    const [person] = await prepareApplicants(t.db.db, 1, { now: clock().now() });
    const response = await t.app.inject({
      url: '/api/v1/officer/releases',
      headers: { authorization: `Bearer ${person!.token}` },
    });
    expect(response.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/officer/releases' })).statusCode).toBe(401);
  });
});

describe('a queue running at the office', () => {
  it('when people join, the order is drawn and seats go, then the figures follow', async () => {
    const releaseAt = await nextRelease(t.app, OFFICE);
    moveClockTo(clock(), new Date(releaseAt.getTime() - 10 * 60_000));
    await logIn();
    const people = await prepareApplicants(t.db.db, 4, { now: clock().now() });
    await limitReleaseSeats(t.db.db, OFFICE, releaseAt, SEATS);
    for (const person of people) expect((await join(t.app, OFFICE, person)).statusCode).toBe(201);

    const waiting = (await as('spv.jakarta-selatan')).body as unknown as OfficerReleases;
    expect(waiting.live).toEqual([
      expect.objectContaining({
        releaseAt: releaseAt.toISOString(),
        drawn: false,
        tickets: 4,
        waiting: 4,
        admitted: 0,
        seatsLeft: SEATS,
      }),
    ]);
    expect(waiting.releases[0]).toMatchObject({ seed: null, tickets: 4, drawnAt: null });
    expect(waiting.releases[0]!.seedHash).toMatch(/^[0-9a-f]{64}$/);

    moveClockTo(clock(), new Date(releaseAt.getTime() + 1_000));
    const admitted = await waitFor(
      async () => (await as('spv.jakarta-selatan')).body as unknown as OfficerReleases,
      (answer) => answer.live[0]?.admitted === SEATS,
    );
    // Never more admitted than seats left: the other two wait their turn.
    expect(admitted.live[0]).toMatchObject({ drawn: true, admitted: SEATS, waiting: 2, outstanding: SEATS });
    expect(admitted.releases[0]!.seed).toMatch(/\S/);
  });
});
