/** The only source of "now" for business logic, injected so simulation and tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Wall-clock time shifted by an offset that only grows (simulation mode: `/sim/clock`). Moving time
 * backwards would let a paid deadline "un-expire", so it is refused.
 */
export class SimulatedClock implements Clock {
  #offsetMs: number;
  readonly #base: Clock;

  constructor(offsetMs = 0, base: Clock = systemClock) {
    this.#offsetMs = offsetMs;
    this.#base = base;
  }

  now(): Date {
    return new Date(this.#base.now().getTime() + this.#offsetMs);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Adopts an offset read from shared storage (another instance may have advanced it). */
  syncOffset(offsetMs: number): void {
    if (offsetMs > this.#offsetMs) this.#offsetMs = offsetMs;
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The simulated clock only moves forward');
    this.#offsetMs += ms;
    return this.now();
  }
}

/** A clock that stands still unless told to move; for tests. */
export class FixedClock implements Clock {
  #now: number;
  constructor(start: Date | string) {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): Date {
    this.#now += ms;
    return this.now();
  }
}
