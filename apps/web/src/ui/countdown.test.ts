import { describe, expect, it } from 'vitest';
import { countdownText } from './countdown.ts';

describe('countdownText', () => {
  it('when under an hour, then minutes and seconds; beyond, hours too', () => {
    expect(countdownText(4 * 60_000 + 7_000)).toBe('4:07');
    expect(countdownText(3_600_000 + 4 * 60_000 + 7_000)).toBe('1:04:07');
    expect(countdownText(15 * 60_000)).toBe('15:00');
  });

  it('when a part of a second is left, then it counts as a whole one; past the instant, 0:00', () => {
    expect(countdownText(200)).toBe('0:01');
    expect(countdownText(0)).toBe('0:00');
    expect(countdownText(-5_000)).toBe('0:00');
  });
});
