/**
 * How much memory the embedded server holds: resident set size (RSS) of one real server process on
 * embedded PGlite (no DATABASE_URL, simulation on), idle after its first start on a fresh DATA_DIR,
 * idle after a restart on that directory, and idle again after a booking storm against it.
 *
 *   node bench/web/memory.ts [--runs 1] [--attempts 2000] [--seats 500] [--connections 100]
 *                            [--office BANDUNG]
 *
 * 1. Starts the server on a fresh temporary DATA_DIR (it migrates and seeds), waits for /readyz and for
 *    its RSS to settle, and reads it (first start). Lists the office's sessions (which materialises them).
 * 2. Stops it (SIGTERM) and, with the directory free, writes `attempts` ready applicants straight into
 *    the database and picks a target session of `seats` seats, as the booking-storm benchmark does: the
 *    server holds the PGlite directory alone while it runs, and through the API preparing them would be
 *    minutes of password hashing.
 * 3. Starts it again on the same directory, reads the settled RSS (restart), sends the `attempts`
 *    submits for the one session from `connections` keep-alive clients, waits at least 10 s for the RSS
 *    to settle (the server gives memory back in its first idle seconds) and reads it (after the storm).
 *    The storm's rates, latencies and server CPU come with it, to check that a memory setting costs no
 *    speed; the run fails if a seat is not sold exactly once or an answer is neither 200 nor 409.
 *
 * RSS is read from /proc/<pid>/status (Linux only): VmRSS, its anonymous and file-backed parts, and
 * VmHWM (the highest it has been).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPglite } from '../../apps/server/src/db/pglite.ts';
import {
  listSessions,
  pickTargetSession,
  prepareApplicants,
  submitOverHttp,
  type ListedSession,
  type ReadyApplicant,
} from '../../apps/server/test/support/booking-fixtures.ts';
import {
  spawnServer,
  waitUntilReady,
  type ServerProcess,
} from '../../apps/server/test/support/server-process.ts';

export interface MemoryOptions {
  /** Submits in the storm, one per applicant. */
  readonly attempts?: number;
  /** Seats of the target session. */
  readonly seats?: number;
  /** Concurrent HTTP clients (keep-alive sockets). */
  readonly connections?: number;
  readonly office?: string;
  /** Extra environment for the server (e.g. NODE_OPTIONS to try a V8 flag). */
  readonly env?: Record<string, string>;
  /** Progress lines; silent by default. */
  readonly log?: (line: string) => void;
}

/** One reading of /proc/<pid>/status, in MB (MiB). */
export interface RssReading {
  readonly rssMb: number;
  readonly anonMb: number;
  readonly fileMb: number;
  /** The highest RSS of the process so far (VmHWM). */
  readonly peakMb: number;
}

export interface StormFigures {
  readonly attempts: number;
  readonly bookings: number;
  readonly sessionFull: number;
  /** Answers neither 200 nor 409 SESSION_FULL (must be 0), by status and code. */
  readonly other: Record<string, number>;
  readonly wallMs: number;
  readonly attemptsPerSec: number;
  /** Seats sold ÷ time until the last one was sold. */
  readonly bookingsPerSec: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
  /** CPU seconds the server process used during the storm. */
  readonly serverCpuSec: number;
}

export interface MemoryFigures {
  /** Settled RSS after the first start on a fresh DATA_DIR (migrations and seeding done in-process). */
  readonly idleRssMb: number;
  /** Settled RSS after a restart on the same directory, before the storm. */
  readonly restartIdleRssMb: number;
  /** Settled RSS after the storm. */
  readonly postStormRssMb: number;
  /** Seats sold in the storm. */
  readonly bookings: number;
  readonly firstStart: RssReading & { readonly readyMs: number };
  readonly restart: RssReading & { readonly readyMs: number };
  readonly postStorm: RssReading;
  readonly storm: StormFigures;
}

const MB = 1024;

export function readRss(pid: number): RssReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return {
    rssMb: Math.round(kb('VmRSS') / MB),
    anonMb: Math.round(kb('RssAnon') / MB),
    fileMb: Math.round(kb('RssFile') / MB),
    peakMb: Math.round(kb('VmHWM') / MB),
  };
}

/**
 * Waits until the RSS stops moving (within 2 MB over 3 s, after at least `minMs`): compilation of hot
 * WASM functions and the last garbage collections happen in the seconds after the last request.
 */
export async function settledRss(pid: number, minMs = 5_000, maxMs = 60_000): Promise<RssReading> {
  const started = Date.now();
  const window: number[] = [];
  for (;;) {
    await sleep(500);
    const reading = readRss(pid);
    window.push(reading.rssMb);
    if (window.length > 6) window.shift();
    const elapsed = Date.now() - started;
    const steady = window.length === 6 && Math.max(...window) - Math.min(...window) <= 2;
    if ((elapsed >= minMs && steady) || elapsed >= maxMs) return reading;
  }
}

export async function measureMemory(options: MemoryOptions = {}): Promise<MemoryFigures> {
  const attempts = options.attempts ?? 2_000;
  const seats = options.seats ?? 500;
  const connections = options.connections ?? 100;
  const office = options.office ?? 'BANDUNG';
  const log = options.log ?? (() => {});
  const dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-bench-memory-'));
  const env = {
    DATA_DIR: dataDir,
    SIMULATION: 'on',
    RATE_LIMIT_SCALE: '1000',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  let server: ServerProcess | undefined;
  try {
    let t0 = performance.now();
    server = await spawnServer({ env });
    await waitUntilReady(server);
    const firstReadyMs = Math.round(performance.now() - t0);
    const firstStart = { ...(await settledRss(server.child.pid!)), readyMs: firstReadyMs };
    log(`first start: ready in ${firstReadyMs} ms, settled RSS ${firstStart.rssMb} MB`);
    const listed = await listSessions(getJsonFrom(server.url), office);
    await stop(server);
    server = undefined;

    const { applicants, sessionId } = await prepareStorm(dataDir, listed, office, attempts, seats);
    log(`${attempts} applicants written; target session ${sessionId} (${seats} seats)`);

    t0 = performance.now();
    server = await spawnServer({ env });
    await waitUntilReady(server);
    const restartReadyMs = Math.round(performance.now() - t0);
    const pid = server.child.pid!;
    const restart = { ...(await settledRss(pid)), readyMs: restartReadyMs };
    log(`restart: ready in ${restartReadyMs} ms, settled RSS ${restart.rssMb} MB`);

    const storm = await bookingStorm(server, applicants, sessionId, connections);
    log(`storm: ${storm.bookings} bookings of ${attempts} attempts in ${storm.wallMs} ms`);
    // The server gives back what the storm left pooled in its first idle seconds (platform/memory.ts).
    const postStorm = await settledRss(pid, 10_000);
    log(`after the storm: settled RSS ${postStorm.rssMb} MB (peak ${postStorm.peakMb} MB)`);
    await stop(server);
    server = undefined;
    return {
      idleRssMb: firstStart.rssMb,
      restartIdleRssMb: restart.rssMb,
      postStormRssMb: postStorm.rssMb,
      bookings: storm.bookings,
      firstStart,
      restart,
      postStorm,
      storm,
    };
  } finally {
    if (server) {
      await Promise.race([server.stop(), sleep(15_000)]);
      server.kill();
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function stop(server: ServerProcess): Promise<void> {
  const code = await server.stop('SIGTERM');
  if (code !== 0) throw new Error(`server exited with ${code} on SIGTERM:\n${server.output()}`);
}

/** Applicants and the target session, written while no server holds the directory. */
async function prepareStorm(
  dataDir: string,
  listed: readonly ListedSession[],
  office: string,
  attempts: number,
  seats: number,
): Promise<{ applicants: ReadyApplicant[]; sessionId: string }> {
  const handle = await openPglite(dataDir);
  try {
    const applicants = await prepareApplicants(handle.db, attempts);
    // The listing was taken from the running server; the picker only needs it again as data.
    const sessionId = await pickTargetSession(handle.db, async () => listed, office, seats);
    return { applicants, sessionId };
  } finally {
    await handle.close();
  }
}

async function bookingStorm(
  server: ServerProcess,
  applicants: readonly ReadyApplicant[],
  sessionId: string,
  connections: number,
): Promise<StormFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  try {
    // Warm-up, not measured: each client opens its socket with one authenticated read.
    await inParallel(Math.min(connections, applicants.length), connections, async (i) => {
      const status = await readApplication(agent, server.url, applicants[i]!);
      if (status !== 200) throw new Error(`warm-up read answered ${status}`);
    });
    const pid = server.child.pid!;
    const cpuBefore = cpuSecondsOf(pid);
    const answers: { status: number; code: string; ms: number; doneAt: number }[] = [];
    const started = performance.now();
    await inParallel(applicants.length, connections, async (i) => {
      const answer = await submitOverHttp(agent, server.url, applicants[i]!, sessionId);
      const code = answer.body.code ?? answer.body.status ?? '';
      answers.push({ status: answer.status, code, ms: answer.ms, doneAt: performance.now() - started });
    });
    const wallMs = performance.now() - started;
    const serverCpuSec = round1(cpuSecondsOf(pid) - cpuBefore);
    const booked = answers.filter((a) => a.status === 200);
    const full = answers.filter((a) => a.status === 409 && a.code === 'SESSION_FULL');
    const other: Record<string, number> = {};
    for (const a of answers) {
      if (a.status === 200 || (a.status === 409 && a.code === 'SESSION_FULL')) continue;
      other[`${a.status} ${a.code}`] = (other[`${a.status} ${a.code}`] ?? 0) + 1;
    }
    const soldOutMs = Math.max(...booked.map((a) => a.doneAt));
    const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
    const at = (p: number) => round1(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);
    return {
      attempts: applicants.length,
      bookings: booked.length,
      sessionFull: full.length,
      other,
      wallMs: Math.round(wallMs),
      attemptsPerSec: Math.round((answers.length / wallMs) * 1000),
      bookingsPerSec: Math.round((booked.length / soldOutMs) * 1000),
      latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99) },
      serverCpuSec,
    };
  } finally {
    agent.destroy();
  }
}

/** GET the applicant's own application over the storm's agent, so its sockets are open before the storm. */
function readApplication(agent: Agent, baseUrl: string, applicant: ReadyApplicant): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/v1/applications/${applicant.applicationId}`,
      { agent, headers: { authorization: `Bearer ${applicant.token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Runs `count` jobs with `concurrency` in flight; the first failure rejects. */
async function inParallel(count: number, concurrency: number, job: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await job(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const getJsonFrom = (baseUrl: string) => async (path: string) => {
  const response = await fetch(`${baseUrl}${path}`);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
};

/** User + system CPU seconds a process has used so far (Linux /proc). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function formatMemoryFigures(runs: readonly MemoryFigures[]): string {
  const header =
    '| run | idle, first start | idle, restart | after storm | peak | bookings | attempts/s | bookings/s | p50 / p95 / p99 ms | server CPU s |';
  const rows = runs.map((r, i) => {
    const s = r.storm;
    const other = Object.keys(s.other).length ? ` (other: ${JSON.stringify(s.other)})` : '';
    return (
      `| ${i + 1} | ${r.idleRssMb} MB | ${r.restartIdleRssMb} MB | ${r.postStormRssMb} MB | ${r.postStorm.peakMb} MB | ` +
      `${s.bookings} / ${s.attempts}${other} | ${s.attemptsPerSec} | ${s.bookingsPerSec} | ` +
      `${s.latencyMs.p50} / ${s.latencyMs.p95} / ${s.latencyMs.p99} | ${s.serverCpuSec} |`
    );
  });
  return [
    'RSS of the embedded server (PGlite, simulation on), settled; peak is VmHWM of the restarted process',
    header,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      attempts: { type: 'string', default: '2000' },
      seats: { type: 'string', default: '500' },
      connections: { type: 'string', default: '100' },
      office: { type: 'string', default: 'BANDUNG' },
    },
    strict: true,
  });
  const int = (name: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const runs = int('runs', values.runs);
  const options: MemoryOptions = {
    attempts: int('attempts', values.attempts),
    seats: int('seats', values.seats),
    connections: int('connections', values.connections),
    office: values.office!,
    log: (line) => console.log(`  ${line}`),
  };
  const results: MemoryFigures[] = [];
  for (let i = 0; i < runs; i++) {
    console.log(`run ${i + 1} of ${runs}`);
    results.push(await measureMemory(options));
  }
  console.log(`\n${formatMemoryFigures(results)}`);
  const expected = Math.min(options.seats!, options.attempts!);
  const ok = results.every((r) => r.bookings === expected && Object.keys(r.storm.other).length === 0);
  console.log(JSON.stringify({ bench: 'memory', date: new Date().toISOString(), runs: results, ok }));
  if (!ok) {
    console.error(`FAILED: every run must sell ${expected} seats and answer only 200 or 409 SESSION_FULL`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
