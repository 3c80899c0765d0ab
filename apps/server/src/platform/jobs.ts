import type { FastifyInstance } from 'fastify';

/**
 * A periodic job's work. `signal` is aborted when the app closes: a run that goes through a batch
 * stops between items (`whileRunning`), so closing waits for the item in hand, never for the batch.
 * Whatever is left is found again by the next run, in this process or another.
 */
export type JobRun = (signal: AbortSignal) => Promise<unknown>;

/**
 * Runs a task every `everyMs` while the app is up (first run when it is ready), never two runs of the
 * same task at once in this process. Every instance runs its own; the tasks are written so that
 * several instances running them together do each piece of work once (SKIP LOCKED, conditional updates).
 */
export function runPeriodically(
  app: FastifyInstance,
  job: { name: string; everyMs: number; run: JobRun },
): void {
  const closing = new AbortController();
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running || closing.signal.aborted) return;
    running = job
      .run(closing.signal)
      .catch((error: unknown) => app.log.warn({ err: error, job: job.name }, 'periodic job failed'))
      .finally(() => (running = null));
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    tick();
    timer = setInterval(tick, job.everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    closing.abort();
    await running;
  });
}

/**
 * The items of a batch, one at a time, until `signal` is aborted: the loop ends between two items,
 * never in the middle of one. Without a signal (a direct call, a test), all of them.
 */
export function* whileRunning<T>(items: Iterable<T>, signal: AbortSignal | undefined): Generator<T> {
  for (const item of items) {
    if (signal?.aborted) return;
    yield item;
  }
}
