import type { FastifyInstance } from 'fastify';

/**
 * Runs a task every `everyMs` while the app is up (first run when it is ready), never two runs of the
 * same task at once in this process. Every instance runs its own; the tasks are written so that
 * several instances running them together do each piece of work once (SKIP LOCKED, conditional updates).
 */
export function runPeriodically(
  app: FastifyInstance,
  job: { name: string; everyMs: number; run: () => Promise<unknown> },
): void {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = job
      .run()
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
    await running;
  });
}
