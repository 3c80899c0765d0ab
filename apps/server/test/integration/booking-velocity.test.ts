import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { prepareApplicants, type ReadyApplicant } from '../support/booking-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { waitlistCall } from '../support/waitlist.ts';

/**
 * Issue 15: bots refreshing for freed seats meet velocity limits, 429 with Retry-After: the seat
 * listing per address (counted in memory, it is the hottest read), waitlist joins per account, NIK
 * and address. Refusals are counted in metrics; the waitlist's are also recorded for audit.
 */
let t: TestApp;
let who: ReadyApplicant;
beforeAll(async () => {
  t = await createTestApp();
  [who] = (await prepareApplicants(t.db.db, 1, { now: t.clock.now() })) as [ReadyApplicant];
});
afterAll(async () => {
  await t?.close();
});

const list = (remoteAddress: string) =>
  t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions', remoteAddress });

describe('when one address lists the seats more than 300 times a minute', () => {
  it('then it hears 429 with Retry-After, other addresses do not, and a minute later it may again', async () => {
    for (let i = 0; i < 300; i++) expect((await list('203.0.113.7')).statusCode).toBe(200);
    const refused = await list('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await list('203.0.113.8')).statusCode).toBe(200);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/booking_refusals_total\{reason="LISTING_VELOCITY"\} 1/);
    (t.clock as SimulatedClock).advance(61_000);
    expect((await list('203.0.113.7')).statusCode).toBe(200);
  });
});

describe('when one account joins and leaves the waitlist over and over', () => {
  it('then the 11th join within an hour is 429, recorded for audit', async () => {
    const later = new Date(t.clock.now().getTime() + 70 * 86_400_000).toISOString().slice(0, 10);
    const join = () =>
      waitlistCall(t.app, who, '', 'POST', { officeCode: 'BANDUNG', from: later, to: later });
    for (let i = 0; i < 10; i++) {
      expect((await join()).statusCode).toBe(201);
      expect((await waitlistCall(t.app, who, '', 'DELETE')).statusCode).toBe(204);
    }
    const refused = await join();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    const [row] = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from booking_refusals
          where application_id = ${who.applicationId} and reason = 'WAITLIST_VELOCITY'`,
    );
    expect(Number(row?.n)).toBe(1);
  });
});
