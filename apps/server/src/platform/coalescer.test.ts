import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalescer.ts';

/** A flush the test finishes by hand, recording what each call was given. */
function manualFlush() {
  const calls: { items: readonly number[]; finish: (error?: Error) => void }[] = [];
  const flush = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ items, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { calls, flush };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createCoalescer', () => {
  it('writes the first item at once, alone, and the ones arriving meanwhile together next', async () => {
    const { calls, flush } = manualFlush();
    const writes = createCoalescer(flush);
    const first = writes.write(1);
    expect(calls.map((c) => c.items)).toEqual([[1]]);

    const later = [writes.write(2), writes.write(3), writes.write(4)];
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await first;
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1]!.finish();
    await Promise.all(later);
  });

  it('never runs two writes at once and keeps each batch within maxBatch', async () => {
    const { calls, flush } = manualFlush();
    const writes = createCoalescer(flush, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((n) => writes.write(n));
    for (let i = 0; i < 3; i++) {
      await tick();
      expect(calls).toHaveLength(i + 1);
      calls[i]!.finish();
    }
    await Promise.all(all);
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('rejects every writer of a failed batch, and only them', async () => {
    const { calls, flush } = manualFlush();
    const writes = createCoalescer(flush);
    const first = writes.write(1);
    const failed = [writes.write(2), writes.write(3)].map((p) =>
      p.then(
        () => 'ok',
        (e: Error) => e.message,
      ),
    );
    calls[0]!.finish();
    await first;
    await tick();
    const after = writes.write(4);
    calls[1]!.finish(new Error('database gone'));
    expect(await Promise.all(failed)).toEqual(['database gone', 'database gone']);
    await tick();
    expect(calls[2]!.items).toEqual([4]);
    calls[2]!.finish();
    await after;
  });
});

describe('createCoalescer with answers', () => {
  it('gives each writer the answer for its own item', async () => {
    const doubled = createCoalescer(async (items: readonly number[]) => items.map((n) => n * 2));
    expect(await Promise.all([1, 2, 3, 4].map((n) => doubled.write(n)))).toEqual([2, 4, 6, 8]);
  });
});
