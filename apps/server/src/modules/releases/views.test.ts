import { describe, expect, it } from 'vitest';
import type { QueueCounts, WindowRow } from './repository.ts';
import { estimatedWait, type LiveWindow } from './views.ts';

/** What a queued person is told to expect (issue 14: position, people ahead, wait). */
const options = { admitPerSecond: 200, admissionMinutes: 10 };
const counts = (outstanding: number): QueueCounts => ({
  tickets: 5_000,
  waiting: 4_000,
  nextPosition: 1_001,
  admitted: 1_000,
  outstanding,
  booked: 1_000 - outstanding,
  admittedLastMinute: 1_000,
});
const live = (seatsLeft: number, outstanding: number): LiveWindow => ({
  window: {} as WindowRow,
  counts: counts(outstanding),
  seatsLeft: { REGULAR: seatsLeft },
  nextDrawKey: null,
});

describe('the wait a queued person is shown', () => {
  it('when their place is within the seats nobody has been promised, then the admission rate sets it', () => {
    // 300 free seats, 100 promised to people admitted and not yet booked: 200 places still to admit.
    expect(estimatedWait(0, live(300, 100), ['REGULAR'], options)).toBe(0);
    expect(estimatedWait(199, live(300, 100), ['REGULAR'], options)).toBe(1);
  });

  it('when every seat left is promised to people ahead, then only a lapsed admission frees one: up to its lifetime', () => {
    expect(estimatedWait(200, live(300, 100), ['REGULAR'], options)).toBe(600);
    expect(estimatedWait(0, live(100, 100), ['REGULAR'], options)).toBe(600);
  });

  it('when the ticket is for a pool with no seats, then the same', () => {
    expect(estimatedWait(0, live(300, 0), ['PRIORITY'], options)).toBe(600);
  });
});
