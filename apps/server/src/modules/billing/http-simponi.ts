import { CircuitOpenError, createCircuitBreaker } from '../../platform/circuit-breaker.ts';
import { fetchWithRetry, HttpCallError, type HttpCallOptions } from '../../platform/http-call.ts';
import {
  SimponiUnavailableError,
  type SimponiBilling,
  type SimponiBillingRequest,
  type SimponiPaymentStatus,
  type SimponiPort,
} from './simponi.port.ts';
import {
  fromWireBilling,
  fromWirePaymentStatus,
  simponiBillingResponseSchema,
  simponiPaymentStatusResponseSchema,
  toWireBillingRequest,
} from './simponi-wire.ts';

/**
 * The real SIMPONI adapter over the README's wire contract, with HTTP Basic auth. Each attempt has a
 * deadline, passing failures are retried, and a circuit breaker makes every caller fail fast once
 * SIMPONI is down, instead of each waiting out timeouts × retries.
 *
 * Nothing here logs, and no error message carries the payer's name (UU 27/2022 on personal data).
 */
export interface HttpSimponiOptions {
  /** Base URL, e.g. https://simponi.example/api or http://localhost:3000/sim/simponi. */
  readonly url: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** Deadline of one attempt. */
  readonly timeoutMs: number;
  /** Attempts after the first; default 2. */
  readonly retries?: number;
  readonly breaker?: { readonly failureThreshold?: number; readonly coolDownMs?: number };
  /** Milliseconds for the circuit breaker; default Date.now. */
  readonly now?: () => number;
  /** Waits between retries; injected by tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_RETRIES = 2;
const DEFAULT_FAILURE_THRESHOLD = 5;
const DEFAULT_COOL_DOWN_MS = 30_000;
/** Statuses that refuse this request's content; they say nothing about SIMPONI's health. */
const INPUT_REFUSALS = new Set([400, 409, 413, 422]);

/** A refusal caused by one request, kept apart so it never opens the circuit for everyone. */
class RequestRefusedError extends Error {
  constructor(status: number) {
    super(`SIMPONI refused the request: HTTP ${status}`);
    this.name = 'RequestRefusedError';
  }
}

export function createHttpSimponi(options: HttpSimponiOptions): SimponiPort {
  const base = options.url.replace(/\/+$/, '');
  const headers = { accept: 'application/json', ...basicAuthorization(options.user, options.password) };
  const callOptions: HttpCallOptions = {
    timeoutMs: options.timeoutMs,
    retries: options.retries ?? DEFAULT_RETRIES,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const breaker = createCircuitBreaker({
    name: 'simponi',
    failureThreshold: options.breaker?.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
    coolDownMs: options.breaker?.coolDownMs ?? DEFAULT_COOL_DOWN_MS,
    now: options.now ?? Date.now,
    isFailure: (error) => !(error instanceof RequestRefusedError),
  });
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await breaker.run(call);
    } catch (error) {
      throw asUnavailable(error);
    }
  };

  const createBilling = async (request: SimponiBillingRequest): Promise<SimponiBilling> => {
    const init: RequestInit = {
      method: 'POST',
      // A retry after a timeout may reach SIMPONI twice and would issue two billing codes for one
      // application. The key makes the retry a replay: SIMPONI must honour it (answer the first
      // billing again for the same key), and the simulator does.
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': request.reference },
      body: JSON.stringify(toWireBillingRequest(request)),
    };
    const response = await fetchWithRetry(`${base}/billing`, init, callOptions);
    if (response.status === 201 || response.status === 200) return readBilling(response);
    throw await refusal(response);
  };

  // A lookup: safe to retry as often as the options allow.
  const getPaymentStatus = async (billingCode: string): Promise<SimponiPaymentStatus> => {
    const url = `${base}/billing/${encodeURIComponent(billingCode)}`;
    const response = await fetchWithRetry(url, { method: 'GET', headers }, callOptions);
    if (response.status === 200) return readPaymentStatus(billingCode, response);
    if (response.status === 404) {
      await discard(response);
      return { status: 'NOT_FOUND' };
    }
    throw await refusal(response);
  };

  return {
    createBilling: (request) => guarded(() => createBilling(request)),
    getPaymentStatus: (billingCode) => guarded(() => getPaymentStatus(billingCode)),
  };
}

function basicAuthorization(user: string | undefined, password: string | undefined) {
  if (user === undefined) return {};
  const credentials = Buffer.from(`${user}:${password ?? ''}`, 'utf8').toString('base64');
  return { authorization: `Basic ${credentials}` };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** The error for an answer that is neither success nor "unknown billing". */
async function refusal(response: Response): Promise<Error> {
  await discard(response);
  if (INPUT_REFUSALS.has(response.status)) return new RequestRefusedError(response.status);
  if (response.status === 401 || response.status === 403) {
    return new SimponiUnavailableError(
      `SIMPONI refused our credentials (HTTP ${response.status}): check SIMPONI_USER and SIMPONI_PASSWORD`,
    );
  }
  return new SimponiUnavailableError(`SIMPONI answered HTTP ${response.status}`);
}

async function readBilling(response: Response): Promise<SimponiBilling> {
  const parsed = simponiBillingResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new SimponiUnavailableError('SIMPONI answered in a shape we do not understand');
  return fromWireBilling(parsed.data);
}

async function readPaymentStatus(billingCode: string, response: Response): Promise<SimponiPaymentStatus> {
  const parsed = simponiPaymentStatusResponseSchema.safeParse(await response.json());
  const status = parsed.success ? fromWirePaymentStatus(billingCode, parsed.data) : null;
  if (!status) throw new SimponiUnavailableError('SIMPONI answered in a shape we do not understand');
  return status;
}

/**
 * Whatever went wrong while talking to SIMPONI (including a body that stalls or is not JSON), the
 * caller can only try again later; the original error stays as the cause for the logs.
 */
function asUnavailable(error: unknown): SimponiUnavailableError {
  if (error instanceof SimponiUnavailableError) return error;
  if (error instanceof CircuitOpenError) {
    return new SimponiUnavailableError('SIMPONI calls are paused after repeated failures (circuit open)', {
      cause: error,
    });
  }
  if (error instanceof HttpCallError || error instanceof RequestRefusedError) {
    return new SimponiUnavailableError(error.message, { cause: error });
  }
  return new SimponiUnavailableError('SIMPONI could not be read', { cause: error });
}
