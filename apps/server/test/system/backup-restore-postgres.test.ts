import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
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
} from '../support/booking-fixtures.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../support/postgres.ts';
import {
  getJson,
  REPO_ROOT,
  spawnServer,
  waitUntilReady,
  type ServerProcess,
} from '../support/server-process.ts';

/**
 * The restore drill on PostgreSQL (issue 18, docs/runbooks/backup-restore.md): `pg_dump --format=custom`
 * of a live database while a server takes submits, `pg_restore` into a new database, and a server
 * started on the copy. The dump runs in a snapshot the test exported, so the copy's row counts are
 * compared, table by table, with the source's at that very snapshot; the copy takes a new submit.
 */
const PG_DUMP = '/usr/bin/pg_dump';
const PG_RESTORE = '/usr/bin/pg_restore';
const BEFORE = 40;
const DURING = 15;
const AFTER = 5;
const OFFICE = 'BANDUNG';
const run = promisify(execFile);
const serverUrl = process.env.POSTGRES_TEST_URL ?? DEFAULT_POSTGRES_URL;
const [sourceName, copyName] = [uniqueDatabaseName('mpaspor_src'), uniqueDatabaseName('mpaspor_copy')];
const work = mkdtempSync(join(tmpdir(), 'mpaspor-pgdump-'));
const dumpFile = join(work, 'mpaspor.dump');
const agent = new Agent({ keepAlive: true, maxSockets: 10 });
const servers: ServerProcess[] = [];
const handles: DatabaseHandle[] = [];
let sourceUrl: string;
let source: ServerProcess;
let applicants: ReadyApplicant[];
let sessionId: string;

beforeAll(async () => {
  for (const tool of [PG_DUMP, PG_RESTORE]) {
    if (!existsSync(tool)) {
      throw new Error(
        `${tool} is missing: the restore drill needs PostgreSQL's client tools of the server's major ` +
          'version (Debian: apt-get install postgresql-client-15).',
      );
    }
  }
  sourceUrl = await createDatabase(serverUrl, sourceName);
  source = await spawnServer({
    env: { DATABASE_URL: sourceUrl, SIMULATION: 'on', RATE_LIMIT_SCALE: '1000' },
  });
  servers.push(source);
  await waitUntilReady(source);
  const handle = openPostgres(sourceUrl, 4);
  handles.push(handle);
  applicants = await prepareApplicants(handle.db, BEFORE + DURING + AFTER);
  sessionId = await pickTargetSession(handle.db, getOverHttp(source.url), OFFICE, BEFORE + DURING + AFTER);
  const answers = await Promise.all(
    applicants.slice(0, BEFORE).map((a) => submitOverHttp(agent, source.url, a, sessionId)),
  );
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
});

afterAll(async () => {
  for (const server of servers) server.kill();
  agent.destroy();
  for (const handle of handles) await handle.close();
  await dropDatabase(serverUrl, sourceName);
  await dropDatabase(serverUrl, copyName);
  rmSync(work, { recursive: true, force: true });
});

/** Rows in every table of the app and of its migrations record. */
async function rowCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of rows) {
    const result = await client.query<{ n: number }>(`select count(*)::int as n from "${schema}"."${name}"`);
    counts[`${schema}.${name}`] = result.rows[0]!.n;
  }
  return counts;
}

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('when the server runs on PostgreSQL', () => {
  it('then its backup route answers BACKUP_USE_PG_DUMP and names pg_dump', async () => {
    const officers = await getJson<{ username: string; password: string }[]>(`${source.url}/sim/officers`);
    const hq = officers.find((o) => o.username === 'admin.pusat')!;
    const login = await fetch(`${source.url}/api/v1/officer/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: hq.username, password: hq.password }),
    });
    const { token } = (await login.json()) as { token: string };
    const response = await fetch(`${source.url}/api/v1/officer/backups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    expect(response.status).toBe(409);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('BACKUP_USE_PG_DUMP');
    expect(problem.detail).toContain('pg_dump --format=custom');
  });
});

describe('when a live PostgreSQL database is dumped with pg_dump and restored into a new one', () => {
  it('then every table has the rows of the dump’s snapshot, the invariants hold, and a server on the copy takes submits', async () => {
    // The test's own snapshot, handed to pg_dump: the rows it counts are the rows pg_dump copies.
    const snapshot = await connected(sourceUrl);
    await snapshot.query('begin isolation level repeatable read');
    const [{ id }] = (await snapshot.query<{ id: string }>('select pg_export_snapshot() as id')).rows as [
      { id: string },
    ];
    const atSnapshot = await rowCounts(snapshot);
    const started = performance.now();
    const [dump, during] = await Promise.all([
      run(PG_DUMP, ['--format=custom', `--snapshot=${id}`, `--file=${dumpFile}`, `--dbname=${sourceUrl}`]),
      Promise.all(
        applicants.slice(BEFORE, BEFORE + DURING).map((a) => submitOverHttp(agent, source.url, a, sessionId)),
      ),
    ]);
    const dumpMs = performance.now() - started;
    await snapshot.query('commit');
    await snapshot.end();
    expect(dump.stderr).toBe('');
    expect(during.map((a) => a.status)).toEqual(during.map(() => 200));

    const copyUrl = await createDatabase(serverUrl, copyName);
    const restoreStarted = performance.now();
    await run(PG_RESTORE, ['--exit-on-error', '--no-owner', `--dbname=${copyUrl}`, dumpFile]);
    const restoreMs = performance.now() - restoreStarted;
    const copyClient = await connected(copyUrl);
    const inCopy = await rowCounts(copyClient).finally(() => copyClient.end());
    expect(inCopy).toEqual(atSnapshot);
    expect(inCopy['public.applications']).toBeGreaterThanOrEqual(BEFORE);

    const copy = await spawnServer({
      env: { DATABASE_URL: copyUrl, SIMULATION: 'on', RATE_LIMIT_SCALE: '1000' },
    });
    servers.push(copy);
    await waitUntilReady(copy);
    const first = applicants[0]!;
    const view = await fetch(`${copy.url}/api/v1/applications/${first.applicationId}`, {
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(((await view.json()) as { status: string }).status).toBe('AWAITING_PAYMENT');
    // Prepared before the snapshot, submitted only on the copy: sequences and seat counters carry on.
    const late = await submitOverHttp(agent, copy.url, applicants.at(-1)!, sessionId);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    const copyHandle = openPostgres(copyUrl, 2);
    handles.push(copyHandle);
    expect(await invariantViolations(copyHandle.db)).toEqual([]);
    expect(await copy.stop()).toBe(0);
    // The runbook's check, as an operator runs it.
    const check = await run(process.execPath, [join(REPO_ROOT, 'scripts/check-database.ts')], {
      env: { ...process.env, DATABASE_URL: copyUrl },
    });
    expect(check.stdout).toContain('invariants: 0 violations');

    const tables = Object.keys(inCopy).length;
    const rows = Object.values(inCopy).reduce((sum, n) => sum + n, 0);
    console.log(
      `backup (PostgreSQL): pg_dump -Fc ${(statSync(dumpFile).size / 1_048_576).toFixed(1)} MB in ` +
        `${Math.round(dumpMs)} ms with ${DURING} submits alongside; pg_restore ${Math.round(restoreMs)} ms; ` +
        `${tables} tables, ${rows} rows equal to the snapshot's; 0 invariant violations`,
    );
  });
});
