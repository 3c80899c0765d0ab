import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { invariantViolations } from '../../src/db/invariants.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import {
  getOverHttp,
  pickTargetSession,
  prepareApplicants,
  submitOverHttp,
  type ReadyApplicant,
  type SubmitAnswer,
} from '../support/booking-fixtures.ts';
import { isAcknowledged, seatsHeld, submitsMissing } from '../support/crash.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../support/postgres.ts';
import { spawnServer, waitUntilReady, type ServerProcess } from '../support/server-process.ts';

/**
 * Crash consistency (issue 18): two server processes on one PostgreSQL take a booking storm; one is
 * killed with SIGKILL in the middle of it and started again. Every submit that was acknowledged (2xx)
 * is in the database, nothing is oversold, and the invariants hold (db/invariants.ts).
 */
const APPLICANTS = 400;
const SEATS = 150;
const OFFICE = 'BANDUNG';
const serverUrl = process.env.POSTGRES_TEST_URL ?? DEFAULT_POSTGRES_URL;
const databaseName = uniqueDatabaseName('mpaspor_crash');
let dataDir: string;
let url: string;
let servers: ServerProcess[] = [];
let handle: DatabaseHandle | undefined;
let applicants: ReadyApplicant[];
let sessionId: string;
const agent = new Agent({ keepAlive: true, maxSockets: 100 });

beforeAll(async () => {
  url = await createDatabase(serverUrl, databaseName);
  dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-crash-'));
  const env = { DATABASE_URL: url, SIMULATION: 'on', RATE_LIMIT_SCALE: '1000', DATA_DIR: dataDir };
  servers = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
  await Promise.all(servers.map((s) => waitUntilReady(s)));
  handle = openPostgres(url, 4);
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

describe('when one of two server processes is killed with SIGKILL in the middle of a booking storm', () => {
  it('then every acknowledged submit is in the database, nothing is oversold, and the invariants hold', async () => {
    const answers: (SubmitAnswer | Error)[] = new Array(APPLICANTS);
    const storm = applicants.map((a, i) =>
      submitOverHttp(agent, servers[i % 2]!.url, a, sessionId).then(
        (answer) => (answers[i] = answer),
        (error: Error) => (answers[i] = error),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    servers[1]!.kill();
    await Promise.all(storm);

    const acknowledged = applicants.filter((_, i) => isAcknowledged(answers[i]));
    const lostConnections = answers.filter((a) => a instanceof Error).length;
    console.log(
      `crash: ${APPLICANTS} submits, ${acknowledged.length} acknowledged, ${lostConnections} cut by the kill`,
    );
    expect(acknowledged.length).toBeGreaterThan(0);

    // The killed process starts again on the same database and data directory.
    const restarted = await spawnServer({
      env: { DATABASE_URL: url, SIMULATION: 'on', RATE_LIMIT_SCALE: '1000', DATA_DIR: dataDir },
    });
    servers.push(restarted);
    await waitUntilReady(restarted);

    const db = handle!.db;
    const lost = await submitsMissing(
      db,
      sessionId,
      acknowledged.map((a) => a.applicationId),
    );
    const held = await seatsHeld(db, sessionId);
    const violations = await invariantViolations(db);
    console.log(
      `crash (postgres): 1 kill, ${acknowledged.length} acknowledged writes (submits), ` +
        `${lostConnections} cut by the kill, ${lost.length} lost, ${violations.length} invariant violations; ` +
        `${held}/${SEATS} seats held`,
    );
    expect(lost).toEqual([]);
    expect(held).toBeLessThanOrEqual(SEATS);
    expect(violations).toEqual([]);
  });
});
