import type { Logger } from 'pino';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { createCoalescer } from '../../platform/coalescer.ts';
import { scrubPersonalData } from '../../platform/logging.ts';
import type { MailSender } from './mail.port.ts';
import * as repository from './repository.ts';
import type { SmsSender } from './sms.port.ts';

/**
 * The outbox's delivery side (README "How a message travels", steps 2–4): claims due messages,
 * sends them through the mail and SMS ports, records the outcome; one per process.
 */
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
  /** Deliveries under way at once; the SMTP adapter's pool keeps 5 connections, more would only queue. */
  readonly concurrency?: number;
  /** Delay after the first failed attempt; it doubles each time, up to retryMaxMs. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
}

export interface OutboxWorker {
  /** Polls until stopped. */
  start(): void;
  /** Stops polling and waits for the deliveries in flight; claimed messages not started yet are handed back. */
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
  const concurrency = deps.concurrency ?? 5;
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
    const outcomes = await deliverUntilStopped(claimed);
    const counts = {
      claimed: claimed.length,
      sent: outcomes.filter((o) => o === 'sent').length,
      retried: outcomes.filter((o) => o === 'retried').length,
      failed: outcomes.filter((o) => o === 'failed').length,
    };
    if (claimed.length > 0) deps.logger.info(counts, 'outbox batch delivered');
    return counts;
  }

  /**
   * Delivers the batch a few at a time and, once the worker is stopping, starts no more: stop waits
   * for the messages in hand only, and the rest are handed back for the next worker at once.
   */
  async function deliverUntilStopped(claimed: readonly repository.ClaimedMessage[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let next = 0;
    const lane = async () => {
      while (!stopping && next < claimed.length) outcomes.push(await deliverSafely(claimed[next++]!));
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    const untouched = claimed.slice(next);
    if (untouched.length > 0) {
      await repository.releaseClaims(deps.db, untouched);
      deps.logger.info({ handedBack: untouched.length }, 'outbox worker stopping: claims handed back');
    }
    return outcomes;
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
