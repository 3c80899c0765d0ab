/**
 * A circuit breaker (Nygard, "Release It!"): after `failureThreshold` failures in a row the circuit
 * opens and calls fail at once, so that during an outage of an outside system requests answer in
 * milliseconds instead of each waiting out its own timeouts and piling up. After `coolDownMs` one
 * trial call goes through (half-open); its success closes the circuit, its failure opens it again.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Used in error messages and logs: which outside system this circuit guards. */
  readonly name: string;
  readonly failureThreshold: number;
  readonly coolDownMs: number;
  /** Milliseconds, e.g. `Date.now`; injected so tests move time without waiting. */
  readonly now: () => number;
  /**
   * Whether an error says the outside system is unwell. Errors caused by one caller's input (a 400)
   * must not count, or a single bad request repeated could shut the system off for everyone.
   */
  readonly isFailure?: (error: unknown) => boolean;
}

export class CircuitOpenError extends Error {
  readonly circuit: string;
  /** When a trial call will be let through; a hint for Retry-After. */
  readonly retryAfterMs: number;

  constructor(circuit: string, retryAfterMs: number) {
    super(`Circuit "${circuit}" is open; calls are refused for ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'CircuitOpenError';
    this.circuit = circuit;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface CircuitBreaker {
  /** Runs the call unless the circuit is open; then throws CircuitOpenError without calling. */
  run<T>(call: () => Promise<T>): Promise<T>;
  state(): CircuitState;
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  if (options.failureThreshold < 1) throw new RangeError('failureThreshold must be at least 1');
  const isFailure = options.isFailure ?? (() => true);
  let consecutiveFailures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const state = (): CircuitState => {
    if (openedAt === null) return 'closed';
    return options.now() - openedAt >= options.coolDownMs ? 'half-open' : 'open';
  };

  const refuse = (): CircuitOpenError => {
    const waited = openedAt === null ? 0 : options.now() - openedAt;
    return new CircuitOpenError(options.name, Math.max(0, options.coolDownMs - waited));
  };

  const recordSuccess = () => {
    consecutiveFailures = 0;
    openedAt = null;
  };

  const recordFailure = (wasTrial: boolean) => {
    consecutiveFailures += 1;
    if (wasTrial || consecutiveFailures >= options.failureThreshold) openedAt = options.now();
  };

  return {
    state,
    async run(call) {
      const current = state();
      // Half-open lets exactly one call test the water; the others keep failing fast meanwhile.
      if (current === 'open' || (current === 'half-open' && trialInFlight)) throw refuse();
      const isTrial = current === 'half-open';
      if (isTrial) trialInFlight = true;
      try {
        const result = await call();
        recordSuccess();
        return result;
      } catch (error) {
        // An error that is not a failure (a refused input) still shows the system answering.
        if (isFailure(error)) recordFailure(isTrial);
        else recordSuccess();
        throw error;
      } finally {
        if (isTrial) trialInFlight = false;
      }
    },
  };
}
