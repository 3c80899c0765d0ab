/**
 * Booking storm: many applicants submit for the same session at once, through HTTP, against one
 * real server process on PostgreSQL; then, on the same database and with the same concurrency, the
 * bare conditional UPDATE that takes a seat, for comparison. See README.md beside this file.
 *
 *   node bench/booking-storm/run.ts [--attempts 2000] [--seats 500] [--connections 200]
 *                                   [--office BANDUNG] [--server-pool 10] [--sql-pool 10]
 *
 * POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) is used to create and drop a
 * database of its own.
 *
 * With --freed it runs the freed-seat storm of issue 15 instead (freed.ts, its own options).
 *
 * Exits non-zero if a seat is oversold, any answer is 5xx or anything else unexpected, or the seats
 * sold differ from the capacity.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  bookingsOf,
  getOverHttp,
  pickTargetSession,
  prepareApplicants,
  sessionCounter,
  submitOverHttp,
  type ReadyApplicant,
} from '../../apps/server/test/support/booking-fixtures.ts';
import type { ServerProcess } from '../../apps/server/test/support/server-process.ts';
import { createBenchRun, machineBusy, machineCpu, positiveInt } from '../support/environment.ts';

// `--freed`: the freed-seat storm of issue 15 instead (freed.ts runs, cleans up and exits).
if (process.argv.slice(2).includes('--freed')) await import('./freed.ts');

const MAX_ATTEMPTS = 20_000;

const { values: args } = parseArgs({
  options: {
    attempts: { type: 'string', default: '2000' },
    seats: { type: 'string', default: '500' },
    connections: { type: 'string', default: '200' },
    office: { type: 'string', default: 'BANDUNG' },
    'server-pool': { type: 'string' },
    'sql-pool': { type: 'string' },
  },
  strict: true,
});

const attempts = positiveInt('attempts', args.attempts, MAX_ATTEMPTS);
const seats = positiveInt('seats', args.seats);
const connections = positiveInt('connections', args.connections, 5_000);
const serverPool = args['server-pool'] ? positiveInt('server-pool', args['server-pool'], 500) : undefined;
const sqlPoolArg = args['sql-pool'] ? positiveInt('sql-pool', args['sql-pool'], 1_000) : undefined;
const office = args.office!;
const bench = createBenchRun('bench');

/** One attempt: its HTTP status (0: no answer), problem code or application status, latency. */
interface Outcome {
  readonly status: number;
  readonly code: string;
  readonly ms: number;
  /** Milliseconds from the start of the storm to this answer. */
  readonly doneAt: number;
}

/** Runs `count` jobs with `concurrency` in flight, each timed; errors become outcomes, not crashes. */
async function storm(
  count: number,
  concurrency: number,
  job: (i: number) => Promise<{ status: number; code: string; ms?: number }>,
): Promise<{ outcomes: Outcome[]; wallMs: number }> {
  const outcomes: Outcome[] = new Array(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      let result: { status: number; code: string; ms?: number };
      try {
        result = await job(i);
      } catch (error) {
        result = { status: 0, code: `ERROR ${(error as Error).message}` };
      }
      const end = performance.now();
      outcomes[i] = {
        status: result.status,
        code: result.code,
        ms: result.ms ?? end - t0,
        doneAt: end - started,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { outcomes, wallMs: performance.now() - started };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function latencies(outcomes: readonly Outcome[]) {
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Rates: attempts over the whole run; bookings over the time until the last seat was sold. */
function rates(outcomes: readonly Outcome[], wallMs: number, isBooking: (o: Outcome) => boolean) {
  const booked = outcomes.filter(isBooking);
  const sellOutMs = booked.length ? Math.max(...booked.map((o) => o.doneAt)) : Number.NaN;
  return {
    wallMs: Math.round(wallMs),
    attemptsPerSec: Math.round((outcomes.length / wallMs) * 1000),
    sellOutMs: Math.round(sellOutMs),
    bookingsPerSec: Math.round((booked.length / sellOutMs) * 1000),
  };
}

const tally = (outcomes: readonly Outcome[]) => {
  const byKind = new Map<string, number>();
  for (const o of outcomes)
    byKind.set(`${o.status} ${o.code}`, (byKind.get(`${o.status} ${o.code}`) ?? 0) + 1);
  return Object.fromEntries([...byKind].sort((a, b) => b[1] - a[1]));
};

async function main(): Promise<number> {
  const failures: string[] = [];
  console.log(
    `booking-storm: ${attempts} attempts on ${seats} seats, ${connections} concurrent clients, office ${office}`,
  );
  let t0 = performance.now();
  const { name, url, dataDir, handle } = await bench.open();
  console.log(`database ${name} migrated and seeded in ${ms(t0)}`);

  t0 = performance.now();
  const server: ServerProcess = await bench.start({
    DATABASE_URL: url,
    SIMULATION: 'on',
    RATE_LIMIT_SCALE: '1000',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(serverPool ? { DB_POOL_MAX: String(serverPool) } : {}),
  });
  console.log(`server ready on ${server.url} in ${ms(t0)} (DB_POOL_MAX ${serverPool ?? 'default 10'})`);

  // After the server is up, so the tokens are fresh when the storm starts (no last-seen touch).
  t0 = performance.now();
  const applicants: ReadyApplicant[] = await prepareApplicants(handle.db, attempts);
  const listing = getOverHttp(server.url);
  const sessionId = await pickTargetSession(handle.db, listing, office, seats);
  // The bare-SQL run later gets a session of its own, of the same capacity.
  const sqlSessionId = await pickTargetSession(handle.db, listing, office, seats, { exclude: [sessionId] });
  console.log(`${attempts} applicants prepared in ${ms(t0)}; target session ${sessionId}`);

  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  // Warm-up, not measured: each client opens its connection and the server's code paths get compiled.
  const warmUp = await storm(Math.min(connections, attempts), connections, async (i) => {
    const res = await fetchStatus(agent, server.url, applicants[i]!);
    return { status: res, code: '' };
  });
  const warmUpFailed = warmUp.outcomes.filter((o) => o.status !== 200);
  if (warmUpFailed.length > 0) {
    throw new Error(`warm-up reads failed: ${JSON.stringify(tally(warmUpFailed))}\n${server.output()}`);
  }

  const serverCpuBefore = cpuSecondsOf(server.child.pid);
  const clientCpuBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const http = await storm(attempts, connections, async (i) => {
    const answer = await submitOverHttp(agent, server.url, applicants[i]!, sessionId);
    return { status: answer.status, code: answer.body.code ?? answer.body.status ?? '', ms: answer.ms };
  });
  const cpu = {
    serverProcess: round2((cpuSecondsOf(server.child.pid) - serverCpuBefore) / (http.wallMs / 1000)),
    client: round2(cpuSecondsOfUsage(process.cpuUsage(clientCpuBefore)) / (http.wallMs / 1000)),
    machine: round2(machineBusy(machineBefore, machineCpu())),
  };
  agent.destroy();
  const httpBooked = http.outcomes.filter((o) => o.status === 200);
  const httpFull = http.outcomes.filter((o) => o.status === 409 && o.code === 'SESSION_FULL');
  const httpOther = http.outcomes.filter(
    (o) => o.status !== 200 && !(o.status === 409 && o.code === 'SESSION_FULL'),
  );
  const counter = await sessionCounter(handle.db, sessionId);
  const held = await bookingsOf(handle.db, sessionId);
  const expectedSold = Math.min(seats, attempts);
  if (counter.booked > counter.capacity)
    failures.push(`OVERSOLD: booked ${counter.booked} > capacity ${counter.capacity}`);
  if (counter.booked !== expectedSold)
    failures.push(`seats sold ${counter.booked}, expected ${expectedSold}`);
  if (httpBooked.length !== counter.booked)
    failures.push(`200 answers ${httpBooked.length} ≠ booked counter ${counter.booked}`);
  if (held.bookings !== counter.booked)
    failures.push(`bookings rows ${held.bookings} ≠ booked counter ${counter.booked}`);
  if (new Set(held.billingCodes).size !== held.bookings)
    failures.push(`billing codes ${new Set(held.billingCodes).size} ≠ bookings ${held.bookings}`);
  const notAwaiting = httpBooked.filter((o) => o.code !== 'AWAITING_PAYMENT').length;
  if (notAwaiting > 0) failures.push(`${notAwaiting} answers 200 were not AWAITING_PAYMENT`);
  const fiveHundreds = http.outcomes.filter((o) => o.status >= 500).length;
  if (fiveHundreds > 0) failures.push(`${fiveHundreds} answers were 5xx`);
  if (httpOther.length > 0)
    failures.push(`${httpOther.length} answers were neither 200 nor 409 SESSION_FULL`);

  const stopped = await bench.stop(server);
  const serverOutput = server.output();
  if (stopped !== 0) failures.push(`server exited with ${stopped} on SIGTERM`);

  // The bare SQL: the same conditional UPDATE as the server's takeSeat, on a fresh session of the same
  // capacity, the same number of attempts and clients, through a pg Pool of as many connections as the
  // server process had (DB_POOL_MAX), unless --sql-pool says otherwise; never more than PostgreSQL allows.
  const maxConnections = await serverMaxConnections(url);
  const sqlPoolSize = Math.max(1, Math.min(sqlPoolArg ?? serverPool ?? 10, maxConnections - 10));
  const pool = new pg.Pool({ connectionString: url, max: sqlPoolSize });
  await Promise.all(Array.from({ length: sqlPoolSize }, () => pool.query('select 1')));
  const sql = await storm(attempts, connections, async () => {
    const now = new Date();
    const result = await pool.query(
      `update sessions set booked = booked + 1
       where id = $1 and booked < capacity and released_at <= $2 and starts_at > $2
       returning booked`,
      [sqlSessionId, now],
    );
    return { status: 200, code: result.rowCount === 1 ? 'TAKEN' : 'FULL' };
  });
  await pool.end();
  const sqlCounter = await sessionCounter(handle.db, sqlSessionId);
  const sqlTaken = sql.outcomes.filter((o) => o.code === 'TAKEN').length;
  const sqlErrors = sql.outcomes.filter((o) => o.status !== 200).length;
  if (sqlCounter.booked !== expectedSold || sqlTaken !== expectedSold)
    failures.push(`SQL: seats taken ${sqlTaken}, counter ${sqlCounter.booked}, expected ${expectedSold}`);
  if (sqlErrors > 0)
    failures.push(`SQL: ${sqlErrors} errors (${Object.keys(tally(sql.outcomes)).join('; ')})`);

  const httpRates = rates(http.outcomes, http.wallMs, (o) => o.status === 200);
  const sqlRates = rates(sql.outcomes, sql.wallMs, (o) => o.code === 'TAKEN');
  const httpLatency = latencies(http.outcomes);
  const bookedLatency = latencies(httpBooked);
  const refusedLatency = latencies(httpFull);
  const sqlLatency = latencies(sql.outcomes);
  const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
  const summary = {
    bench: 'booking-storm',
    date: new Date().toISOString(),
    attempts,
    seats,
    connections,
    serverPool: serverPool ?? 10,
    http: {
      booked: httpBooked.length,
      sessionFull: httpFull.length,
      other: httpOther.length,
      fiveHundreds,
      sold: counter.booked,
      capacity: counter.capacity,
      ...httpRates,
      latencyMs: httpLatency,
      bookedLatencyMs: bookedLatency,
      refusedLatencyMs: refusedLatency,
      cpuCores: cpu,
    },
    sql: {
      taken: sqlTaken,
      sold: sqlCounter.booked,
      poolSize: sqlPoolSize,
      ...sqlRates,
      latencyMs: sqlLatency,
    },
    ratio: {
      attemptsPerSec: ratio(httpRates.attemptsPerSec, sqlRates.attemptsPerSec),
      bookingsPerSec: ratio(httpRates.bookingsPerSec, sqlRates.bookingsPerSec),
    },
    ok: failures.length === 0,
  };

  const row = (label: string, value: string | number) => console.log(`  ${label.padEnd(38)} ${value}`);
  console.log('\nHTTP (POST /api/v1/applications/{id}/submit, one server process)');
  row('attempts', attempts);
  row('bookings made (200 AWAITING_PAYMENT)', httpBooked.length);
  row('409 SESSION_FULL', httpFull.length);
  row('other answers', httpOther.length ? JSON.stringify(tally(httpOther)) : 0);
  row('seats sold / capacity', `${counter.booked} / ${counter.capacity}`);
  row('wall time', `${httpRates.wallMs} ms`);
  row('attempts/s', httpRates.attemptsPerSec);
  row('sold out after', `${httpRates.sellOutMs} ms`);
  row('bookings/s (until sold out)', httpRates.bookingsPerSec);
  row(
    'CPU: server / client / machine',
    `${cpu.serverProcess} / ${cpu.client} / ${cpu.machine} of ${cpuCount()} cores`,
  );
  row(
    'latency p50 / p95 / p99 / max',
    `${httpLatency.p50} / ${httpLatency.p95} / ${httpLatency.p99} / ${httpLatency.max} ms`,
  );
  row('  of bookings p50 / p99', `${bookedLatency.p50} / ${bookedLatency.p99} ms`);
  row('  of SESSION_FULL p50 / p99', `${refusedLatency.p50} / ${refusedLatency.p99} ms`);
  console.log(`\nBare SQL (conditional UPDATE, pg Pool of ${sqlPoolSize}, ${connections} clients)`);
  row('attempts', attempts);
  row('seats taken / capacity', `${sqlCounter.booked} / ${sqlCounter.capacity}`);
  row('wall time', `${sqlRates.wallMs} ms`);
  row('attempts/s', sqlRates.attemptsPerSec);
  row('sold out after', `${sqlRates.sellOutMs} ms`);
  row('seats/s (until sold out)', sqlRates.bookingsPerSec);
  row(
    'latency p50 / p95 / p99 / max',
    `${sqlLatency.p50} / ${sqlLatency.p95} / ${sqlLatency.p99} / ${sqlLatency.max} ms`,
  );
  console.log('\nHTTP / SQL');
  row('attempts/s', summary.ratio.attemptsPerSec);
  row('bookings/s', summary.ratio.bookingsPerSec);
  if (failures.length > 0) {
    console.log('\nFAILED:');
    for (const f of failures) console.log(`  - ${f}`);
    const errors = serverOutput.split('\n').filter((line) => /"level":(50|60)/.test(line));
    if (errors.length > 0) console.log(`server errors (${errors.length}), first:\n${errors[0]}`);
  }
  console.log(JSON.stringify(summary));
  return failures.length === 0 ? 0 : 1;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** User + system CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const cpuSecondsOfUsage = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

function cpuCount(): number {
  return availableParallelism();
}

function ms(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** GET the applicant's own application: authenticated reads, no state changed. */
async function fetchStatus(agent: Agent, baseUrl: string, applicant: ReadyApplicant): Promise<number> {
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

async function serverMaxConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ max_connections: string }>('show max_connections');
    return Number(result.rows[0]!.max_connections);
  } finally {
    await client.end();
  }
}

await bench.run(main);
