import type { Language } from '#shared/i18n.ts';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { createCoalescer } from '../../platform/coalescer.ts';
import { scrubPersonalData } from '../../platform/logging.ts';
import type { MailAttachment, MailSender } from './mail.port.ts';
import * as repository from './repository.ts';
import type { SmsSender } from './sms.port.ts';
import {
  renderTemplate,
  type TemplateChannel,
  type TemplateName,
  type TemplateVariables,
} from './templates.ts';

/** One variant per template, so the variables and the channel are checked against the template. */
export type EnqueueRequest = {
  readonly [T in TemplateName]: {
    readonly channel: TemplateChannel<T>;
    /** An e-mail address, or an E.164 phone number (+62…) for SMS. */
    readonly to: string;
    readonly template: T;
    /** The account's language. */
    readonly language: Language;
    readonly variables: TemplateVariables[T];
    /** Business time (the injected clock); now when absent. */
    readonly deliverAfter?: Date;
    /** Lets the caller withdraw the message while it is not sent yet (see `withdraw`). */
    readonly topic?: string;
    /** E-mail only: files sent with it (a payment receipt). */
    readonly attachments?: readonly MailAttachment[];
  };
}[TemplateName];

export interface NotificationService {
  /**
   * Renders the message and writes it to the outbox through `db`, the caller's transaction: the
   * message exists if and only if the event it tells about committed.
   */
  enqueue(db: Database, request: EnqueueRequest): Promise<{ readonly id: string }>;
  /** Like `enqueue` for many messages (a batch of submits), rendered first and written in one statement. */
  enqueueMany(db: Database, requests: readonly EnqueueRequest[]): Promise<void>;
  /** Withdraws the unsent messages of a topic, in the caller's transaction; returns how many. */
  withdraw(db: Database, topic: string): Promise<number>;
  /** Messages in the outbox by status, for operators (a growing PENDING count means trouble). */
  backlog(): Promise<Record<repository.OutboxStatus, number>>;
}

export interface NotificationServiceDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Usually the in-process worker's `wake`: a hint to deliver soon instead of at the next poll. */
  readonly wake?: () => void;
}

const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

export function createNotificationService(deps: NotificationServiceDeps): NotificationService {
  return {
    async enqueue(db, request) {
      const id = await repository.insertMessage(db, outboxMessage(request, deps.clock.now()));
      deps.wake?.();
      return { id };
    },
    async enqueueMany(db, requests) {
      const now = deps.clock.now();
      await repository.insertMessages(
        db,
        requests.map((request) => outboxMessage(request, now)),
      );
      if (requests.length > 0) deps.wake?.();
    },
    withdraw: (db, topic) => repository.cancelPendingByTopic(db, topic),
    backlog: () => repository.countByStatus(deps.db),
  };
}

function outboxMessage(request: EnqueueRequest, now: Date): repository.NewOutboxMessage {
  checkRecipient(request);
  const { template, channel, language, variables } = request;
  const rendered = renderTemplate(template, channel, language, variables);
  return {
    channel,
    recipient: request.to,
    template,
    language,
    subject: rendered.subject,
    body: rendered.body,
    deliverAfter: request.deliverAfter ?? now,
    createdAt: now,
    topic: request.topic ?? null,
    attachments: request.attachments && request.attachments.length > 0 ? [...request.attachments] : null,
  };
}

/** A bad recipient is a programming error upstream: refuse it rather than retry it eight times. */
function checkRecipient(request: EnqueueRequest): void {
  const valid = request.channel === 'SMS' ? E164.test(request.to) : EMAIL_ADDRESS.test(request.to);
  if (!valid) throw new Error(`The ${request.channel} recipient is not valid for the outbox`);
  if (request.channel === 'SMS' && request.attachments?.length)
    throw new Error('An SMS cannot carry attachments');
}

export interface DeliveryCounts {
  readonly claimed: number;
  readonly sent: number;
  /** Failed this time, tried again later (also when recording the outcome failed: the lease ends). */
  readonly retried: number;
  /** Given up for good (status FAILED). */
  readonly failed: number;
}

export interface OutboxWorkerDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly mail: MailSender;
  /** Null when no SMS gateway is configured: SMS rows then fail at once, with a clear reason. */
  readonly sms: SmsSender | null;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  readonly pollMs: number;
  /** Must exceed the adapters' own timeouts, or a slow delivery is sent twice. */
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  readonly batchSize?: number;
  /** Delay after the first failed attempt; it doubles each time, up to retryMaxMs. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
}

export interface OutboxWorker {
  /** Polls until stopped. */
  start(): void;
  /** Stops polling and waits for the deliveries in flight. */
  stop(): Promise<void>;
  /** Claims and delivers one batch. */
  runOnce(): Promise<DeliveryCounts>;
  /** Polls soon; safe to call often and before `start`. */
  wake(): void;
}

type Outcome = 'sent' | 'retried' | 'failed';

/** The enqueuing transaction commits only after `enqueue` returns; polling at once would miss it. */
const WAKE_DELAY_MS = 50;

export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const leaseMs = deps.leaseMs ?? 60_000;
  const maxAttempts = deps.maxAttempts ?? 8;
  const batchSize = deps.batchSize ?? 10;
  const backoff = { baseMs: deps.retryBaseMs ?? 5_000, maxMs: deps.retryMaxMs ?? 10 * 60_000 };
  const inFlight = new Set<Promise<unknown>>();
  const sleeper = createSleeper();
  let loop: Promise<void> | null = null;
  let stopping = false;
  let woken = false;
  let wakeTimer: NodeJS.Timeout | null = null;
  // Messages that went out together are marked sent in one statement (one commit for the lot).
  const sent = createCoalescer((marks: readonly { id: string; at: Date }[]) =>
    repository.markSent(
      deps.db,
      marks.map((m) => m.id),
      new Date(Math.max(...marks.map((m) => m.at.getTime()))),
    ),
  );

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };

  async function runOnce(): Promise<DeliveryCounts> {
    const claimed = await repository.claimDue(deps.db, {
      businessNow: deps.clock.now(),
      leaseMs,
      limit: batchSize,
    });
    const outcomes = await Promise.all(claimed.map(deliverSafely));
    const counts = {
      claimed: claimed.length,
      sent: outcomes.filter((o) => o === 'sent').length,
      retried: outcomes.filter((o) => o === 'retried').length,
      failed: outcomes.filter((o) => o === 'failed').length,
    };
    if (claimed.length > 0) deps.logger.info(counts, 'outbox batch delivered');
    return counts;
  }

  async function deliverSafely(message: repository.ClaimedMessage): Promise<Outcome> {
    try {
      return await deliver(message);
    } catch (error) {
      // The database failed while recording the outcome: the lease runs out and the row is claimed
      // again, so the message may go out twice, which its Message-ID makes recognisable.
      deps.logger.error({ messageId: message.id, err: error }, 'outbox bookkeeping failed');
      return 'retried';
    }
  }

  async function deliver(message: repository.ClaimedMessage): Promise<Outcome> {
    const { id, recipient: to, body: text } = message;
    const attachments = message.attachments ?? [];
    const sms = deps.sms;
    if (message.channel === 'SMS' && !sms) {
      return giveUp(message, 'No SMS gateway is configured (SMS_GATEWAY_URL), so SMS cannot be sent');
    }
    try {
      if (message.channel === 'EMAIL')
        await deps.mail.send({ messageId: id, to, subject: message.subject ?? '', text, attachments });
      else await sms?.send({ messageId: id, to, text });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return message.attempts >= maxAttempts ? giveUp(message, reason) : retryLater(message, reason);
    }
    await sent.write({ id, at: deps.clock.now() });
    return 'sent';
  }

  async function retryLater(message: repository.ClaimedMessage, reason: string): Promise<Outcome> {
    const delayMs = retryDelayMs(message.attempts, backoff);
    await repository.markRetry(deps.db, {
      id: message.id,
      attempts: message.attempts,
      error: reason,
      delayMs,
    });
    deps.logger.warn(
      {
        messageId: message.id,
        attempt: message.attempts,
        retryInMs: delayMs,
        reason: scrubPersonalData(reason),
      },
      'notification delivery failed; will retry',
    );
    return 'retried';
  }

  async function giveUp(message: repository.ClaimedMessage, reason: string): Promise<Outcome> {
    await repository.markFailed(deps.db, { id: message.id, attempts: message.attempts, error: reason });
    deps.logger.error(
      { messageId: message.id, attempt: message.attempts, reason: scrubPersonalData(reason) },
      'notification delivery failed for good',
    );
    return 'failed';
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      woken = false;
      let batchWasFull = false;
      try {
        batchWasFull = (await track(runOnce())).claimed >= batchSize;
      } catch (error) {
        deps.logger.error({ err: error }, 'outbox poll failed');
      }
      // A full batch means more may be waiting: go again at once instead of sleeping.
      if (!batchWasFull && !woken && !stopping) await sleeper.sleep(deps.pollMs);
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      loop = poll();
    },
    async stop() {
      stopping = true;
      if (wakeTimer) clearTimeout(wakeTimer);
      wakeTimer = null;
      sleeper.interrupt();
      await loop;
      loop = null;
      await Promise.allSettled([...inFlight]);
    },
    runOnce: () => track(runOnce()),
    wake() {
      if (wakeTimer) return;
      wakeTimer = setTimeout(() => {
        wakeTimer = null;
        woken = true;
        sleeper.interrupt();
      }, WAKE_DELAY_MS);
      wakeTimer.unref();
    },
  };
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so messages that
 * failed together in an outage do not all come back at the same instant.
 */
export function retryDelayMs(
  attempt: number,
  backoff: { readonly baseMs: number; readonly maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A sleep that `interrupt` ends early (a wake-up or stop). */
function createSleeper() {
  let finish: (() => void) | null = null;
  return {
    sleep(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        // A forgotten worker must not keep a process (or a test run) alive.
        timer.unref();
        function done() {
          clearTimeout(timer);
          finish = null;
          resolve();
        }
        finish = done;
      });
    },
    interrupt() {
      finish?.();
    },
  };
}
