import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Giving back the memory a busy spell leaves behind. V8 keeps the heap pages a garbage collection
 * frees in a pool for reuse, and returns them to the operating system only in a memory-reducing
 * collection, which it starts on its own when it judges the process idle — for this server about two
 * and a half minutes after the last busy moment. Until then they stay resident: start-up leaves
 * ~120 MB pooled (loading the modules allocates ~150 MB of short-lived objects, drizzle's 180 kB
 * package.json read again for each of its files among them, and the young generation grows to its
 * maximum, 2 × 64 MB), and a booking storm ~190 MB.
 *
 * JavaScript reaches that collection only through the testing `gc()`, which V8 installs in contexts
 * made while --expose-gc is set: one such context is made for it here, the process's own global stays
 * without `gc`.
 */
type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let collect: Collect | undefined;

function collector(): Collect {
  if (collect) return collect;
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (exposed) return (collect = exposed);
  setFlagsFromString('--expose-gc');
  try {
    collect = runInNewContext('gc') as Collect;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

/** Returns the freed heap pages now: full collections until nothing more is freed (~0.1–0.3 s here). */
export function releaseFreedMemory(): void {
  collector()({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export interface IdleReleaseOptions {
  /** How often the event loop is looked at. */
  readonly everyMs?: number;
  /** Event loop utilisation under which an interval counts as idle. */
  readonly idleBelow?: number;
  /** Growth of the resident set since the last release that is worth a collection. */
  readonly growthBytes?: number;
}

/**
 * Releases the freed memory in the first idle interval after the resident set has grown by
 * `growthBytes` since the last release, so a collection never runs while requests are being served
 * and never repeats without something new to give back.
 */
export function releaseMemoryWhenIdle(options: IdleReleaseOptions = {}): { stop(): void } {
  const { everyMs = 3_000, idleBelow = 0.05, growthBytes = 32 * 1024 * 1024 } = options;
  let baseline = process.memoryUsage.rss();
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const idle = performance.eventLoopUtilization(now, last).utilization < idleBelow;
    last = now;
    if (!idle || process.memoryUsage.rss() - baseline < growthBytes) return;
    releaseFreedMemory();
    baseline = process.memoryUsage.rss();
    last = performance.eventLoopUtilization();
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
