import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../src/db/database.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { prepareApplicants, type ReadyApplicant } from '../support/booking-fixtures.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../support/postgres.ts';
import { spawnServer, waitUntilReady, type ServerProcess } from '../support/server-process.ts';

/**
 * Issue 14: one ticket per account and one per NIK in a release queue, across two server processes
 * on one PostgreSQL: every account joins through both processes at the same instant.
 */
const PAIRS = 60;
const OFFICE = 'BANDUNG';
const serverUrl = process.env.POSTGRES_TEST_URL ?? DEFAULT_POSTGRES_URL;
const databaseName = uniqueDatabaseName('mpaspor_sysq');
let dataDir: string;
let servers: ServerProcess[] = [];
let handle: DatabaseHandle | undefined;
let people: ReadyApplicant[];
const agent = new Agent({ keepAlive: true, maxSockets: 4 * PAIRS });

interface Answer {
  readonly status: number;
  readonly body: { id?: string; code?: string; now?: string; next?: { releaseAt: string } };
}

function call(base: string, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  const url = await createDatabase(serverUrl, databaseName);
  dataDir = await mkdtemp(joinPath(tmpdir(), 'mpaspor-queue-'));
  const env = { DATABASE_URL: url, SIMULATION: 'on', RATE_LIMIT_SCALE: '1000', DATA_DIR: dataDir };
  servers = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
  await Promise.all(servers.map((s) => waitUntilReady(s)));
  handle = openPostgres(url, 4);
  // Ten minutes before the office's next release, on both processes (they share the simulated clock).
  const base = servers[0]!.url;
  const releaseAt = Date.parse(
    (await call(base, 'GET', `/api/v1/offices/${OFFICE}/releases`)).body.next!.releaseAt,
  );
  const now = Date.parse((await call(base, 'GET', '/sim/clock')).body.now!);
  const minutes = Math.floor((releaseAt - now) / 60_000) - 10;
  if (minutes > 0) await call(base, 'POST', '/sim/clock', { advanceMinutes: minutes });
  const at = new Date((await call(servers[1]!.url, 'GET', '/sim/clock')).body.now!);
  people = await prepareApplicants(handle.db, 2 * PAIRS, { now: at });
  // Both processes must be on the moved clock (each adopts the shared offset within 2 s).
  for (const server of servers) {
    for (let tries = 0; tries < 50; tries++) {
      const seen = Date.parse((await call(server.url, 'GET', '/sim/clock')).body.now!);
      if (seen >= at.getTime()) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}, 180_000);

afterAll(async () => {
  for (const server of servers) server.kill();
  agent.destroy();
  await handle?.close();
  await dropDatabase(serverUrl, databaseName);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const join = (person: ReadyApplicant, server: ServerProcess) =>
  call(
    server.url,
    'POST',
    `/api/v1/offices/${OFFICE}/release-queue`,
    { applicationId: person.applicationId },
    person.token,
  );
const firsts = () => people.filter((_, i) => i % 2 === 0);
const seconds = () => people.filter((_, i) => i % 2 === 1);

describe('a release queue on two server processes over one PostgreSQL', () => {
  it('when every account joins through both processes at once, then each gets one ticket, the same on both', async () => {
    const answers = await Promise.all(firsts().map((p) => Promise.all(servers.map((s) => join(p, s)))));
    for (const [a, b] of answers) {
      expect([a!.status, b!.status].sort(), JSON.stringify([a, b])).toEqual([200, 201]);
      expect(a!.body.id).toBe(b!.body.id);
    }
  });

  it('when other accounts then queue the same NIKs through both at once, then each hears NIK_TAKEN', async () => {
    // One application in progress per NIK is the applications' rule: the first ones are withdrawn, and
    // other accounts (a broker's, say) file for the same people.
    for (let i = 0; i < PAIRS; i++) {
      const [first, second] = [people[2 * i]!, people[2 * i + 1]!];
      await handle!.db.execute(
        sql`update applications set status = 'CANCELLED' where id = ${first.applicationId}`,
      );
      await handle!.db.execute(
        sql`update applications set applicant_nik = ${first.nik} where id = ${second.applicationId}`,
      );
      // Even with the holder's consent (issue 15; say the broker talked them into giving the code).
      await handle!.db.execute(
        sql`insert into nik_consents (application_id, account_id, holder_nik, channel, destination, code_hash,
              code_expires_at, requested_at, consented_at)
            values (${second.applicationId}, ${second.accountId}, ${first.nik}, 'SMS', '+62812****0000', 'x',
              now(), now(), now())`,
      );
    }
    const answers = await Promise.all(seconds().map((p) => Promise.all(servers.map((s) => join(p, s)))));
    for (const both of answers) {
      expect(both.map((a) => `${a.status} ${a.body.code}`)).toEqual([
        '409 RELEASE_QUEUE_NIK_TAKEN',
        '409 RELEASE_QUEUE_NIK_TAKEN',
      ]);
    }
    const [counts] = await queryRows<{ tickets: number; accounts: number; niks: number }>(
      handle!.db,
      sql`select count(*)::int as tickets, count(distinct account_id)::int as accounts,
                 count(distinct nik)::int as niks from release_tickets`,
    );
    expect(counts).toEqual({ tickets: PAIRS, accounts: PAIRS, niks: PAIRS });
  });
});
