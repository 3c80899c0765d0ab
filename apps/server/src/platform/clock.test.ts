import { describe, expect, it } from 'vitest';
import { FixedClock, SimulatedClock } from './clock.ts';

describe('SimulatedClock', () => {
  it('runs ahead of its base clock by the offset', () => {
    const clock = new SimulatedClock(0, new FixedClock('2026-11-25T03:00:00Z'));
    expect(clock.advance(121 * 60_000).toISOString()).toBe('2026-11-25T05:01:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-25T05:01:00.000Z');
  });

  it('never moves backwards, neither by advance nor by sync', () => {
    const clock = new SimulatedClock(60_000, new FixedClock('2026-11-25T03:00:00Z'));
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    clock.syncOffset(0);
    expect(clock.offsetMs).toBe(60_000);
    clock.syncOffset(120_000);
    expect(clock.offsetMs).toBe(120_000);
  });
});
