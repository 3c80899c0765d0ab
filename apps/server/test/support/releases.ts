import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { OfficeReleases, TicketView } from '#shared/contracts/releases.ts';
import { queryRows, type Database } from '../../src/db/database.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';

/** Helpers for tests of the release queues (issue 14). */

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function nextRelease(app: FastifyInstance, office: string): Promise<Date> {
  const response = await app.inject({ url: `/api/v1/offices/${office}/releases` });
  if (response.statusCode !== 200) throw new Error(`releases: ${response.body}`);
  const next = response.json<OfficeReleases>().next;
  if (!next) throw new Error(`no upcoming release at ${office}`);
  return new Date(next.releaseAt);
}

/** Reads until `done` says so or `ms` pass; answers the last value read (the test's expect judges it). */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 5_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Moves a simulated clock forward to an instant (it never goes back). */
export function moveClockTo(clock: SimulatedClock, at: Date): void {
  const ms = at.getTime() - clock.now().getTime();
  if (ms > 0) clock.advance(ms);
}

/** Gives the release's sessions exactly `seats` seats in all, in its first REGULAR session. */
export async function limitReleaseSeats(db: Database, office: string, releaseAt: Date, seats: number) {
  const [first] = await queryRows<{ id: string }>(
    db,
    sql`select id from sessions where office_code = ${office} and released_at = ${releaseAt}
        and service = 'REGULAR' order by starts_at limit 1`,
  );
  if (!first) throw new Error('the release has no REGULAR session');
  await db.execute(sql`update sessions set capacity = booked
                       where office_code = ${office} and released_at = ${releaseAt}`);
  await db.execute(sql`update sessions set capacity = booked + ${seats} where id = ${first.id}`);
  return first.id;
}

export async function join(
  app: FastifyInstance,
  office: string,
  applicant: { token: string; applicationId: string },
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/offices/${office}/release-queue`,
    headers: bearer(applicant.token),
    payload: { applicationId: applicant.applicationId },
  });
}

export async function readTicket(
  app: FastifyInstance,
  office: string,
  token: string,
  ticketId: string,
): Promise<TicketView> {
  const response = await app.inject({
    url: `/api/v1/offices/${office}/release-queue/${ticketId}`,
    headers: bearer(token),
  });
  if (response.statusCode !== 200) throw new Error(`ticket: ${response.body}`);
  return response.json<TicketView>();
}

export async function submit(
  app: FastifyInstance,
  applicant: { token: string; applicationId: string },
  sessionId: string,
  admission?: string,
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/applications/${applicant.applicationId}/submit`,
    headers: bearer(applicant.token),
    payload: { sessionId, ...(admission ? { admission } : {}) },
  });
}

/** Spearman's rank correlation of two rankings of the same items (no ties). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const rank = (xs: readonly number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const ranks = new Array<number>(n);
    order.forEach(([, i], r) => (ranks[i] = r + 1));
    return ranks;
  };
  const ra = rank(a);
  const rb = rank(b);
  const d2 = ra.reduce((sum, r, i) => sum + (r - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
