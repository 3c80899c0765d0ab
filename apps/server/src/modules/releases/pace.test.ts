import { describe, expect, it } from 'vitest';
import { createAdmissionPace } from './pace.ts';

/** A pace on a hand-moved clock: submits of `ms` each, `n` of them, finishing within one interval. */
function paced(targetMs = 250) {
  let t = 0;
  const pace = createAdmissionPace({ targetMs, now: () => t });
  let next = 0;
  const submits = (n: number, ms: number) => {
    const ids = Array.from({ length: n }, () => `ticket-${next++}`);
    ids.forEach((id) => pace.started(id));
    t += ms;
    pace.booked(ids);
    t += Math.max(0, 500 - ms);
  };
  return { pace, submits, wait: (ms: number) => (t += ms) };
}

describe('createAdmissionPace (issue 14: admitted at the rate seats can be sold)', () => {
  it('admits at the full rate while admitted submits come back within the target', () => {
    const { pace, submits } = paced();
    for (let i = 0; i < 5; i++) {
      submits(50, 80);
      expect(pace.share()).toBe(1);
    }
  });

  it('halves the rate for each interval whose submits are slow, then grows back by a quarter', () => {
    const { pace, submits } = paced();
    submits(50, 900);
    expect(pace.share()).toBe(0.5);
    submits(50, 900);
    expect(pace.share()).toBe(0.25);
    submits(50, 200); // within the target but not well within: hold
    expect(pace.share()).toBe(0.25);
    submits(50, 60);
    expect(pace.share()).toBeCloseTo(0.3125);
  });

  it('counts submits still running at their age, so a jam slows admissions before anyone finishes', () => {
    const { pace, wait } = paced();
    for (let i = 0; i < 30; i++) pace.started(`stuck-${i}`);
    wait(600);
    expect(pace.share()).toBe(0.5);
  });

  it('never judges a crowd from a handful of submits, and never stops admitting', () => {
    const few = paced();
    few.submits(5, 5_000);
    expect(few.pace.share()).toBe(1);

    const jammed = paced();
    for (let i = 0; i < 20; i++) {
      jammed.submits(50, 2_000);
      jammed.pace.share();
    }
    expect(jammed.pace.share()).toBe(0.02);
  });

  it('with a target of 0 always admits at the full rate', () => {
    const { pace, submits } = paced(0);
    submits(50, 5_000);
    expect(pace.share()).toBe(1);
  });
});
