import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import {
  bookingsOf,
  getOverHttp,
  listSessions,
  pickTargetSession,
  prepareApplicants,
  sessionCounter,
  submitOverHttp,
  type ReadyApplicant,
} from '../support/booking-fixtures.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../support/postgres.ts';
import { spawnServer, waitUntilReady, type ServerProcess } from '../support/server-process.ts';

/**
 * A session's seats can never be oversold (DESIGN.md §6): 500 applicants submit at once, half to each
 * of two server processes on one PostgreSQL, for a session of 50 seats.
 */
const APPLICANTS = 500;
const SEATS = 50;
const OFFICE = 'BANDUNG';

const serverUrl = process.env.POSTGRES_TEST_URL ?? DEFAULT_POSTGRES_URL;
const databaseName = uniqueDatabaseName('mpaspor_sys');
let dataDir: string;
let servers: ServerProcess[] = [];
let handle: DatabaseHandle | undefined;
let applicants: ReadyApplicant[];
let sessionId: string;
// Every request its own socket, all at once: no client-side queue between the test and the servers.
const agent = new Agent({ keepAlive: true, maxSockets: APPLICANTS });

beforeAll(async () => {
  const url = await createDatabase(serverUrl, databaseName);
  dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-booking-'));
  const env = { DATABASE_URL: url, SIMULATION: 'on', RATE_LIMIT_SCALE: '1000', DATA_DIR: dataDir };
  // Both start at once: the first migrates and seeds, the second waits on the advisory lock.
  servers = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
  await Promise.all(servers.map((s) => waitUntilReady(s)));
  handle = openPostgres(url, 4);
  // The servers run on real time plus the simulation offset, which is 0 on a fresh database.
  applicants = await prepareApplicants(handle.db, APPLICANTS);
  sessionId = await pickTargetSession(handle.db, getOverHttp(servers[0]!.url), OFFICE, SEATS);
});

afterAll(async () => {
  for (const server of servers) server.kill();
  agent.destroy();
  await handle?.close();
  await dropDatabase(serverUrl, databaseName);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`when ${APPLICANTS} applicants submit at once through two server processes for ${SEATS} seats`, () => {
  it('then exactly 50 are booked and billed, 450 hear SESSION_FULL, and the counter ends at capacity', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      applicants.map((a, i) => submitOverHttp(agent, servers[i % 2]!.url, a, sessionId)),
    );
    console.log(
      `${APPLICANTS} submits over HTTP to 2 processes: ${(performance.now() - started).toFixed(0)} ms`,
    );

    const ok = answers.filter((a) => a.status === 200);
    const full = answers.filter((a) => a.status === 409 && a.body.code === 'SESSION_FULL');
    const other = answers.filter((a) => !ok.includes(a) && !full.includes(a));
    expect(other.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    expect(ok).toHaveLength(SEATS);
    expect(full).toHaveLength(APPLICANTS - SEATS);
    expect(ok.every((a) => a.body.status === 'AWAITING_PAYMENT')).toBe(true);
    // Both processes sold seats: the race really was between them.
    const soldBy = [0, 1].map((s) => answers.filter((a, i) => i % 2 === s && a.status === 200).length);
    console.log(`seats sold per process: ${soldBy.join(' + ')}`);

    const codes = ok.map((a) => a.body.billing?.code ?? '');
    expect(codes.every((c) => /^\d{15}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(SEATS);

    const db = handle!.db;
    expect(await sessionCounter(db, sessionId)).toEqual({ capacity: SEATS, booked: SEATS });
    const held = await bookingsOf(db, sessionId);
    expect(held.bookings).toBe(SEATS);
    expect(held.awaitingPayment).toBe(SEATS);
    expect(held.billingCodes.sort()).toEqual([...codes].sort());

    // A full session stays listed (released and still ahead), on either process, with no seat left,
    // once the listing read before the storm has had its second (scheduling/availability.ts).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    for (const server of servers) {
      const listed = (await listSessions(getOverHttp(server.url), OFFICE)).find((s) => s.id === sessionId);
      expect(listed).toMatchObject({ capacity: SEATS, available: 0 });
    }
  });

  it('then both processes stop cleanly on SIGTERM', async () => {
    const codes = await Promise.all(servers.map((s) => s.stop('SIGTERM')));
    expect(codes).toEqual([0, 0]);
  });
});
