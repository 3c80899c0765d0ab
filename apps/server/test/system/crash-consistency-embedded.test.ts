import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invariantViolations } from '../../src/db/invariants.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { residentForRegistration } from '../support/accounts.ts';
import {
  getOverHttp,
  pickTargetSession,
  prepareApplicants,
  submitOverHttp,
  type ReadyApplicant,
} from '../support/booking-fixtures.ts';
import {
  accountsMissing,
  billingOf,
  isAcknowledged,
  isServerError,
  notificationsMissing,
  paymentNotice,
  postJson,
  postPaymentNotice,
  seatsHeld,
  submitsMissing,
  whenCount,
  type Answered,
  type PaymentNotice,
} from '../support/crash.ts';
import { spawnServer, waitUntilReady, type ServerProcess } from '../support/server-process.ts';

/**
 * Crash consistency on the embedded database (issue 18): one server process on PGlite takes a stream
 * of writes — submits, signed payment notifications (a partner that got no answer sends the same one
 * again), registrations — and is killed with SIGKILL in the middle of it, several times; each time it
 * starts again on the same data directory (the lock left by the dead process is taken over). In the
 * end every write that was acknowledged (2xx) is in the database and the invariants hold.
 *
 * Sized for CI; `npm run bench:crash` runs it bigger (CRASH_KILLS, CRASH_SUBMITS, CRASH_REGISTRATIONS).
 */
const sized = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const KILLS = sized('CRASH_KILLS', 2);
const SUBMITS_PER_ROUND = sized('CRASH_SUBMITS', 120);
const REGISTRATIONS_PER_ROUND = sized('CRASH_REGISTRATIONS', 6);
/** A round per kill, and a last one that ends with SIGTERM. */
const ROUNDS = KILLS + 1;
/** Fewer seats than submits: the later rounds meet a full session, so overselling would show. */
const SEATS = Math.floor(SUBMITS_PER_ROUND * ROUNDS * 0.6);
/** The kill comes once this share of a round's writes is answered: the rest are in flight or queued. */
const KILL_AT = 0.4;
const OFFICE = 'BANDUNG';
const SECRET = 'crash-embedded-simponi-secret-not-for-production';

let dataDir: string;
let env: Record<string, string>;
let applicants: ReadyApplicant[];
let sessionId: string;
let current: ServerProcess | undefined;
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** What the server acknowledged across all rounds, and what the kills cut. */
const ledger = {
  submits: [] as string[],
  notices: [] as { paymentId: string; outcome?: string | undefined }[],
  accounts: [] as string[],
  /** Notices for acknowledged submits not acknowledged yet: sent again next round, as SIMPONI retries. */
  unpaid: new Map<string, PaymentNotice>(),
  cutPerKill: [] as number[],
  serverErrors: [] as string[],
  problems: [] as string[],
};

async function start(): Promise<ServerProcess> {
  current = await spawnServer({ env });
  await waitUntilReady(current);
  return current;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mpaspor-crash-embedded-'));
  env = { DATA_DIR: dataDir, SIMULATION: 'on', RATE_LIMIT_SCALE: '1000', SIMPONI_WEBHOOK_SECRET: SECRET };
  // The first start makes the database as an operator's would; the fixtures are written while no
  // server holds the directory (PGlite is one process's).
  const first = await start();
  const listed = await getOverHttp(first.url)(`/api/v1/offices/${OFFICE}/sessions?service=REGULAR`);
  expect(await first.stop()).toBe(0);
  const handle = await openPglite(dataDir);
  try {
    applicants = await prepareApplicants(handle.db, SUBMITS_PER_ROUND * ROUNDS);
    sessionId = await pickTargetSession(handle.db, async () => listed, OFFICE, SEATS);
  } finally {
    await handle.close();
  }
});

afterAll(async () => {
  current?.kill();
  agent.destroy();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** One round of writes against `server`; with `kill`, SIGKILL once KILL_AT of them are answered. */
async function round(server: ServerProcess, batch: readonly ReadyApplicant[], kill: boolean): Promise<void> {
  let answered = 0;
  let cut = 0;
  const record = <T extends { status: number; body: unknown }>(sent: Promise<T>): Promise<Answered<T>> =>
    sent.then(
      (answer) => {
        answered++;
        if (isServerError(answer))
          ledger.serverErrors.push(`${answer.status} ${JSON.stringify(answer.body)}`);
        return answer;
      },
      (error: Error) => {
        cut++;
        return error;
      },
    );
  const pay = async (notice: PaymentNotice) => {
    const answer = await record(postPaymentNotice(agent, server.url, SECRET, notice));
    if (answer instanceof Error || !isAcknowledged(answer)) return;
    ledger.unpaid.delete(notice.paymentId);
    const outcome = typeof answer.body.outcome === 'string' ? answer.body.outcome : undefined;
    ledger.notices.push({ paymentId: notice.paymentId, outcome });
  };
  // Registrations first: they are the slowest (password hashing), and would otherwise queue behind the storm.
  const registrations = Array.from({ length: REGISTRATIONS_PER_ROUND }, async () => {
    const payload = JSON.stringify(residentForRegistration());
    const answer = await record(postJson(agent, `${server.url}/api/v1/accounts`, payload));
    if (!(answer instanceof Error) && isAcknowledged(answer)) ledger.accounts.push(String(answer.body.id));
  });
  const resent = [...ledger.unpaid.values()].map(pay);
  const submits = batch.map(async (applicant, i) => {
    const answer = await record(submitOverHttp(agent, server.url, applicant, sessionId));
    if (answer instanceof Error || !isAcknowledged(answer)) return;
    ledger.submits.push(applicant.applicationId);
    const billing = billingOf(answer);
    if (!billing) return void ledger.problems.push(`submit ${applicant.applicationId}: no billing`);
    // Half the applicants pay at once, while the storm goes on.
    if (i % 2 !== 0) return;
    const notice = paymentNotice(billing);
    ledger.unpaid.set(notice.paymentId, notice);
    await pay(notice);
  });
  const all = Promise.all([...registrations, ...resent, ...submits]);
  if (kill) {
    const writes = registrations.length + resent.length + batch.length;
    await whenCount(() => answered, Math.ceil(writes * KILL_AT), all);
    server.kill();
    await server.exited;
  }
  await all;
  if (kill) ledger.cutPerKill.push(cut);
}

describe('when the server on the embedded database is killed with SIGKILL during writes, again and again', () => {
  it(
    'then each restart on the same data directory finds every acknowledged write and the invariants hold',
    async () => {
      for (let r = 0; r < ROUNDS; r++) {
        const server = await start();
        const last = r === ROUNDS - 1;
        await round(server, applicants.slice(r * SUBMITS_PER_ROUND, (r + 1) * SUBMITS_PER_ROUND), !last);
        if (last) expect(await server.stop()).toBe(0);
      }

      const handle = await openPglite(dataDir);
      try {
        const db = handle.db;
        const lost = {
          submits: await submitsMissing(db, sessionId, ledger.submits),
          notifications: await notificationsMissing(db, ledger.notices),
          registrations: await accountsMissing(db, ledger.accounts),
        };
        const violations = await invariantViolations(db);
        const held = await seatsHeld(db, sessionId);
        const acknowledged = ledger.submits.length + ledger.notices.length + ledger.accounts.length;
        const lostCount = Object.values(lost).reduce((n, ids) => n + ids.length, 0);
        const cut = ledger.cutPerKill.reduce((a, b) => a + b, 0);
        console.log(
          `crash (embedded): ${KILLS} kills, ${acknowledged} acknowledged writes ` +
            `(${ledger.submits.length} submits, ${ledger.notices.length} payment notifications, ` +
            `${ledger.accounts.length} registrations), ${cut} cut by the kills, ${lostCount} lost, ` +
            `${violations.length} invariant violations; ${held}/${SEATS} seats held`,
        );
        expect(lost).toEqual({ submits: [], notifications: [], registrations: [] });
        expect(violations).toEqual([]);
        expect(held).toBeLessThanOrEqual(SEATS);
        expect(ledger.serverErrors).toEqual([]);
        expect(ledger.problems).toEqual([]);
        // Every kill came in the middle of the writes: each cut some off.
        expect(ledger.cutPerKill.every((n) => n > 0)).toBe(true);
        expect(ledger.submits.length).toBeGreaterThan(0);
        expect(ledger.notices.length).toBeGreaterThan(0);
        expect(ledger.accounts.length).toBeGreaterThan(0);
      } finally {
        await handle.close();
      }
    },
    120_000 + KILLS * 40_000,
  );
});
