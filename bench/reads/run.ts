/**
 * Reads under a refreshing crowd: `GET /api/v1/offices/{code}/sessions` and `GET /api/v1/applications/{id}`
 * against one real server process on PostgreSQL, beside a bare Fastify hello in the same run, each
 * driven by the same keep-alive clients. See README.md beside this file.
 *
 *   node bench/reads/run.ts [--duration 5] [--connections 50] [--applicants 400] [--office BANDUNG]
 *                           [--log-levels info,warn] [--cold-offices 8]
 *
 * POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) is used to create and drop a
 * database of its own. Exits non-zero when a scenario answers anything but what it expects.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { jakartaDate } from '#shared/eligibility.ts';
import type { Database } from '../../apps/server/src/db/database.ts';
import {
  getOverHttp,
  pickTargetSession,
  prepareApplicants,
  submitOverHttp,
  type ReadyApplicant,
} from '../../apps/server/test/support/booking-fixtures.ts';
import { freePort } from '../../apps/server/test/support/server-process.ts';
import { createBenchRun, positiveInt } from '../support/environment.ts';
import { drive, getOnce, type LoadFigures, type LoadRequest } from './load.ts';
import { scenarioTable } from './report.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    applicants: { type: 'string', default: '400' },
    office: { type: 'string', default: 'BANDUNG' },
    'log-levels': { type: 'string', default: 'info,warn' },
    'cold-offices': { type: 'string', default: '8' },
    /** e.g. "--cpu-prof --cpu-prof-dir=/tmp/reads-prof": the server's profile of the whole run. */
    'server-node-options': { type: 'string' },
  },
  strict: true,
});
const durationMs = positiveInt('duration', args.duration) * 1000;
const connections = positiveInt('connections', args.connections);
const applicantCount = positiveInt('applicants', args.applicants);
const coldOffices = positiveInt('cold-offices', args['cold-offices']);
const office = args.office!;
const logLevels = args['log-levels']!.split(',').filter(Boolean);
const bench = createBenchRun('reads');
const HELLO = fileURLToPath(new URL('./hello.ts', import.meta.url));

let db: Database;
let hello: ChildProcess | undefined;

/** The bare hello in a process of its own; answers its base URL. */
async function startHello(): Promise<{ url: string; pid: number }> {
  const port = await freePort();
  hello = spawn(process.execPath, [HELLO], { env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
  bench.onCleanUp(() => hello?.kill('SIGTERM'));
  await new Promise<void>((resolve, reject) => {
    hello!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    hello!.once('exit', (code) => reject(new Error(`hello server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: hello.pid! };
}

/** Applicants with a booked, billed application (AWAITING_PAYMENT): the status a crowd refreshes. */
async function bookedApplicants(baseUrl: string): Promise<ReadyApplicant[]> {
  const applicants = await prepareApplicants(db, applicantCount);
  const sessionId = await pickTargetSession(db, getOverHttp(baseUrl), office, applicantCount);
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  let next = 0;
  const refused: string[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = next++; i < applicants.length; i = next++) {
        const answer = await submitOverHttp(agent, baseUrl, applicants[i]!, sessionId);
        if (answer.status !== 200) refused.push(`${answer.status} ${answer.body.code ?? ''}`);
      }
    }),
  );
  agent.destroy();
  if (refused.length > 0) throw new Error(`submits refused: ${refused.slice(0, 5).join('; ')}`);
  return applicants;
}

/** Distinct listings, one key per request (office × pool × from × to): every one a cache miss. */
async function coldKeys(baseUrl: string): Promise<string[]> {
  const listed = JSON.parse((await getOnce(baseUrl, '/api/v1/offices')).body) as { code: string }[];
  const codes = [office, ...listed.map((o) => o.code).filter((c) => c !== office)].slice(0, coldOffices);
  // Each office's sessions are materialised once first: the one-off insert is not a read.
  for (const code of codes) await getOnce(baseUrl, `/api/v1/offices/${code}/sessions`);
  const today = jakartaDate(new Date());
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000);
  const keys: string[] = [];
  for (let a = 0; a < 21; a++)
    for (let b = 0; b < 21; b++)
      for (const code of codes)
        for (const service of ['REGULAR', 'EXPRESS', 'PRIORITY'])
          keys.push(
            `/api/v1/offices/${code}/sessions?service=${service}` +
              `&from=${day(a).toISOString().slice(0, 10)}&to=${day(a + b)
                .toISOString()
                .slice(0, 10)}`,
          );
  return keys;
}

async function main(): Promise<number> {
  const failures: string[] = [];
  const { url, dataDir, handle } = await bench.open();
  db = handle.db;
  console.log(`reads: ${connections} connections, ${durationMs / 1000} s per scenario, office ${office}`);

  const bare = await startHello();
  const measure = (label: string, baseUrl: string, pid: number, next: (i: number) => LoadRequest) =>
    drive({ baseUrl, connections, durationMs, next, serverPid: pid }).then((figures) => {
      console.log(`  ${label.padEnd(34)} ${figures.perSec} req/s`);
      return figures;
    });
  const helloFigures = await measure('bare Fastify hello', bare.url, bare.pid, () => ({ path: '/hello' }));
  hello!.kill('SIGTERM');
  hello = undefined;

  let applicants: ReadyApplicant[] | undefined;
  let cold: string[] | undefined;
  const runs: Record<string, Record<string, LoadFigures>> = {};
  for (const level of logLevels) {
    const server = await bench.start({
      DATABASE_URL: url,
      SIMULATION: 'on',
      RATE_LIMIT_SCALE: '1000',
      DATA_DIR: dataDir,
      LOG_LEVEL: level,
      ...(args['server-node-options'] ? { NODE_OPTIONS: args['server-node-options'] } : {}),
    });
    const base = server.url;
    const pid = server.child.pid!;
    applicants ??= await bookedApplicants(base);
    cold ??= await coldKeys(base);
    console.log(`LOG_LEVEL=${level}`);
    const listing = `/api/v1/offices/${office}/sessions?service=REGULAR`;
    const auth = (a: ReadyApplicant) => ({ authorization: `Bearer ${a.token}` });
    const own = (i: number) => applicants![i % applicants!.length]!;
    const listed = await getOnce(base, listing);
    const etags = await Promise.all(
      applicants.map(
        async (a) => (await getOnce(base, `/api/v1/applications/${a.applicationId}`, auth(a))).etag,
      ),
    );
    const coldKeysOf = cold;
    const figures: Record<string, LoadFigures> = {
      sessionsCold: await measure('GET sessions, cold (every key new)', base, pid, (i) => ({
        path: coldKeysOf[i % coldKeysOf.length]!,
      })),
      sessionsWarm: await measure('GET sessions, warm', base, pid, () => ({ path: listing })),
      sessions304: await measure('GET sessions, If-None-Match → 304', base, pid, () => ({
        path: listing,
        headers: { ...(listed.etag ? { 'if-none-match': listed.etag } : {}) },
      })),
      application200: await measure('GET application, 200', base, pid, (i) => ({
        path: `/api/v1/applications/${own(i).applicationId}`,
        headers: auth(own(i)),
      })),
      application304: await measure('GET application, If-None-Match → 304', base, pid, (i) => ({
        path: `/api/v1/applications/${own(i).applicationId}`,
        headers: {
          ...auth(own(i)),
          ...(etags[i % etags.length] ? { 'if-none-match': etags[i % etags.length]! } : {}),
        },
      })),
    };
    const expected: Record<string, number> = {
      sessionsCold: 200,
      sessionsWarm: 200,
      sessions304: listed.etag ? 304 : 200,
      application200: 200,
      application304: etags.every(Boolean) ? 304 : 200,
    };
    for (const [name, f] of Object.entries(figures)) {
      const other = f.requests - (f.statuses[String(expected[name])] ?? 0);
      // A few 200s among 304s are fine (an ETag may turn when `now` passes a session's start).
      if (other > f.requests * 0.01) failures.push(`${level} ${name}: ${JSON.stringify(f.statuses)}`);
    }
    runs[level] = figures;
    const stopped = await bench.stop(server);
    if (stopped !== 0) failures.push(`server (LOG_LEVEL=${level}) exited with ${stopped}`);
  }

  const ratio = (f: LoadFigures) => Math.round((f.perSec / helloFigures.perSec) * 1000) / 1000;
  console.log(`\n${scenarioTable(helloFigures, runs, ratio)}`);
  if (failures.length > 0) console.log(`\nFAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  const summary = {
    bench: 'reads',
    date: new Date().toISOString(),
    connections,
    durationSec: durationMs / 1000,
    hello: helloFigures,
    runs,
    ratios: Object.fromEntries(
      Object.entries(runs).map(([level, f]) => [
        level,
        Object.fromEntries(Object.entries(f).map(([name, figures]) => [name, ratio(figures)])),
      ]),
    ),
    ok: failures.length === 0,
  };
  console.log(JSON.stringify(summary));
  return failures.length === 0 ? 0 : 1;
}

await bench.run(main);
