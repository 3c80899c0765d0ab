import { describe, expect, it } from 'vitest';
import { createGate } from './gate.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createGate', () => {
  it('lets `max` in at once and the rest in arrival order as places free', async () => {
    const gate = createGate(2);
    const order: number[] = [];
    const leaves: (() => void)[] = [];
    const entries = [1, 2, 3, 4, 5].map((n) =>
      gate.enter().then((leave) => {
        order.push(n);
        leaves.push(leave);
      }),
    );
    await tick();
    expect(order).toEqual([1, 2]);
    expect(gate.load()).toEqual({ inside: 2, waiting: 3 });

    leaves[1]!();
    await tick();
    expect(order).toEqual([1, 2, 3]);
    leaves[0]!();
    leaves[2]!();
    await Promise.all(entries);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(gate.load()).toEqual({ inside: 2, waiting: 0 });
  });

  it('counts a second leave of the same request once', async () => {
    const gate = createGate(1);
    const first = await gate.enter();
    first();
    first();
    const second = await gate.enter();
    expect(gate.load()).toEqual({ inside: 1, waiting: 0 });
    const third = gate.enter();
    await tick();
    expect(gate.load()).toEqual({ inside: 1, waiting: 1 });
    second();
    (await third)();
    expect(gate.load()).toEqual({ inside: 0, waiting: 0 });
  });
});
