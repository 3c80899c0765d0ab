import { setTimeout as delay } from 'node:timers/promises';

/**
 * fetch for calls to outside systems: every attempt has its own deadline, and failures that may pass
 * (network errors, timeouts, 5xx, 429) are retried with exponential backoff and jitter. Other 4xx are
 * answers, not accidents: retrying them only repeats the refusal, so they come back at once.
 *
 * Only for idempotent requests (a lookup, a verification): a retried POST may reach the server twice.
 * The body must be replayable (a string or bytes, not a stream).
 */
export interface HttpCallOptions {
  /** Deadline of one attempt, headers and body; an attempt past it is aborted. */
  readonly timeoutMs: number;
  /** Attempts after the first one. */
  readonly retries: number;
  /**
   * The whole call, retries and backoff included (issue 18): a caller's request must be answered
   * inside the server's shutdown budget, so no partner may hold it for timeout × attempts.
   */
  readonly budgetMs?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Injected so tests need not wait out the backoff. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export type HttpCallFailure = 'timeout' | 'network' | 'status';

/** The last attempt failed in a way worth retrying and no retries were left. */
export class HttpCallError extends Error {
  readonly failure: HttpCallFailure;
  /** The HTTP status of the last attempt, when the failure is `status`. */
  readonly status: number | undefined;
  readonly attempts: number;

  constructor(options: { failure: HttpCallFailure; status?: number; attempts: number; cause?: unknown }) {
    const what = options.failure === 'status' ? `HTTP ${options.status}` : options.failure;
    super(`Outside call failed after ${options.attempts} attempt(s): ${what}`, { cause: options.cause });
    this.name = 'HttpCallError';
    this.failure = options.failure;
    this.status = options.status;
    this.attempts = options.attempts;
  }
}

const DEFAULT_BASE_DELAY_MS = 100;
/** An attempt shorter than this cannot get an answer from a real partner: not worth starting. */
const MIN_ATTEMPT_MS = 250;
const DEFAULT_MAX_DELAY_MS = 2_000;

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

/**
 * Resolves with the first response whose status is not worth retrying (2xx, 3xx, and 4xx other than
 * 429); the caller judges it. Rejects with HttpCallError when every attempt failed.
 */
export async function fetchWithRetry(
  url: string | URL,
  init: RequestInit,
  options: HttpCallOptions,
): Promise<Response> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const endsAt = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
  for (let attempt = 1; ; attempt++) {
    const timeoutMs = Math.max(1, Math.min(options.timeoutMs, endsAt - Date.now()));
    const outcome = await attemptOnce(url, init, timeoutMs);
    if (outcome instanceof Response) return outcome;
    const pause = backoffMs(attempt, options);
    // No retry that could not finish inside the budget: the caller hears "unavailable" in time.
    if (attempt > options.retries || Date.now() + pause + MIN_ATTEMPT_MS > endsAt) {
      throw new HttpCallError({ ...outcome, attempts: attempt });
    }
    await sleep(pause);
  }
}

interface FailedAttempt {
  readonly failure: HttpCallFailure;
  readonly status?: number;
  readonly cause?: unknown;
}

async function attemptOnce(
  url: string | URL,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response | FailedAttempt> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
  try {
    const response = await fetch(url, { ...init, signal });
    if (!isRetryableStatus(response.status)) return response;
    // Cancelling the unread body frees the connection for the next attempt.
    await response.body?.cancel().catch(() => undefined);
    return { failure: 'status', status: response.status };
  } catch (error) {
    // The caller gave up (its own signal): that is a decision, not a failure to retry.
    if (init.signal?.aborted) throw error;
    if (deadline.aborted) return { failure: 'timeout', cause: error };
    // undici reports refused connections, resets and DNS failures as TypeError("fetch failed").
    if (error instanceof TypeError) return { failure: 'network', cause: error };
    throw error;
  }
}

/** "Equal jitter": half the exponential step, plus a random part, so retrying clients spread out. */
function backoffMs(attempt: number, options: HttpCallOptions): number {
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const ceiling = Math.min(options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS, base * 2 ** (attempt - 1));
  const random = options.random ?? Math.random;
  return ceiling / 2 + random() * (ceiling / 2);
}
