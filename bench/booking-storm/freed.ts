/**
 * Freed-seat storm (issue 15): `waitlisted` people wait for one office day whose `seats` seats are all
 * booked; over a window standing for a simulated hour the holders cancel at random moments, each seat
 * is offered to the next person waiting in the cancel's own transaction, and the people offered accept
 * (or a share of them decline, cascading the seat on). Two server processes on one PostgreSQL, clients
 * spread over both. Side by side, in the same run: the same cancels on a day nobody waits for (the
 * seats just go back on the calendar).
 *
 *   node bench/booking-storm/freed.ts [--waitlisted 5000] [--seats 500] [--window 60] [--decline 0.2]
 *        [--checks 2] [--connections 50] [--settle 60] [--job-interval 200] [--office BANDUNG]
 *   npm run bench:booking-storm -- --freed [options]      (the same)
 * See README.md beside this file.
 */
import { Agent } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { getOverHttp, prepareApplicants } from '../../apps/server/test/support/booking-fixtures.ts';
import { doubleOffers, seatLedgerMismatches } from '../../apps/server/test/support/waitlist.ts';
import { createBenchRun, machineBusy, machineCpu, positiveInt } from '../support/environment.ts';
import { bookHolders, emailsOf, joinWaitlist, layOutDay, ledgerOf, pickDays, seatsOf } from './freed-day.ts';
import { endState, p50p99, timeServerQueries, trace } from './freed-figures.ts';
import { Answers, cancelAtRandomMoments, freedStorm } from './freed-storm.ts';
import { jsonRequest, latencySummary } from './http.ts';

const { values: args } = parseArgs({
  options: {
    freed: { type: 'boolean', default: false },
    waitlisted: { type: 'string', default: '5000' },
    seats: { type: 'string', default: '500' },
    window: { type: 'string', default: '60' },
    decline: { type: 'string', default: '0.2' },
    checks: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    settle: { type: 'string', default: '60' },
    'job-interval': { type: 'string', default: '200' },
    office: { type: 'string', default: 'BANDUNG' },
  },
  strict: true,
});
const waitlisted = positiveInt('waitlisted', args.waitlisted, 50_000);
const seats = positiveInt('seats', args.seats, 10_000);
const windowMs = positiveInt('window', args.window, 3_600) * 1_000;
const checks = Number(args.checks);
const declineShare = Number(args.decline);
const connections = positiveInt('connections', args.connections, 1_000);
const settleMs = positiveInt('settle', args.settle, 3_600) * 1_000;
const jobIntervalMs = positiveInt('job-interval', args['job-interval'], 60_000);
const office = args.office!;
if (!Number.isInteger(checks) || checks < 0 || checks > 100) {
  console.error(`--checks must be an integer from 0 to 100 (got ${args.checks})`);
  process.exit(2);
}
if (!(declineShare >= 0 && declineShare <= 0.9)) {
  console.error(`--decline must be a share from 0 to 0.9 (got ${args.decline})`);
  process.exit(2);
}
/** Warm-up cancels (not measured) on the baseline day, so both sides meet warm code paths. */
const WARM_UP = 20;
const bench = createBenchRun('freed');
const ms = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  console.log(
    `freed-seat storm: ${waitlisted} waiting, ${seats} seats freed at random moments over ${windowMs / 1000} s ` +
      `(a simulated hour), ${Math.round(declineShare * 100)} % of those offered decline, office ${office}, ` +
      `2 server processes, ${connections} connections per process; load average ${loadavg()[0]!.toFixed(2)}`,
  );
  const expectedOffers = Math.ceil(seats / (1 - declineShare));
  if (waitlisted < expectedOffers * 1.2)
    console.log(`  note: about ${expectedOffers} offers expected; the waitlist may run dry`);
  let t0 = performance.now();
  const { url, dataDir, handle } = await bench.open();
  const db = handle.db;
  const env = {
    DATABASE_URL: url,
    SIMULATION: 'on',
    RATE_LIMIT_SCALE: '1000',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JOB_INTERVAL_MS: String(jobIntervalMs),
  };
  const servers = await Promise.all([bench.start(env), bench.start(env)]);
  const bases = servers.map((s) => s.url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const clock = await jsonRequest<{ now: string; offsetMinutes: number }>(agent, `${bases[0]}/sim/clock`);
  const offsetMs = clock.body.offsetMinutes * 60_000;
  const now = new Date(Date.now() + offsetMs);
  console.log(`database and 2 servers ready in ${ms(t0)} (JOB_INTERVAL_MS ${jobIntervalMs})`);

  // People: holders of the baseline day's seats (and warm-up ones), of the waitlisted day's, the waiting.
  t0 = performance.now();
  const people = await prepareApplicants(db, 2 * seats + WARM_UP + waitlisted, { now });
  const baselineHolders = people.slice(0, seats + WARM_UP);
  const freedHolders = people.slice(seats + WARM_UP, 2 * seats + WARM_UP);
  const waiting = people.slice(2 * seats + WARM_UP);
  const [baselineDay, freedDay] = await pickDays(db, getOverHttp(bases[0]!), office, 2, now);
  const baselineLayout = await layOutDay(db, office, baselineDay!, seats + WARM_UP, now);
  const freedLayout = await layOutDay(db, office, freedDay!, seats, now);
  const baselineSessions = baselineLayout.map((s) => s.id);
  const freedSessions = freedLayout.map((s) => s.id);
  const booked = await bookHolders({
    agent,
    bases,
    people: baselineHolders,
    layout: baselineLayout,
    connections,
  });
  const warmUp = booked
    .filter((_, i) => i % Math.max(1, Math.floor(booked.length / WARM_UP)) === 0)
    .slice(0, WARM_UP);
  const baselineBooked = booked.filter((h) => !warmUp.includes(h));
  const freedBooked = await bookHolders({
    agent,
    bases,
    people: freedHolders,
    layout: freedLayout,
    connections,
  });
  console.log(
    `${people.length} applicants prepared, ${booked.length + freedBooked.length} seats booked over HTTP in ` +
      `${ms(t0)}; baseline day ${baselineDay} (${baselineSessions.length} sessions), ` +
      `waitlisted day ${freedDay} (${freedSessions.length} sessions)`,
  );

  // 1. The baseline: the same cancels, nobody waiting anywhere, the seats go back on the calendar.
  for (const [i, h] of warmUp.entries())
    await jsonRequest(agent, `${bases[i % 2]}/api/v1/applications/${h.person.applicationId}/cancel`, {
      method: 'POST',
      token: h.person.token,
    });
  console.log(`baseline: ${seats} cancels over ${windowMs / 1000} s, nobody waiting…`);
  const baselineAnswers = new Answers();
  let cpuBefore = machineCpu();
  const baselineCancels = await cancelAtRandomMoments({
    agent,
    bases,
    holders: baselineBooked,
    windowMs,
    answers: baselineAnswers,
  });
  const baselineCpu = machineBusy(cpuBefore, machineCpu());
  const baselineSeats = await seatsOf(db, baselineSessions);
  const baselineLedger = await ledgerOf(db, baselineSessions);

  // 2. The waitlist: everyone joins for the full day over HTTP.
  t0 = performance.now();
  const joined = await joinWaitlist({ agent, bases, people: waiting, office, date: freedDay!, connections });
  const emails = await emailsOf(db, waiting);
  console.log(`${waiting.length} joined the waitlist in ${ms(t0)} (${joined.joinsPerSec}/s)`);

  // 3. The storm.
  console.log(`storm: ${seats} cancels over ${windowMs / 1000} s, ${waiting.length} waiting…`);
  const answers = new Answers();
  cpuBefore = machineCpu();
  const storm = await freedStorm({
    agent,
    bases,
    db,
    holders: freedBooked,
    people: waiting,
    emails,
    sessionIds: freedSessions,
    windowMs,
    settleMs,
    checks,
    declineShare,
    offsetMs,
    answers,
  });
  const stormCpu = machineBusy(cpuBefore, machineCpu());
  agent.destroy();
  const traced = await trace(db, { sessionIds: freedSessions, people: waiting, storm, offsetMs });
  const freedSeats = await seatsOf(db, freedSessions);
  const endLedger = await ledgerOf(db, freedSessions);
  const wholeLedger = await seatLedgerMismatches(db);
  const doubled = await doubleOffers(db);
  const end = await endState(db, freedSessions);
  const alone = await timeServerQueries(db, freedSessions[0]!, new Date(Date.now() + offsetMs));

  const stopped = await Promise.all(servers.map((s) => bench.stop(s)));
  const failures: string[] = [];
  const fail = (bad: boolean, what: string) => bad && failures.push(what);
  fail(baselineAnswers.fiveHundreds + answers.fiveHundreds > 0, '5xx answers (or no answer)');
  fail(
    baselineAnswers.other.size > 0,
    `baseline: other answers ${JSON.stringify([...baselineAnswers.other])}`,
  );
  fail(answers.other.size > 0, `storm: other answers ${JSON.stringify([...answers.other])}`);
  fail(baselineSeats.booked !== 0, `baseline: ${baselineSeats.booked} seats still counted, expected 0`);
  fail(
    Object.values(baselineLedger).some((n) => n > 0),
    `baseline ledger ${JSON.stringify(baselineLedger)}`,
  );
  fail(end.resold !== seats, `seats re-sold to the waitlist ${end.resold}, expected ${seats}`);
  fail(
    freedSeats.booked !== seats || freedSeats.open !== seats,
    `waitlisted day: counted ${freedSeats.booked}, open bookings ${freedSeats.open}, expected ${seats}`,
  );
  fail(storm.ledger.mismatched + endLedger.mismatched + wholeLedger.length > 0, 'seat ledger mismatch');
  fail(storm.ledger.doubled + endLedger.doubled + doubled.length > 0, 'double offers');
  fail(storm.ledger.oversold + endLedger.oversold > 0, 'oversold');
  fail(end.mostOffersPerEntry > 1, `an entry was offered ${end.mostOffersPerEntry} seats`);
  fail(end.skippedInOrder > 0, `${end.skippedInOrder} entries passed over out of join order`);
  fail(traced.unresolved > 0, `${traced.unresolved} freed seats never re-sold`);
  fail(traced.freeingsWithoutOffer > 0, `${traced.freeingsWithoutOffer} freed seats made no offer`);
  fail(
    stopped.some((code) => code !== 0),
    `servers exited with ${stopped.join(', ')} on SIGTERM`,
  );

  const baseCancel = latencySummary(baselineCancels.map((c) => c.answeredAt - c.sentAt));
  const stormCancel = latencySummary(storm.cancels.map((c) => c.answeredAt - c.sentAt));
  const declineMs = storm.declines.map((d) => d.answeredAt - d.sentAt);
  const ratio = (a: number, b: number) => (Math.round((a / b) * 100) / 100).toFixed(2);
  const tail = storm.accepted ? (storm.lastAcceptedAt - storm.cancelsEndedAt) / 1000 : Number.NaN;
  const rows: [string, string | number, string | number][] = [
    ['seats freed (cancels answered 200)', count(baselineCancels), count(storm.cancels)],
    ['cancel p50 / p99 / max (ms)', pmax(baseCancel), pmax(stormCancel)],
    [
      '  with ÷ without waitlist (p50, p99)',
      '',
      `${ratio(stormCancel.p50, baseCancel.p50)}, ${ratio(stormCancel.p99, baseCancel.p99)}`,
    ],
    [
      'where the freed seats went',
      `${seats - baselineSeats.booked} to the calendar`,
      `${traced.offers} offers`,
    ],
    ['seat freed → offer stamped p50 / p99 (ms)', '–', p50p99(traced.offerStampedMs)],
    ['seat freed → offer committed p50 / p99 (ms)', '–', p50p99(traced.offerCommittedMs)],
    ['  declined (cascaded on)', '–', storm.declines.length],
    ['  decline p50 / p99 (ms)', '–', p50p99(declineMs)],
    ['offer → e-mail in inbox p50 / p99 (ms)', '–', p50p99(traced.mailedMs)],
    ['offer → person knows p50 / p99 (ms)', '–', p50p99(traced.learnedMs)],
    ['  learned by e-mail / in the app', '–', `${traced.learnedVia.mail} / ${traced.learnedVia.app}`],
    ['accept (submit) p50 / p99 (ms)', '–', p50p99(storm.acceptMs)],
    ['offer → booked p50 / p99 (ms)', '–', p50p99(traced.offerToBookedMs)],
    ['seat freed → re-sold p50 / p99 (ms)', '–', p50p99(traced.freedToResoldMs)],
    ['seats re-sold to the waitlist', '–', `${end.resold} / ${seats}`],
    ['last seat re-sold after last cancel (s)', '–', Number.isNaN(tail) ? '–' : tail.toFixed(1)],
    ['double offers (sampled, end)', '–', `${storm.ledger.doubled}, ${endLedger.doubled + doubled.length}`],
    [
      'ledger mismatches (sampled, end)',
      baselineLedger.mismatched,
      `${storm.ledger.mismatched}, ${endLedger.mismatched + wholeLedger.length}`,
    ],
    ['most offers to one entry; out of order', '–', `${end.mostOffersPerEntry}; ${end.skippedInOrder}`],
    ['place checks (p50 / p99 ms)', '–', `${storm.checkMs.length} (${p50p99(storm.checkMs)})`],
    [
      '5xx; other answers',
      `${baselineAnswers.fiveHundreds}; ${others(baselineAnswers)}`,
      `${answers.fiveHundreds}; ${others(answers)}`,
    ],
    [`machine CPU busy (cores of ${availableParallelism()})`, baselineCpu.toFixed(2), stormCpu.toFixed(2)],
  ];
  console.log('');
  console.log(`  ${''.padEnd(44)} ${'nobody waiting'.padStart(20)} ${`${waitlisted} waiting`.padStart(22)}`);
  for (const [label, a, b] of rows)
    console.log(`  ${label.padEnd(44)} ${String(a).padStart(20)} ${String(b).padStart(22)}`);
  console.log(
    `\n  joins: ${waiting.length} at ${joined.joinsPerSec}/s, p50 / p99 ${p50p99(joined.latencies)} ms; ` +
      `ledger sampled ${storm.ledger.samples} times; entries ${JSON.stringify(end.entries)}; ` +
      `offers ${JSON.stringify(end.offers)}; unexplained offers ${traced.unexplainedOffers}`,
  );
  console.log(
    `  load average (1 min) now ${loadavg()[0]!.toFixed(2)}: the machine CPU figures include anything else running`,
  );
  console.log(
    `  timed alone after the storm (${alone.waiting} waiting, ${alone.freeSessions} sessions with unsold seats): ` +
      `next entry for a freed seat ${alone.nextEntryMs} ms; the job's search for unsold seats ` +
      `${alone.jobSearchMs} ms (every ${jobIntervalMs} ms in each of 2 processes)`,
  );
  if (failures.length > 0) {
    console.log('\nFAILED:');
    for (const f of failures) console.log(`  - ${f}`);
    const errors = servers
      .flatMap((s) => s.output().split('\n'))
      .filter((line) => /"level":(50|60)/.test(line));
    if (errors.length > 0) console.log(`server errors (${errors.length}), first:\n${errors[0]}`);
  }
  console.log(
    JSON.stringify({
      bench: 'freed-storm',
      date: new Date().toISOString(),
      waitlisted,
      seats,
      windowSeconds: windowMs / 1000,
      declineShare,
      checks,
      baseline: { cancelMs: baseCancel, seatsBackOnCalendar: seats - baselineSeats.booked },
      storm: {
        cancelMs: stormCancel,
        offerStampedMs: latencySummary(traced.offerStampedMs),
        offerCommittedMs: latencySummary(traced.offerCommittedMs),
        mailedMs: latencySummary(traced.mailedMs),
        learnedMs: latencySummary(traced.learnedMs),
        acceptMs: latencySummary(storm.acceptMs),
        offerToBookedMs: latencySummary(traced.offerToBookedMs),
        freedToResoldMs: latencySummary(traced.freedToResoldMs),
        declines: storm.declines.length,
        offers: traced.offers,
        resold: end.resold,
        ledger: storm.ledger,
        entries: end.entries,
        fiveHundreds: answers.fiveHundreds,
        machineCores: stormCpu,
      },
      baselineMachineCores: baselineCpu,
      timedAlone: alone,
      ok: failures.length === 0,
    }),
  );
  return failures.length === 0 ? 0 : 1;
}

const others = (a: Answers) => [...a.other.values()].reduce((x, y) => x + y, 0);

const count = (freeings: readonly { status: number }[]) => freeings.filter((f) => f.status === 200).length;
const pmax = (s: { p50: number; p99: number; max: number }) =>
  `${Math.round(s.p50)} / ${Math.round(s.p99)} / ${Math.round(s.max)}`;

await bench.run(main);
