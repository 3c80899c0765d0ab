import { describe, expect, it } from 'vitest';
import { CircuitOpenError, createCircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.ts';

class InputRefused extends Error {}

function breakerAt(overrides: Partial<CircuitBreakerOptions> = {}) {
  const time = { ms: 0 };
  const breaker = createCircuitBreaker({
    name: 'registry',
    failureThreshold: 3,
    coolDownMs: 10_000,
    now: () => time.ms,
    isFailure: (error) => !(error instanceof InputRefused),
    ...overrides,
  });
  return { breaker, time };
}

const succeed = async () => 'answer';
const fail = async (): Promise<string> => {
  throw new Error('down');
};

/** Counts calls that actually reached the outside system. */
function countingCall(call: () => Promise<string>) {
  const counted = { calls: 0 };
  return {
    counted,
    call: () => {
      counted.calls += 1;
      return call();
    },
  };
}

describe('circuit breaker', () => {
  it('when closed, then calls go through and their answers and errors come back unchanged', async () => {
    const { breaker } = breakerAt();
    await expect(breaker.run(succeed)).resolves.toBe('answer');
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state()).toBe('closed');
  });

  it('when N calls in a row fail, then it opens and refuses the next call without making it', async () => {
    const { breaker } = breakerAt();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state()).toBe('open');
    const probe = countingCall(succeed);
    const refusal = await breaker.run(probe.call).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CircuitOpenError);
    expect((refusal as CircuitOpenError).retryAfterMs).toBe(10_000);
    expect(probe.counted.calls).toBe(0);
  });

  it('when a success comes between failures, then the count starts again', async () => {
    const { breaker } = breakerAt();
    await breaker.run(fail).catch(() => undefined);
    await breaker.run(fail).catch(() => undefined);
    await breaker.run(succeed);
    await breaker.run(fail).catch(() => undefined);
    await breaker.run(fail).catch(() => undefined);
    expect(breaker.state()).toBe('closed');
  });

  it('when errors are not failures of the system (a refused input), then they never open it', async () => {
    const { breaker } = breakerAt();
    const refused = async (): Promise<string> => {
      throw new InputRefused('bad input');
    };
    for (let i = 0; i < 10; i++) await expect(breaker.run(refused)).rejects.toBeInstanceOf(InputRefused);
    expect(breaker.state()).toBe('closed');
  });

  it('when the cool-down has passed, then one trial call goes through and its success closes the circuit', async () => {
    const { breaker, time } = breakerAt();
    for (let i = 0; i < 3; i++) await breaker.run(fail).catch(() => undefined);
    time.ms = 9_999;
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    time.ms = 10_000;
    expect(breaker.state()).toBe('half-open');
    await expect(breaker.run(succeed)).resolves.toBe('answer');
    expect(breaker.state()).toBe('closed');
  });

  it('when the trial call fails, then the circuit opens again for a full cool-down', async () => {
    const { breaker, time } = breakerAt();
    for (let i = 0; i < 3; i++) await breaker.run(fail).catch(() => undefined);
    time.ms = 10_000;
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state()).toBe('open');
    time.ms = 19_999;
    await expect(breaker.run(succeed)).rejects.toBeInstanceOf(CircuitOpenError);
    time.ms = 20_000;
    await expect(breaker.run(succeed)).resolves.toBe('answer');
  });

  it('when half-open, then only one trial runs; calls meanwhile fail fast', async () => {
    const { breaker, time } = breakerAt();
    for (let i = 0; i < 3; i++) await breaker.run(fail).catch(() => undefined);
    time.ms = 10_000;
    let finishTrial = (_: string) => {};
    const trial = breaker.run(() => new Promise<string>((resolve) => (finishTrial = resolve)));
    const meanwhile = countingCall(succeed);
    await expect(breaker.run(meanwhile.call)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(meanwhile.counted.calls).toBe(0);
    finishTrial('recovered');
    await expect(trial).resolves.toBe('recovered');
    await expect(breaker.run(succeed)).resolves.toBe('answer');
  });

  it('refuses a threshold below one, which would open before any call', () => {
    expect(() => breakerAt({ failureThreshold: 0 })).toThrow(RangeError);
  });
});
