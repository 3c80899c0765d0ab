import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { billings } from '../../src/db/schema/billing.ts';
import { notificationOutbox } from '../../src/db/schema/notifications.ts';
import { newBillingCode, type SimponiPort } from '../../src/modules/billing/index.ts';
import {
  createNotificationService,
  createOutboxWorker,
  type MailSender,
} from '../../src/modules/notifications/index.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { prepareApplicants } from '../support/booking-fixtures.ts';
import { createTestApp, TEST_START } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

/**
 * Graceful stop (issue 18, item 3): background jobs and the outbox worker stop between items, never
 * in the middle of one. Closing waits for the item in hand; the rest stays for the next process.
 */
let handle: DatabaseHandle;
const clock = new FixedClock(TEST_START);
const logger = createLogger('silent');

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

/** A port call that takes a while and reports when it starts: the item in hand when the app closes. */
function slowCalls(ms: number) {
  const started: string[] = [];
  const finished: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    started,
    finished,
    async call(key: string) {
      started.push(key);
      for (const w of waiters) if (started.length === w.count) w.resolve();
      await new Promise((resolve) => setTimeout(resolve, ms));
      finished.push(key);
    },
    /** Resolves once `count` calls have started. */
    startedCount: (count: number) =>
      new Promise<void>((resolve) => {
        if (started.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
  };
}

describe('when the app closes while a background job works through its batch', () => {
  it('then the billing being voided at SIMPONI completes and the next is not started', async () => {
    const db = handle.db;
    const applicants = await prepareApplicants(db, 5, { now: clock.now() });
    const codes = applicants.map(() => newBillingCode());
    await db.insert(billings).values(
      applicants.map((a, i) => ({
        applicationId: a.applicationId,
        code: codes[i]!,
        amount: 350_000,
        status: 'CANCELLED',
        expiresAt: clock.now(),
        createdAt: new Date(clock.now().getTime() + i),
        satker: '000000',
      })),
    );
    const voids = slowCalls(200);
    const simponi: SimponiPort = {
      createBilling: () => Promise.reject(new Error('not in this test')),
      getPaymentStatus: () => Promise.reject(new Error('not in this test')),
      extendBilling: async () => undefined,
      voidBilling: (code) => voids.call(code),
    };

    const t = await createTestApp({ db: handle, adapters: { simponi } });
    await voids.startedCount(2);
    await t.close();

    // The job takes the codes oldest first: the first two were voided and recorded, nothing more began.
    expect(voids.started).toEqual(codes.slice(0, 2));
    expect(voids.finished).toEqual(codes.slice(0, 2));
    const rows = await db
      .select({ code: billings.code, voidedAt: billings.voidedAt })
      .from(billings)
      .where(inArray(billings.code, codes));
    const voided = rows.filter((r) => r.voidedAt !== null).map((r) => r.code);
    expect(voided.sort()).toEqual(codes.slice(0, 2).sort());
  });
});

describe('when the outbox worker is stopped in the middle of a batch', () => {
  it('then the messages in hand are delivered and marked, and the rest are handed back for the next worker', async () => {
    const db = handle.db;
    await db.delete(notificationOutbox);
    const notifications = createNotificationService({ db, clock });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await notifications.enqueue(db, {
        channel: 'EMAIL',
        to: `pemohon${i}@contoh.id`,
        template: 'account.verify-email',
        language: 'id',
        variables: { fullName: 'Siti Nurhaliza', code: '482913', validMinutes: 15 },
      });
      ids.push(id);
    }
    const sends = slowCalls(300);
    const slowMail: MailSender = { send: (email) => sends.call(email.messageId) };
    const worker = createOutboxWorker({
      db,
      clock,
      mail: slowMail,
      sms: null,
      logger,
      pollMs: 60_000,
      concurrency: 2,
    });

    worker.start();
    await sends.startedCount(2);
    await worker.stop();

    expect(sends.started).toHaveLength(2);
    expect(sends.finished).toEqual(expect.arrayContaining(sends.started));
    const rows = await db.select().from(notificationOutbox).where(inArray(notificationOutbox.id, ids));
    const sent = rows.filter((r) => r.status === 'SENT').map((r) => r.id);
    expect(sent.sort()).toEqual([...sends.started].sort());
    const handedBack = rows.filter((r) => r.status === 'PENDING');
    expect(handedBack).toHaveLength(4);
    // Due at once for the next worker, and the attempt it never made not counted.
    for (const row of handedBack) expect(row).toMatchObject({ lockedUntil: null, attempts: 0 });

    const next = createOutboxWorker({ db, clock, mail: slowMail, sms: null, logger, pollMs: 60_000 });
    expect(await next.runOnce()).toEqual({ claimed: 4, sent: 4, retried: 0, failed: 0 });
    expect([...sends.started].sort()).toEqual([...ids].sort());
    await vi.waitFor(async () =>
      expect((await db.select().from(notificationOutbox)).every((r) => r.status === 'SENT')).toBe(true),
    );
  });
});
