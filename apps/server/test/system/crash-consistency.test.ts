import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database, type DatabaseHandle } from '../../src/db/database.ts';
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
  billingOf,
  isAcknowledged,
  isServerError,
  notificationsMissing,
  paymentNotice,
  postPaymentNotice,
  seatsHeld,
  submitsMissing,
  whenCount,
  type Answered,
  type PaymentNotice,
} from '../support/crash.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropDatabase,
  uniqueDatabaseName,
} from '../support/postgres.ts';
import { spawnServer, waitUntilReady, type ServerProcess } from '../support/server-process.ts';

/**
 * Crash consistency (issue 18): two server processes on one PostgreSQL take a booking storm with
 * payment notifications — signed as SIMPONI signs them, sent to both processes, some twice at once
 * (one to each), some to the process about to die. That one is killed with SIGKILL in the middle of
 * it and started again; a notification left unanswered is sent again, with the same payment id, as
 * SIMPONI retries. Every acknowledged (2xx) submit is in the database, every acknowledged notification
 * applied exactly once, nothing is oversold, and the invariants hold (db/invariants.ts).
 */
const APPLICANTS = 400;
const SEATS = 150;
/** SIGKILL once this many submits are acknowledged: both processes are busy with submits and payments… */
const KILL_AFTER_ACKNOWLEDGED = Math.floor(SEATS / 3);
/** …and at least this many notifications are on their way to the process killed. */
const KILL_WITH_NOTICES_IN_FLIGHT = 3;
const OFFICE = 'BANDUNG';
const SECRET = 'crash-postgres-simponi-secret-not-for-production';
const serverUrl = process.env.POSTGRES_TEST_URL ?? DEFAULT_POSTGRES_URL;
const databaseName = uniqueDatabaseName('mpaspor_crash');
let url: string;
let dataDir: string;
let env: Record<string, string>;
let servers: ServerProcess[] = [];
let handle: DatabaseHandle | undefined;
let applicants: ReadyApplicant[];
let sessionId: string;
const agent = new Agent({ keepAlive: true, maxSockets: 100 });
/** SIMPONI's own connections: its notifications do not queue behind the applicants' submits. */
const simponi = new Agent({ keepAlive: true, maxSockets: 20 });

/** What the processes acknowledged, what the kill cut, and what SIMPONI still has to send again. */
const ledger = {
  submits: [] as string[],
  /** Every acknowledged notification answer, duplicates included. */
  notices: [] as { paymentId: string; outcome?: string | undefined }[],
  /** Every notification sent, by payment id, with its billing. */
  sent: new Map<string, PaymentNotice>(),
  unanswered: new Map<string, PaymentNotice>(),
  /** Requests the kill cut in flight, and those the dead process refused before it was back. */
  cut: 0,
  refused: 0,
  /** Notifications among `cut`: sent to the process that was then killed, their answer never came. */
  noticesCut: 0,
  inFlight: new Map<ServerProcess, number>(),
  resent: 0,
  serverErrors: [] as string[],
  problems: [] as string[],
};

beforeAll(async () => {
  url = await createDatabase(serverUrl, databaseName);
  dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-crash-'));
  env = {
    DATABASE_URL: url,
    SIMULATION: 'on',
    RATE_LIMIT_SCALE: '1000',
    DATA_DIR: dataDir,
    SIMPONI_WEBHOOK_SECRET: SECRET,
  };
  servers = await Promise.all([spawnServer({ env }), spawnServer({ env })]);
  await Promise.all(servers.map((s) => waitUntilReady(s)));
  handle = openPostgres(url, 4);
  applicants = await prepareApplicants(handle.db, APPLICANTS);
  sessionId = await pickTargetSession(handle.db, getOverHttp(servers[0]!.url), OFFICE, SEATS);
});

afterAll(async () => {
  for (const server of servers) server.kill();
  agent.destroy();
  simponi.destroy();
  await handle?.close();
  await dropDatabase(serverUrl, databaseName);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const refused = (error: Error) => (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';

function record<T extends { status: number; body: unknown }>(sent: Promise<T>): Promise<Answered<T>> {
  return sent.then(
    (answer) => {
      if (isServerError(answer)) ledger.serverErrors.push(`${answer.status} ${JSON.stringify(answer.body)}`);
      return answer;
    },
    (error: Error) => {
      if (refused(error)) ledger.refused++;
      else ledger.cut++;
      return error;
    },
  );
}

/** Sends a notification to `server`; unless acknowledged, SIMPONI will send it again. */
async function notify(server: ServerProcess, notice: PaymentNotice): Promise<void> {
  ledger.sent.set(notice.paymentId, notice);
  ledger.inFlight.set(server, (ledger.inFlight.get(server) ?? 0) + 1);
  const answer = await record(postPaymentNotice(simponi, server.url, SECRET, notice));
  ledger.inFlight.set(server, ledger.inFlight.get(server)! - 1);
  if (answer instanceof Error && !refused(answer)) ledger.noticesCut++;
  if (answer instanceof Error || !isAcknowledged(answer)) {
    if (!(answer instanceof Error))
      ledger.problems.push(`notice: ${answer.status} ${JSON.stringify(answer.body)}`);
    return;
  }
  ledger.unanswered.delete(notice.paymentId);
  const outcome = typeof answer.body.outcome === 'string' ? answer.body.outcome : undefined;
  ledger.notices.push({ paymentId: notice.paymentId, outcome });
}

/** Applicant i's submit, and its payment: to one process or the other, every fifth to both at once. */
async function submitAndPay(applicant: ReadyApplicant, i: number): Promise<void> {
  const answer = await record(submitOverHttp(agent, servers[i % 2]!.url, applicant, sessionId));
  if (answer instanceof Error || !isAcknowledged(answer)) return;
  ledger.submits.push(applicant.applicationId);
  const billing = billingOf(answer);
  if (!billing) return void ledger.problems.push(`submit ${applicant.applicationId}: no billing`);
  // Two applicants in three pay during the storm; the rest stay AWAITING_PAYMENT.
  if (i % 3 === 2) return;
  const notice = paymentNotice(billing);
  ledger.unanswered.set(notice.paymentId, notice);
  const first = servers[Math.floor(i / 3) % 2]!;
  const both = i % 5 === 0 ? [first, servers[0] === first ? servers[1]! : servers[0]!] : [first];
  await Promise.all(both.map((server) => notify(server, notice)));
}

/**
 * Notifications not applied exactly once: each acknowledged payment id's billing must be PAID by that
 * payment, its application PAID, and the billing have one APPLIED notification; and no billing of the
 * database may have two.
 */
async function notAppliedOnce(db: Database, paymentIds: ReadonlySet<string>): Promise<string[]> {
  const rows = await queryRows<{
    code: string;
    status: string;
    payment_id: string | null;
    application_status: string;
    applied: number;
  }>(
    db,
    sql`select b.code, b.status, b.payment_id, a.status as application_status,
          (select count(*) from payment_notifications n
           where n.billing_code = b.code and n.outcome = 'APPLIED')::int as applied
        from billings b join applications a on a.id = b.application_id`,
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const wrong = rows
    .filter((r) => Number(r.applied) > 1)
    .map((r) => `billing ${r.code}: ${r.applied} applied`);
  for (const paymentId of paymentIds) {
    const notice = ledger.sent.get(paymentId)!;
    const row = byCode.get(notice.billingCode);
    if (
      row?.status !== 'PAID' ||
      row.payment_id !== paymentId ||
      row.application_status !== 'PAID' ||
      Number(row.applied) !== 1
    )
      wrong.push(`payment ${paymentId}: ${JSON.stringify(row ?? null)}`);
  }
  return wrong;
}

describe('when one of two server processes is killed with SIGKILL in the middle of a booking storm with payments', () => {
  it('then every acknowledged submit is in the database, every acknowledged payment applied once, nothing is oversold, and the invariants hold', async () => {
    const storm = Promise.all(applicants.map((a, i) => submitAndPay(a, i)));
    const victim = servers[1]!;
    const ready = () =>
      ledger.submits.length >= KILL_AFTER_ACKNOWLEDGED &&
      (ledger.inFlight.get(victim) ?? 0) >= KILL_WITH_NOTICES_IN_FLIGHT;
    await whenCount(() => (ready() ? 1 : 0), 1, storm);
    victim.kill();
    await victim.exited;
    await storm;
    const cutByKill = ledger.cut;
    console.log(
      `crash: ${APPLICANTS} submits, ${ledger.submits.length} acknowledged, ${ledger.notices.length} ` +
        `payment notifications acknowledged, ${cutByKill} cut by the kill (${ledger.noticesCut} of them ` +
        `notifications), ${ledger.refused} refused ` +
        `while down, ${ledger.unanswered.size} notifications to send again`,
    );
    expect(ledger.submits.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
    expect(cutByKill).toBeGreaterThan(0);
    expect(ledger.noticesCut).toBeGreaterThan(0);

    // The killed process starts again on the same database and data directory; SIMPONI sends each
    // unanswered notification again, to the restarted process (every third to the other one too).
    const restarted = await spawnServer({ env });
    servers.push(restarted);
    await waitUntilReady(restarted);
    const retries = [...ledger.unanswered.values()];
    ledger.resent = retries.length;
    await Promise.all(
      retries.map((notice, k) =>
        Promise.all((k % 3 === 0 ? [restarted, servers[0]!] : [restarted]).map((s) => notify(s, notice))),
      ),
    );

    const db = handle!.db;
    const lost = {
      submits: await submitsMissing(db, sessionId, ledger.submits),
      notifications: await notificationsMissing(db, ledger.notices),
    };
    const paid = new Set(ledger.notices.map((n) => n.paymentId));
    const notOnce = await notAppliedOnce(db, paid);
    const held = await seatsHeld(db, sessionId);
    const violations = await invariantViolations(db);
    const acknowledged = ledger.submits.length + ledger.notices.length;
    console.log(
      `crash (postgres): 1 kill, ${acknowledged} acknowledged writes (${ledger.submits.length} submits, ` +
        `${ledger.notices.length} payment notifications for ${paid.size} payments, ${ledger.resent} sent again ` +
        `after the restart), ${cutByKill} cut by the kill, ${lost.submits.length + lost.notifications.length} ` +
        `lost, ${notOnce.length} not applied exactly once, ${violations.length} invariant violations; ` +
        `${held}/${SEATS} seats held`,
    );
    expect(lost).toEqual({ submits: [], notifications: [] });
    expect(notOnce).toEqual([]);
    expect(held).toBeLessThanOrEqual(SEATS);
    expect(violations).toEqual([]);
    expect(ledger.serverErrors).toEqual([]);
    expect(ledger.problems).toEqual([]);
    // SIMPONI's retries were all answered: every payment sent is acknowledged and applied.
    expect(ledger.unanswered.size).toBe(0);
    expect(paid.size).toBe(ledger.sent.size);
    expect(ledger.resent).toBeGreaterThan(0);
  });
});
