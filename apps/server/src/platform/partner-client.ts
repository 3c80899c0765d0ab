import { CircuitOpenError, createCircuitBreaker } from './circuit-breaker.ts';
import { fetchWithRetry, HttpCallError, type HttpCallOptions } from './http-call.ts';

/**
 * What the adapters of outside systems (Dukcapil, SIMPONI) share: HTTP Basic auth, a deadline per
 * attempt, retries of passing failures, and a circuit breaker so every caller fails fast once the
 * partner is down instead of each waiting out timeouts × retries. Each adapter keeps its wire contract
 * and its own "unavailable" error; nothing here logs or puts request data in a message.
 */
export interface PartnerClientOptions {
  /** Base URL, e.g. https://partner.example/api or http://localhost:3000/sim/<partner>. */
  readonly url: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** Deadline of one attempt. */
  readonly timeoutMs: number;
  /** Attempts after the first; default 2. */
  readonly retries?: number;
  /** The whole call with its retries (default 6 s, inside the shutdown budget). */
  readonly budgetMs?: number;
  readonly breaker?: { readonly failureThreshold?: number; readonly coolDownMs?: number };
  /** Milliseconds for the circuit breaker; default Date.now. */
  readonly now?: () => number;
  /** Waits between retries; injected by tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface PartnerProfile {
  /** Human name in messages, e.g. "SIMPONI". */
  readonly name: string;
  /** Environment variables of the credentials, named when the partner refuses them. */
  readonly credentialSettings: string;
  /** Statuses that refuse one request's content; they say nothing about the partner's health. */
  readonly inputRefusals: ReadonlySet<number>;
  /** The adapter's own error class for "try again later". */
  readonly Unavailable: new (message: string, options?: ErrorOptions) => Error;
}

export interface PartnerClient {
  /** The base URL without a trailing slash. */
  readonly base: string;
  /** Accept: JSON and, when configured, Basic auth. */
  readonly headers: Readonly<Record<string, string>>;
  send(url: string, init: RequestInit): Promise<Response>;
  /** Runs one call through the circuit breaker; any failure reaches the caller as `unavailable`. */
  guarded<T>(call: () => Promise<T>): Promise<T>;
  /** The error for an answer the adapter does not accept (its body is discarded). */
  refusal(response: Response): Promise<Error>;
}

const DEFAULT_RETRIES = 2;
/** Under the default SHUTDOWN_TIMEOUT_MS (10 s) with room to answer (issue 18: 3 × 5 s = 15 s before). */
const DEFAULT_BUDGET_MS = 6_000;
/** Three failed calls in a row open the circuit: a hanging partner stops costing every caller. */
const DEFAULT_FAILURE_THRESHOLD = 3;
const DEFAULT_COOL_DOWN_MS = 30_000;

/** A refusal caused by one request, kept apart so it never opens the circuit for everyone. */
class RequestRefusedError extends Error {
  constructor(partner: string, status: number) {
    super(`${partner} refused the request: HTTP ${status}`);
    this.name = 'RequestRefusedError';
  }
}

export function createPartnerClient(options: PartnerClientOptions, profile: PartnerProfile): PartnerClient {
  const callOptions: HttpCallOptions = {
    timeoutMs: options.timeoutMs,
    retries: options.retries ?? DEFAULT_RETRIES,
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const breaker = createCircuitBreaker({
    name: profile.name.toLowerCase(),
    failureThreshold: options.breaker?.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
    coolDownMs: options.breaker?.coolDownMs ?? DEFAULT_COOL_DOWN_MS,
    now: options.now ?? Date.now,
    isFailure: (error) => !(error instanceof RequestRefusedError),
  });
  const { Unavailable, name } = profile;

  /**
   * Whatever went wrong (including a body that stalls or is not JSON), the caller can only try again
   * later; the original error stays as the cause for the logs.
   */
  const asUnavailable = (error: unknown): Error => {
    if (error instanceof Unavailable) return error;
    if (error instanceof CircuitOpenError)
      return new Unavailable(`${name} calls are paused after repeated failures (circuit open)`, {
        cause: error,
      });
    if (error instanceof HttpCallError || error instanceof RequestRefusedError)
      return new Unavailable(error.message, { cause: error });
    return new Unavailable(`${name} could not be read`, { cause: error });
  };

  return {
    base: options.url.replace(/\/+$/, ''),
    headers: { accept: 'application/json', ...basicAuthorization(options.user, options.password) },
    send: (url, init) => fetchWithRetry(url, init, callOptions),
    async guarded(call) {
      try {
        return await breaker.run(call);
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    async refusal(response) {
      await discard(response);
      if (profile.inputRefusals.has(response.status)) return new RequestRefusedError(name, response.status);
      if (response.status === 401 || response.status === 403) {
        return new Unavailable(
          `${name} refused our credentials (HTTP ${response.status}): check ${profile.credentialSettings}`,
        );
      }
      return new Unavailable(`${name} answered HTTP ${response.status}`);
    },
  };
}

export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function basicAuthorization(user: string | undefined, password: string | undefined): Record<string, string> {
  if (user === undefined) return {};
  const credentials = Buffer.from(`${user}:${password ?? ''}`, 'utf8').toString('base64');
  return { authorization: `Basic ${credentials}` };
}
