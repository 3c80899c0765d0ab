/**
 * Release storm (issue 14): an office releases `seats` seats over `sessions` sessions; `applicants`
 * people want them, through two server processes on one PostgreSQL, clients spread across both.
 * Run twice on the same machine and database, side by side:
 *   1. first come first served (sessions without a queue: everyone submits at once);
 *   2. the waiting room: everyone joins the release queue before the instant, follows the release's
 *      public progress (reading the ticket itself when its place is drawn or its turn comes), and
 *      submits with the admission when admitted;
 * and, in the same run, the bare conditional UPDATE that takes a seat, for the ratio.
 *
 *   node bench/booking-storm/release.ts [--applicants 20000] [--seats 5000] [--sessions 10]
 *        [--connections 200] [--admit-per-second 1000] [--office BANDUNG]
 * See README.md beside this file.
 */
import { Agent } from 'node:http';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../apps/server/src/db/database.ts';
import {
  getOverHttp,
  pickTargetSession,
  prepareApplicants,
} from '../../apps/server/test/support/booking-fixtures.ts';
import { createBenchRun, positiveInt } from '../support/environment.ts';
import { jsonRequest } from './http.ts';
import { bareSql, fcfsStorm, type StormFigures } from './release-fcfs.ts';
import { queueStorm, releaseSessions, type QueueFigures } from './release-queue.ts';

const { values: args } = parseArgs({
  options: {
    applicants: { type: 'string', default: '20000' },
    seats: { type: 'string', default: '5000' },
    sessions: { type: 'string', default: '10' },
    connections: { type: 'string', default: '200' },
    'admit-per-second': { type: 'string', default: '1000' },
    office: { type: 'string', default: 'BANDUNG' },
  },
  strict: true,
});
const applicants = positiveInt('applicants', args.applicants);
const seats = positiveInt('seats', args.seats);
const sessionCount = positiveInt('sessions', args.sessions);
const connections = positiveInt('connections', args.connections);
const admitPerSecond = positiveInt('admit-per-second', args['admit-per-second']);
const office = args.office!;
const bench = createBenchRun('release');

async function main(): Promise<number> {
  console.log(
    `release storm: ${applicants} applicants, ${seats} seats in ${sessionCount} sessions, office ${office}, ` +
      `2 server processes, ${connections} connections per process, admission ${admitPerSecond}/s`,
  );
  const { url, dataDir, handle } = await bench.open();
  const env = {
    DATABASE_URL: url,
    SIMULATION: 'on',
    RATE_LIMIT_SCALE: '1000',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RELEASE_ADMIT_PER_SECOND: String(admitPerSecond),
    RELEASE_TICK_MS: '100',
  };
  const servers = await Promise.all([bench.start(env), bench.start(env)]);
  const bases = servers.map((s) => s.url);
  const db = handle.db;

  // 1. First come, first served: released sessions without a queue.
  const fcfsPeople = await prepareApplicants(db, applicants);
  const listing = getOverHttp(bases[0]!);
  const fcfsSessions: string[] = [];
  for (let i = 0; i < sessionCount; i++) {
    fcfsSessions.push(
      await pickTargetSession(db, listing, office, Math.ceil(seats / sessionCount), {
        exclude: fcfsSessions,
      }),
    );
  }
  const sqlSession = await pickTargetSession(db, listing, office, seats, { exclude: fcfsSessions });
  console.log('FCFS storm…');
  const fcfs = await fcfsStorm({ bases, people: fcfsPeople, sessions: fcfsSessions, connections, db });

  // 2. The same crowd through the release queue of the office's next release.
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const releaseAt = Date.parse(
    (
      await jsonRequest<{ next: { releaseAt: string } }>(
        agent,
        `${bases[0]}/api/v1/offices/${office}/releases`,
      )
    ).body.next.releaseAt,
  );
  await moveSimClock(agent, bases, releaseAt - 10 * 60_000);
  // The jump expires the first storm's unpaid billings: let that work (and its e-mails) finish, so
  // the second storm is measured alone.
  await settled(db);
  // Each process materialises the sessions of its new "today" before their seats are set.
  for (const base of bases) await jsonRequest(agent, `${base}/api/v1/offices/${office}/releases`);
  const release = await releaseSessions(db, office, new Date(releaseAt), seats, sessionCount);
  const simNow = new Date((await jsonRequest<{ now: string }>(agent, `${bases[0]}/sim/clock`)).body.now);
  const queuePeople = await prepareApplicants(db, applicants, { now: simNow });
  console.log('Release queue storm…');
  const queued = await queueStorm({
    bases,
    people: queuePeople,
    sessions: release,
    connections,
    db,
    office,
    openRelease: () => moveSimClock(agent, bases, releaseAt),
  });
  agent.destroy();

  // 3. The bare statement, as many attempts, as many connections as the two servers' pools.
  console.log('Bare SQL…');
  const sql = await bareSql({ url, sessionId: sqlSession, attempts: applicants, connections, poolSize: 20 });

  return report(fcfs, queued, sql);
}

/** Waits (up to 3 minutes) until no billing waits for expiry and no message waits to go out. */
async function settled(db: DatabaseHandle['db']): Promise<void> {
  for (let tries = 0; tries < 1800; tries++) {
    const [row] = await queryRows<{ unpaid: number; pending: number }>(
      db,
      sql`select (select count(*)::int from applications where status = 'AWAITING_PAYMENT') as unpaid,
                 (select count(*)::int from notification_outbox where status = 'PENDING') as pending`,
    );
    if (row!.unpaid === 0 && row!.pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the first storm did not settle within 3 minutes (billing expiry, outbox)');
}

/** Moves the shared simulated clock to `to` (never back) and waits until both processes run on it. */
async function moveSimClock(agent: Agent, bases: readonly string[], to: number): Promise<void> {
  const now = Date.parse((await jsonRequest<{ now: string }>(agent, `${bases[0]}/sim/clock`)).body.now);
  const minutes = Math.ceil((to - now) / 60_000);
  if (minutes > 0) {
    await jsonRequest(agent, `${bases[0]}/sim/clock`, { body: { advanceMinutes: minutes } });
  }
  for (const base of bases) {
    for (let tries = 0; tries < 100; tries++) {
      const seen = Date.parse((await jsonRequest<{ now: string }>(agent, `${base}/sim/clock`)).body.now);
      if (seen >= to) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function report(
  fcfs: StormFigures,
  queued: QueueFigures,
  sql: { seatsPerSec: number; sold: number },
): number {
  const failures = [...fcfs.failures, ...queued.failures];
  if (sql.sold !== seats) failures.push(`bare SQL sold ${sql.sold} of ${seats}`);
  const ratio = (n: number) => Math.round((n / sql.seatsPerSec) * 1000) / 1000;
  const rows: [string, string | number, string | number][] = [
    ['seats sold / capacity', `${fcfs.sold} / ${fcfs.capacity}`, `${queued.sold} / ${queued.capacity}`],
    ['oversold', fcfs.oversold, queued.oversold],
    ['5xx answers', fcfs.fiveHundreds, queued.fiveHundreds],
    ['bookings/s over HTTP', fcfs.bookingsPerSec, queued.bookingsPerSec],
    ['  ÷ bare SQL seats/s', ratio(fcfs.bookingsPerSec), ratio(queued.bookingsPerSec)],
    [
      'submit p50 / p99 (ms)',
      `${fcfs.submit.p50} / ${fcfs.submit.p99}`,
      `${queued.submit.p50} / ${queued.submit.p99}`,
    ],
    ['time to sell out (s)', fcfs.sellOutSeconds, queued.sellOutSeconds],
    ['submits sent', fcfs.submits, queued.submits],
  ];
  console.log(`\nBare SQL: ${sql.seatsPerSec} seats/s (pool of 20, ${connections} clients)\n`);
  console.log(`  ${''.padEnd(28)} ${'first come first served'.padStart(26)} ${'release queue'.padStart(22)}`);
  for (const [label, a, b] of rows)
    console.log(`  ${label.padEnd(28)} ${String(a).padStart(26)} ${String(b).padStart(22)}`);
  console.log(
    `\n  queue: ${queued.joined} joined (${queued.joinsPerSec}/s), ${queued.polls} ticket reads, ` +
      `${queued.progressReads} progress reads (${queued.progressReadsPerSec}/s), ` +
      `SOLD_OUT seen p50/p99 ${queued.soldOutNotice.p50}/${queued.soldOutNotice.p99} ms after the last seat`,
  );
  if (failures.length > 0) {
    console.log('\nFAILED:');
    for (const f of failures) console.log(`  - ${f}`);
  }
  console.log(
    JSON.stringify({
      bench: 'release-storm',
      date: new Date().toISOString(),
      applicants,
      seats,
      fcfs,
      queued,
      sql,
      ok: failures.length === 0,
    }),
  );
  return failures.length === 0 ? 0 : 1;
}

await bench.run(main);
