import { CircuitOpenError, createCircuitBreaker } from '../../platform/circuit-breaker.ts';
import { fetchWithRetry, HttpCallError, type HttpCallOptions } from '../../platform/http-call.ts';
import {
  DukcapilUnavailableError,
  type DukcapilPort,
  type DukcapilVerdict,
  type ResidentBiodata,
} from './dukcapil.port.ts';
import { dukcapilVerifyResponseSchema, fromWireResponse, toWireRequest } from './dukcapil-wire.ts';

/**
 * The real Dukcapil adapter: POST {url}/verifikasi with HTTP Basic auth (README "Wire contract").
 * Each attempt has a deadline, passing failures are retried, and a circuit breaker makes every caller
 * fail fast once Dukcapil is down, instead of each waiting out timeouts × retries.
 *
 * Nothing here logs, and no error message carries the NIK or biodata (UU 27/2022 on personal data).
 */
export interface HttpDukcapilOptions {
  /** Base URL, e.g. https://dukcapil.example/api or http://localhost:3000/sim/dukcapil. */
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
/** Statuses that refuse this request's content; they say nothing about Dukcapil's health. */
const INPUT_REFUSALS = new Set([400, 413, 422]);

/** A refusal caused by one request, kept apart so it never opens the circuit for everyone. */
class RequestRefusedError extends Error {
  constructor(status: number) {
    super(`Dukcapil refused the request: HTTP ${status}`);
    this.name = 'RequestRefusedError';
  }
}

export function createHttpDukcapil(options: HttpDukcapilOptions): DukcapilPort {
  const endpoint = `${options.url.replace(/\/+$/, '')}/verifikasi`;
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...basicAuthorization(options.user, options.password),
  };
  const callOptions: HttpCallOptions = {
    timeoutMs: options.timeoutMs,
    retries: options.retries ?? DEFAULT_RETRIES,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const breaker = createCircuitBreaker({
    name: 'dukcapil',
    failureThreshold: options.breaker?.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
    coolDownMs: options.breaker?.coolDownMs ?? DEFAULT_COOL_DOWN_MS,
    now: options.now ?? Date.now,
    isFailure: (error) => !(error instanceof RequestRefusedError),
  });

  const verify = async (nik: string, biodata: ResidentBiodata): Promise<DukcapilVerdict> => {
    const body = JSON.stringify(toWireRequest(nik, biodata));
    const response = await fetchWithRetry(endpoint, { method: 'POST', headers, body }, callOptions);
    if (response.status === 200) return readVerdict(response);
    await response.body?.cancel().catch(() => undefined);
    if (INPUT_REFUSALS.has(response.status)) throw new RequestRefusedError(response.status);
    if (response.status === 401 || response.status === 403) {
      throw new DukcapilUnavailableError(
        `Dukcapil refused our credentials (HTTP ${response.status}): check DUKCAPIL_USER and DUKCAPIL_PASSWORD`,
      );
    }
    throw new DukcapilUnavailableError(`Dukcapil answered HTTP ${response.status}`);
  };

  return {
    async verifyResident(nik, biodata) {
      try {
        return await breaker.run(() => verify(nik, biodata));
      } catch (error) {
        throw asUnavailable(error);
      }
    },
  };
}

function basicAuthorization(user: string | undefined, password: string | undefined) {
  if (user === undefined) return {};
  const credentials = Buffer.from(`${user}:${password ?? ''}`, 'utf8').toString('base64');
  return { authorization: `Basic ${credentials}` };
}

async function readVerdict(response: Response): Promise<DukcapilVerdict> {
  const parsed = dukcapilVerifyResponseSchema.safeParse(await response.json());
  const verdict = parsed.success ? fromWireResponse(parsed.data) : null;
  if (!verdict) throw new DukcapilUnavailableError('Dukcapil answered in a shape we do not understand');
  return verdict;
}

/**
 * Whatever went wrong while talking to Dukcapil (including a body that stalls or is not JSON), the
 * caller can only try again later; the original error stays as the cause for the logs.
 */
function asUnavailable(error: unknown): DukcapilUnavailableError {
  if (error instanceof DukcapilUnavailableError) return error;
  if (error instanceof CircuitOpenError) {
    return new DukcapilUnavailableError('Dukcapil calls are paused after repeated failures (circuit open)', {
      cause: error,
    });
  }
  if (error instanceof HttpCallError || error instanceof RequestRefusedError) {
    return new DukcapilUnavailableError(error.message, { cause: error });
  }
  return new DukcapilUnavailableError('Dukcapil could not be read', { cause: error });
}
