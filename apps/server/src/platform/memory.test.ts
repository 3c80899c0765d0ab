import { describe, expect, it } from 'vitest';
import { releaseFreedMemory, releaseMemoryWhenIdle } from './memory.ts';

const MB = 1024 * 1024;

/** Objects enough to grow the heap by well over 100 MB, garbage once this returns; answers the RSS then. */
function burst(): number {
  const garbage: { i: number; s: string }[] = [];
  for (let i = 0; i < 1_500_000; i++) garbage.push({ i, s: `item ${i}` });
  return process.memoryUsage.rss();
}

describe('releasing freed memory', () => {
  it('when a burst of garbage is over, then its heap pages go back to the system', () => {
    releaseFreedMemory();
    const before = process.memoryUsage.rss();
    const grown = burst();
    expect(grown - before).toBeGreaterThan(100 * MB);
    releaseFreedMemory();
    expect(process.memoryUsage.rss() - before).toBeLessThan(40 * MB);
  });

  it('when it releases, then the process global still has no gc()', () => {
    const had = typeof (globalThis as { gc?: unknown }).gc;
    releaseFreedMemory();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(had);
  });

  it('when the process goes idle after growing, then the watcher releases on its own', async () => {
    releaseFreedMemory();
    const before = process.memoryUsage.rss();
    const watcher = releaseMemoryWhenIdle({ everyMs: 50, growthBytes: 32 * MB });
    try {
      burst();
      const deadline = Date.now() + 5_000;
      while (process.memoryUsage.rss() - before > 40 * MB && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(process.memoryUsage.rss() - before).toBeLessThan(40 * MB);
    } finally {
      watcher.stop();
    }
  });
});
