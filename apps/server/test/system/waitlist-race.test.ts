import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../src/db/database.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import {
  getOverHttp,
  pickTargetSession,
  prepareApplicants,
  sessionCounter,
  type ReadyApplicant,
} from '../support/booking-fixtures.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../support/postgres.ts';
import { spawnServer, waitUntilReady, type ServerProcess } from '../support/server-process.ts';
import { doubleOffers, onlySessionOfItsDay, seatLedgerMismatches } from '../support/waitlist.ts';

/**
 * Issue 15: one seat is never offered twice at once, across server processes. Two processes on one
 * PostgreSQL: 20 booked seats are cancelled at once through both, the 20 offers are declined at once
 * through both, and the next 20 lapse while both processes' jobs pass them on. Every freed seat is
 * held for exactly one entry at a time, and no entry is ever offered two seats.
 */
const SEATS = 20;
const WAITING = 3 * SEATS;
const OFFICE = 'BANDUNG';

const serverUrl = process.env.POSTGRES_TEST_URL ?? DEFAULT_POSTGRES_URL;
const databaseName = uniqueDatabaseName('mpaspor_wl');
let dataDir: string;
let servers: ServerProcess[] = [];
let handle: DatabaseHandle | undefined;
let holders: ReadyApplicant[];
let waiters: ReadyApplicant[];
let sessionId: string;
let day: string;

const call = async (i: number, who: ReadyApplicant, method: string, path: string, body?: object) => {
  const response = await fetch(`${servers[i % 2]!.url}/api/v1/applications/${who.applicationId}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${who.token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
};
const entries = async () =>
  queryRows<{ application_id: string; status: string }>(
    handle!.db,
    sql`select application_id, status from waitlist_entries`,
  );
const count = async (status: string) => (await entries()).filter((e) => e.status === status).length;
async function ledgerHolds() {
  expect(await seatLedgerMismatches(handle!.db)).toEqual([]);
  expect(await doubleOffers(handle!.db)).toEqual([]);
}

beforeAll(async () => {
  const url = await createDatabase(serverUrl, databaseName);
  dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-waitlist-'));
  const env = {
    DATABASE_URL: url,
    SIMULATION: 'on',
    RATE_LIMIT_SCALE: '1000',
    DATA_DIR: dataDir,
    JOB_INTERVAL_MS: '200',
  };
  servers = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
  await Promise.all(servers.map((s) => waitUntilReady(s)));
  handle = openPostgres(url, 4);
  const people = await prepareApplicants(handle.db, SEATS + WAITING);
  holders = people.slice(0, SEATS);
  waiters = people.slice(SEATS);
  sessionId = await pickTargetSession(handle.db, getOverHttp(servers[0]!.url), OFFICE, SEATS, {
    minLeadMs: 48 * 3_600_000,
  });
  day = await onlySessionOfItsDay(handle.db, sessionId);
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.kill();
  await handle?.close();
  await dropDatabase(serverUrl, databaseName);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`when ${SEATS} seats free at once through two processes and ${WAITING} entries wait`, () => {
  it('then cancels, declines and lapses hand each seat to one entry at a time, never two', async () => {
    const booked = await Promise.all(holders.map((h, i) => call(i, h, 'POST', '/submit', { sessionId })));
    expect(booked.map((b) => b.status)).toEqual(holders.map(() => 200));
    for (const [i, w] of waiters.entries()) {
      const joined = await call(i, w, 'POST', '/waitlist', { officeCode: OFFICE, from: day, to: day });
      expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    }

    // 1. Every booking cancelled at once, half through each process: 20 offers to 20 entries.
    const cancelled = await Promise.all(holders.map((h, i) => call(i, h, 'POST', '/cancel')));
    expect(cancelled.map((c) => c.status)).toEqual(holders.map(() => 200));
    expect(await count('OFFERED')).toBe(SEATS);
    expect(await sessionCounter(handle!.db, sessionId)).toEqual({ capacity: SEATS, booked: SEATS });
    await ledgerHolds();
    // Served in the order they joined.
    const offered = new Set(
      (await entries()).filter((e) => e.status === 'OFFERED').map((e) => e.application_id),
    );
    expect(waiters.slice(0, SEATS).every((w) => offered.has(w.applicationId))).toBe(true);

    // 2. All of them decline at once, through both: the seats cascade to the next 20.
    const first = waiters.slice(0, SEATS);
    const declined = await Promise.all(
      first.map((w, i) => call(i + 1, w, 'POST', '/waitlist/offer/decline')),
    );
    expect(declined.map((d) => d.status)).toEqual(first.map(() => 204));
    expect(await count('DECLINED')).toBe(SEATS);
    expect(await count('OFFERED')).toBe(SEATS);
    await ledgerHolds();

    // 3. Nobody answers for 31 minutes: both processes' jobs lapse the offers at once, the last 20 get them.
    const advanced = await fetch(`${servers[0]!.url}/sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMinutes: 31 }),
    });
    expect(advanced.status).toBe(200);
    for (let i = 0; i < 100 && (await count('LAPSED')) < SEATS; i++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await count('LAPSED')).toBe(SEATS);
    expect(await count('OFFERED')).toBe(SEATS);
    expect(await count('WAITING')).toBe(0);
    await ledgerHolds();
    const [most] = await queryRows<{ n: number }>(
      handle!.db,
      sql`select coalesce(max(c), 0)::int as n from (select count(*) as c from waitlist_offers group by entry_id) x`,
    );
    expect(Number(most?.n)).toBe(1);

    // 4. The last 20 accept at once, through both: every seat ends booked, once.
    const last = waiters.slice(2 * SEATS);
    const accepted = await Promise.all(last.map((w, i) => call(i, w, 'POST', '/waitlist/offer/accept')));
    expect(accepted.map((a) => a.status)).toEqual(last.map(() => 200));
    expect(accepted.every((a) => (a.body as { status: string }).status === 'AWAITING_PAYMENT')).toBe(true);
    expect(await count('BOOKED')).toBe(SEATS);
    expect(await sessionCounter(handle!.db, sessionId)).toEqual({ capacity: SEATS, booked: SEATS });
    await ledgerHolds();
  }, 120_000);
});
