import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database, DatabaseHandle } from '../../src/db/database.ts';
import { notificationOutbox } from '../../src/db/schema/notifications.ts';
import { simMailbox } from '../../src/db/schema/sim.ts';
import {
  createHttpSmsSender,
  createNotificationService,
  createOutboxWorker,
  createSmtpMailSender,
  renderNotification,
  type MailSender,
  type OutboxWorker,
  type OutboxWorkerDeps,
  type SmtpMailSender,
} from '../../src/modules/notifications/index.ts';
import { createSimMailSender, createSimSmsSender, listMailbox } from '../../src/modules/sim/index.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { startSmsGateway } from '../support/sms-gateway.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { TEST_START } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** The outbox end to end: a real SMTP server (smtp-server), a real HTTP SMS gateway, a real database. */
const clock = new FixedClock(TEST_START);
const logger = createLogger('silent');
const verifyVariables = { fullName: 'Siti Nurhaliza', code: '482913', validMinutes: 15 };
let handle: DatabaseHandle;
let db: Database;
let smtp: TestSmtpServer;
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let mail: SmtpMailSender;
const notifications = () => createNotificationService({ db, clock });
const worker = (overrides: Partial<OutboxWorkerDeps> = {}) =>
  createOutboxWorker({ db, clock, mail, sms: null, logger, pollMs: 20, ...overrides });
/** Started workers are stopped after each test, so a failed test cannot deliver the next one's mail. */
const startedWorkers: OutboxWorker[] = [];
const startWorker = (overrides: Partial<OutboxWorkerDeps> = {}) => {
  const started = worker(overrides);
  startedWorkers.push(started);
  started.start();
  return started;
};
const enqueueCode = (to: string, extra: { deliverAfter?: Date; target?: Database } = {}) =>
  notifications().enqueue(extra.target ?? db, {
    channel: 'EMAIL',
    to,
    template: 'account.verify-email',
    language: 'id',
    variables: verifyVariables,
    ...(extra.deliverAfter ? { deliverAfter: extra.deliverAfter } : {}),
  });
const rowOf = async (id: string) =>
  (await db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id)))[0];
const makeDue = (id: string) =>
  db
    .update(notificationOutbox)
    .set({ nextAttemptAt: sql`now()` })
    .where(eq(notificationOutbox.id, id));
const messageIdOf = (id: string) => `<${id}@m-paspor>`;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  smtp = await startSmtpServer();
  gateway = await startSmsGateway();
  mail = createSmtpMailSender({ url: smtp.url, from: 'M-Paspor <no-reply@m-paspor.test>', timeoutMs: 5_000 });
});
afterAll(async () => {
  mail.close();
  await Promise.all([smtp.close(), gateway.close()]);
  await handle.close();
});
afterEach(async () => {
  await Promise.all(startedWorkers.splice(0).map((w) => w.stop()));
});
beforeEach(async () => {
  await db.delete(notificationOutbox);
  await db.delete(simMailbox);
  smtp.received.length = 0;
  smtp.refused.clear();
  gateway.requests.length = 0;
});

describe('e-mail delivery through the outbox', () => {
  it('when an e-mail is enqueued, then the worker delivers it over SMTP and erases the body', async () => {
    const { id } = await enqueueCode('siti@example.com');
    expect(await worker().runOnce()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });

    const expected = renderNotification('account.verify-email', 'id', verifyVariables);
    expect(smtp.received).toEqual([
      {
        to: ['siti@example.com'],
        messageId: messageIdOf(id),
        subject: expected.subject,
        text: expected.body,
        attachments: [],
      },
    ]);
    expect(await rowOf(id)).toMatchObject({
      status: 'SENT',
      body: '',
      attempts: 1,
      lockedUntil: null,
      sentAt: clock.now(),
    });
  });

  it('when an e-mail carries a file, then it goes out attached over SMTP and the row keeps neither', async () => {
    const receipt = {
      filename: 'bukti-bayar.txt',
      contentType: 'text/plain; charset=utf-8',
      content: 'NTPN: X1',
    };
    const { id } = await notifications().enqueue(db, {
      channel: 'EMAIL',
      to: 'siti@example.com',
      template: 'account.verify-email',
      language: 'id',
      variables: verifyVariables,
      attachments: [receipt],
    });
    expect((await worker().runOnce()).sent).toBe(1);
    const [received] = smtp.received;
    expect(received?.text).toBe(renderNotification('account.verify-email', 'id', verifyVariables).body);
    expect(received?.attachments).toEqual([{ filename: 'bukti-bayar.txt', content: 'NTPN: X1' }]);
    expect(await rowOf(id)).toMatchObject({ status: 'SENT', body: '', attachments: null });
    await expect(
      notifications().enqueue(db, {
        channel: 'SMS',
        to: '+6281234567890',
        template: 'account.password-changed',
        language: 'id',
        variables: { fullName: 'Siti' },
        attachments: [receipt],
      }),
    ).rejects.toThrow(/attachments/);
  });

  it('when the enqueuing transaction rolls back, then the message never exists nor goes out', async () => {
    const rollback = new Error('the event failed');
    await expect(
      db.transaction(async (tx) => {
        await enqueueCode('rolled-back@example.com', { target: tx });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    await db.transaction((tx) => enqueueCode('committed@example.com', { target: tx }));

    expect((await worker().runOnce()).sent).toBe(1);
    expect(smtp.received.map((m) => m.to)).toEqual([['committed@example.com']]);
    expect(await db.select().from(notificationOutbox)).toHaveLength(1);
  });

  it('when deliverAfter lies ahead on the clock, then the message waits until the clock passes it', async () => {
    const { id } = await enqueueCode('later@example.com', {
      deliverAfter: new Date(clock.now().getTime() + 10 * 60_000),
    });
    const w = worker();
    expect((await w.runOnce()).claimed).toBe(0);
    clock.advance(9 * 60_000);
    expect((await w.runOnce()).claimed).toBe(0);
    clock.advance(60_000);
    expect((await w.runOnce()).sent).toBe(1);
    expect(smtp.received.map((m) => m.messageId)).toEqual([messageIdOf(id)]);
  });

  it('when the SMTP server refuses, then the row stays PENDING with backoff and a later attempt delivers', async () => {
    smtp.refused.add('ani@example.com');
    const { id } = await enqueueCode('ani@example.com');
    const w = worker({ retryBaseMs: 60_000 });
    const before = Date.now();
    expect(await w.runOnce()).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });

    const failed = await rowOf(id);
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null });
    expect(failed?.body).toContain('482913');
    expect(failed?.lastError).toMatch(/550/);
    const delay = (failed?.nextAttemptAt.getTime() ?? 0) - before;
    expect(delay).toBeGreaterThanOrEqual(30_000 - 1_000);
    expect(delay).toBeLessThanOrEqual(60_000 + 5_000);
    expect((await w.runOnce()).claimed).toBe(0);

    smtp.refused.clear();
    await makeDue(id);
    expect((await w.runOnce()).sent).toBe(1);
    expect(await rowOf(id)).toMatchObject({ status: 'SENT', attempts: 2, body: '' });
    expect(smtp.received.map((m) => m.messageId)).toEqual([messageIdOf(id)]);
  });

  it('when every attempt is refused, then the row ends FAILED with its reason and no body', async () => {
    smtp.refused.add('gone@example.com');
    const { id } = await enqueueCode('gone@example.com');
    const w = worker({ maxAttempts: 2 });
    expect((await w.runOnce()).retried).toBe(1);
    await makeDue(id);
    expect((await w.runOnce()).failed).toBe(1);
    await makeDue(id);
    expect((await w.runOnce()).claimed).toBe(0);
    expect(await rowOf(id)).toMatchObject({ status: 'FAILED', attempts: 2, body: '', sentAt: null });
    expect((await rowOf(id))?.lastError).toMatch(/550/);
    expect(smtp.received).toEqual([]);
    expect(await notifications().backlog()).toEqual({ PENDING: 0, SENT: 0, FAILED: 1, CANCELLED: 0 });
  });
});

describe('logs of the worker', () => {
  it('when deliveries succeed and fail, then the logs carry ids and counts, never recipients or content', async () => {
    const lines: string[] = [];
    const capture = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    smtp.refused.add('private@example.com');
    const refused = await enqueueCode('private@example.com');
    await enqueueCode('siti@example.com');
    expect((await worker({ logger: capture }).runOnce()).sent).toBe(1);

    const log = lines.join('');
    expect(log).toContain(refused.id);
    expect(log).toContain('"sent":1');
    for (const personal of ['private@example.com', 'siti@example.com', '482913', verifyVariables.fullName]) {
      expect(log).not.toContain(personal);
    }
  });
});

describe('workers that die, restart and run side by side', () => {
  it('when a worker dies mid-delivery, then another delivers after the lease, with the same Message-ID', async () => {
    const ids = await Promise.all(
      ['a', 'b', 'c'].map((n) => enqueueCode(`${n}@example.com`).then((r) => r.id)),
    );
    const hangsAfterSending: MailSender = {
      async send(email) {
        await mail.send(email);
        await new Promise(() => {});
      },
    };
    void worker({ mail: hangsAfterSending, leaseMs: 500 }).runOnce();
    await vi.waitFor(() => expect(smtp.received).toHaveLength(3));

    const survivor = worker();
    expect((await survivor.runOnce()).claimed).toBe(0);
    let sent = 0;
    await vi.waitFor(
      async () => {
        sent += (await survivor.runOnce()).sent;
        expect(sent).toBe(3);
      },
      { timeout: 5_000, interval: 100 },
    );

    for (const id of ids) {
      expect(await rowOf(id)).toMatchObject({ status: 'SENT', attempts: 2 });
      // The dead worker's copy and the survivor's: the same message, recognisable by its Message-ID.
      const copies = smtp.received.filter((m) => m.messageId === messageIdOf(id));
      expect(copies).toHaveLength(2);
      expect(copies[1]).toEqual(copies[0]);
    }
    expect(smtp.received).toHaveLength(6);
  });

  it('when a late worker reports a failure, then it cannot release the claim another worker took since', async () => {
    const { id } = await enqueueCode('late@example.com');
    let failLate = () => {};
    const late = new Promise<void>((resolve) => (failLate = resolve));
    const slowFailure = worker({
      mail: { send: () => late.then(() => Promise.reject(new Error('421 too late'))) },
      leaseMs: 200,
    });
    const outcome = slowFailure.runOnce();
    await vi.waitFor(async () => expect((await rowOf(id))?.attempts).toBe(1));
    const holder = worker({ mail: { send: () => new Promise(() => {}) } });
    await vi.waitFor(
      async () => {
        void holder.runOnce();
        expect((await rowOf(id))?.attempts).toBe(2);
      },
      { interval: 100 },
    );

    failLate();
    expect((await outcome).retried).toBe(1);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 2, lastError: null });
    expect(row?.lockedUntil).not.toBeNull();
  });

  it('when two workers run at once on 20 messages, then each message reaches the server exactly once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => enqueueCode(`user${i}@example.com`).then((r) => r.id)),
    );
    const sentBy = [0, 0];
    const workers = [0, 1].map((n) =>
      startWorker({
        batchSize: 5,
        mail: { send: (email) => mail.send(email).then(() => void (sentBy[n] = (sentBy[n] ?? 0) + 1)) },
      }),
    );
    const pending = async () =>
      (await db.select().from(notificationOutbox)).filter((r) => r.status !== 'SENT').length;
    await vi.waitFor(async () => expect(await pending()).toBe(0), { timeout: 10_000 });
    await Promise.all(workers.map((w) => w.stop()));

    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(ids.map(messageIdOf).sort());
    for (const count of sentBy) expect(count).toBeGreaterThan(0);
  });

  it('when stopped during a delivery, then stop waits for it and records it', async () => {
    const { id } = await enqueueCode('slow@example.com');
    let started = false;
    const slow: MailSender = {
      async send(email) {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 300));
        await mail.send(email);
      },
    };
    const w = startWorker({ mail: slow });
    await vi.waitFor(() => expect(started).toBe(true));
    await w.stop();
    expect(await rowOf(id)).toMatchObject({ status: 'SENT' });
  });

  it('when woken after an enqueue, then a sleeping worker delivers without waiting for its next poll', async () => {
    const w = startWorker({ pollMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await createNotificationService({ db, clock, wake: w.wake }).enqueue(db, {
      channel: 'EMAIL',
      to: 'woken@example.com',
      template: 'account.password-changed',
      language: 'en',
      variables: { fullName: 'Budi' },
    });
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 2_000 });
    await w.stop();
  });
});

describe('SMS delivery', () => {
  const smsRequest = {
    channel: 'SMS',
    to: '+6281234567890',
    template: 'account.password-changed',
    language: 'id',
    variables: { fullName: 'Siti' },
  } as const;
  const smsWorker = () =>
    worker({ sms: createHttpSmsSender({ url: gateway.url, token: 'gateway-token', timeoutMs: 300 }) });

  it('when an SMS is enqueued, then the HTTP gateway gets it with the token and the Idempotency-Key', async () => {
    const { id } = await notifications().enqueue(db, smsRequest);
    expect((await smsWorker().runOnce()).sent).toBe(1);
    const text = renderNotification('account.password-changed', 'id', { fullName: 'Siti' }, 'SMS').body;
    expect(gateway.requests).toEqual([
      {
        headers: expect.objectContaining({
          authorization: 'Bearer gateway-token',
          'idempotency-key': id,
          'content-type': 'application/json',
        }),
        body: { to: '+6281234567890', text, reference: id },
      },
    ]);
    expect(await rowOf(id)).toMatchObject({ status: 'SENT', body: '' });
  });

  it('when the gateway answers 503 or too late, then the SMS is retried and then sent', async () => {
    const { id } = await notifications().enqueue(db, smsRequest);
    gateway.replies.push({ status: 503 }, { status: 202, delayMs: 1_000 });
    const w = smsWorker();
    expect((await w.runOnce()).retried).toBe(1);
    expect((await rowOf(id))?.lastError).toMatch(/HTTP 503/);
    await makeDue(id);
    expect((await w.runOnce()).retried).toBe(1);
    expect((await rowOf(id))?.lastError).toMatch(/within 300 ms/);
    await makeDue(id);
    expect((await w.runOnce()).sent).toBe(1);
    expect(gateway.requests.map((r) => r.headers['idempotency-key'])).toEqual([id, id, id]);
  });

  it('when the number is not E.164, then enqueue refuses and nothing is written', async () => {
    await expect(notifications().enqueue(db, { ...smsRequest, to: '081234567890' })).rejects.toThrow(
      /not valid/,
    );
    expect(await db.select().from(notificationOutbox)).toEqual([]);
  });

  it('when no SMS gateway is configured, then the SMS fails at once with a clear reason', async () => {
    const { id } = await notifications().enqueue(db, smsRequest);
    expect((await worker({ sms: null }).runOnce()).failed).toBe(1);
    expect(await rowOf(id)).toMatchObject({ status: 'FAILED', attempts: 1, body: '' });
    expect((await rowOf(id))?.lastError).toMatch(/No SMS gateway is configured/);
  });
});

describe('the simulation dev mailbox', () => {
  it('when messages are sent to it, then listMailbox filters by recipient, newest first', async () => {
    const simMail = createSimMailSender({ db, clock });
    const simSms = createSimSmsSender({ db, clock });
    const startMs = clock.now().getTime();
    await simMail.send({ messageId: 'm1', to: 'Ani@Example.com', subject: 'first', text: 'one' });
    clock.advance(60_000);
    await simSms.send({ messageId: 'm2', to: '+6281234567890', text: 'sms' });
    clock.advance(60_000);
    await simMail.send({ messageId: 'm3', to: 'ani@example.com', subject: 'second', text: 'two' });
    clock.advance(60_000);
    await simMail.send({ messageId: 'm4', to: 'budi@example.com', subject: 'third', text: 'three' });
    const iso = (minutes: number) => new Date(startMs + minutes * 60_000).toISOString();

    expect(await listMailbox(db, { to: 'ANI@example.COM', limit: 10 })).toEqual([
      {
        to: 'ani@example.com',
        channel: 'EMAIL',
        subject: 'second',
        text: 'two',
        attachments: [],
        createdAt: iso(2),
      },
      {
        to: 'Ani@Example.com',
        channel: 'EMAIL',
        subject: 'first',
        text: 'one',
        attachments: [],
        createdAt: iso(0),
      },
    ]);
    expect(await listMailbox(db, { to: '+6281234567890', limit: 10 })).toEqual([
      {
        to: '+6281234567890',
        channel: 'SMS',
        subject: null,
        text: 'sms',
        attachments: [],
        createdAt: iso(1),
      },
    ]);
    expect((await listMailbox(db, { limit: 2 })).map((m) => m.subject)).toEqual(['third', 'second']);
  });

  it('when the worker delivers through the sim adapters, then the mailbox shows the rendered message', async () => {
    const { id } = await enqueueCode('siti@example.com');
    const w = worker({ mail: createSimMailSender({ db, clock }), sms: createSimSmsSender({ db, clock }) });
    expect((await w.runOnce()).sent).toBe(1);
    const [message] = await listMailbox(db, { to: 'siti@example.com', limit: 10 });
    expect(message?.text).toBe(renderNotification('account.verify-email', 'id', verifyVariables).body);
    expect((await db.select().from(simMailbox))[0]?.messageId).toBe(id);
  });
});
