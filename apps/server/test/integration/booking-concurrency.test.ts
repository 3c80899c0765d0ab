import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookingsOf,
  getInProcess,
  listSessions,
  pickTargetSession,
  prepareApplicants,
  sessionCounter,
  type ReadyApplicant,
} from '../support/booking-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * A session's seats are never oversold (DESIGN.md §6), in one process: 500 applicants submit at once
 * for a session of 50 seats. On PGlite (the default here) the database runs one query at a time; the
 * same file runs on PostgreSQL when DATABASE_URL is set. The system test does it across two processes.
 */
const APPLICANTS = 500;
const SEATS = 50;
const OFFICE = 'BANDUNG';

let t: TestApp;
let applicants: ReadyApplicant[];
let sessionId: string;
beforeAll(async () => {
  t = await createTestApp();
  applicants = await prepareApplicants(t.db.db, APPLICANTS, { now: t.clock.now() });
  sessionId = await pickTargetSession(t.db.db, getInProcess(t.app), OFFICE, SEATS, { now: t.clock.now() });
});
afterAll(async () => {
  await t?.close();
});

describe(`when ${APPLICANTS} applicants submit at once for a session of ${SEATS} seats`, () => {
  it('then exactly 50 get AWAITING_PAYMENT with a billing code, 450 SESSION_FULL, and the counter stops at capacity', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      applicants.map((a) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/applications/${a.applicationId}/submit`,
          headers: { authorization: `Bearer ${a.token}` },
          payload: { sessionId },
        }),
      ),
    );
    const elapsedMs = performance.now() - started;
    console.log(`${APPLICANTS} in-process submits on ${t.db.kind}: ${elapsedMs.toFixed(0)} ms`);

    const ok = answers.filter((r) => r.statusCode === 200);
    const full = answers.filter(
      (r) => r.statusCode === 409 && r.json<{ code: string }>().code === 'SESSION_FULL',
    );
    const other = answers.filter((r) => !ok.includes(r) && !full.includes(r));
    expect(other.map((r) => `${r.statusCode} ${r.body}`)).toEqual([]);
    expect(ok).toHaveLength(SEATS);
    expect(full).toHaveLength(APPLICANTS - SEATS);

    const views = ok.map((r) => r.json<{ status: string; billing: { code: string } | null }>());
    expect(views.every((v) => v.status === 'AWAITING_PAYMENT')).toBe(true);
    const codes = views.map((v) => v.billing?.code ?? '');
    expect(codes.every((c) => /^\d{15}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(SEATS);

    expect(await sessionCounter(t.db.db, sessionId)).toEqual({ capacity: SEATS, booked: SEATS });
    const held = await bookingsOf(t.db.db, sessionId);
    expect(held.bookings).toBe(SEATS);
    expect(held.awaitingPayment).toBe(SEATS);
    expect(held.billingCodes.sort()).toEqual([...codes].sort());

    // A full session stays listed (released and still ahead) with no seat left.
    const listed = (await listSessions(getInProcess(t.app), OFFICE)).find((s) => s.id === sessionId);
    expect(listed).toMatchObject({ capacity: SEATS, available: 0 });
  }, 120_000);
});
