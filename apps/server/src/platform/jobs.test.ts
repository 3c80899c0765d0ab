import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { runPeriodically, whileRunning } from './jobs.ts';

/** A batch job whose items take a while and announce when they start and finish. */
function slowBatch(items: readonly number[], itemMs: number) {
  const started: number[] = [];
  const finished: number[] = [];
  let onStart: ((item: number) => void) | null = null;
  const run = async (signal: AbortSignal) => {
    for (const item of whileRunning(items, signal)) {
      started.push(item);
      onStart?.(item);
      await new Promise((resolve) => setTimeout(resolve, itemMs));
      finished.push(item);
    }
  };
  const startOf = (wanted: number) =>
    new Promise<void>((resolve) => {
      onStart = (item) => item === wanted && resolve();
    });
  return { run, started, finished, startOf };
}

describe('runPeriodically when the app closes', () => {
  it('when the app closes during item 2 of 5, then item 2 completes and item 3 never starts', async () => {
    const app = Fastify();
    const job = slowBatch([1, 2, 3, 4, 5], 150);
    runPeriodically(app, { name: 'slow-batch', everyMs: 60_000, run: job.run });
    const second = job.startOf(2);
    await app.ready();
    await second;

    const closing = Date.now();
    await app.close();
    const closeMs = Date.now() - closing;

    expect(job.finished).toEqual([1, 2]);
    expect(job.started).toEqual([1, 2]);
    // Close waited for the item in hand (≤ 150 ms), not for the three left (450 ms more).
    expect(closeMs).toBeLessThan(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(job.started).toEqual([1, 2]);
  });

  it('when the app has closed, then the interval starts no new run', async () => {
    const app = Fastify();
    let runs = 0;
    runPeriodically(app, { name: 'counter', everyMs: 20, run: async () => void runs++ });
    await app.ready();
    await app.close();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toBe(after);
  });
});

describe('whileRunning', () => {
  it('when no signal is given, then every item is taken', () => {
    expect([...whileRunning([1, 2, 3], undefined)]).toEqual([1, 2, 3]);
  });

  it('when the signal is aborted between items, then the next item is not taken', () => {
    const controller = new AbortController();
    const taken: number[] = [];
    for (const item of whileRunning([1, 2, 3], controller.signal)) {
      taken.push(item);
      if (item === 2) controller.abort();
    }
    expect(taken).toEqual([1, 2]);
  });
});
