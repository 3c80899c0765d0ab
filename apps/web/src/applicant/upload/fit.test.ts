import { describe, expect, it } from 'vitest';
import { attemptsFor, MIN_LONG_SIDE, sendsAsIs, TARGET_BYTES } from './fit.ts';

describe('a phone photo fitted to the 5 MB limit (issue 17)', () => {
  it('when a 12-megapixel photo is too large, then it is tried at 2400, 2000 and 1600 px, best quality first, never below 1600 px or 0.6', () => {
    const attempts = attemptsFor(4000, 3000);
    expect(attempts[0]).toEqual({ longSide: 2400, quality: 0.85 });
    expect(attempts.at(-1)).toEqual({ longSide: MIN_LONG_SIDE, quality: 0.6 });
    expect(attempts.every((a) => a.longSide >= MIN_LONG_SIDE && a.quality >= 0.6)).toBe(true);
  });

  it('when the photo is smaller than the steps, then it is never upscaled', () => {
    expect(new Set(attemptsFor(1800, 1200).map((a) => a.longSide))).toEqual(new Set([1800, 1600]));
    expect(new Set(attemptsFor(1000, 800).map((a) => a.longSide))).toEqual(new Set([1000]));
  });

  it('when the file is a PDF or a small image, then it is sent as it is', () => {
    expect(sendsAsIs({ type: 'application/pdf', size: 9_000_000 })).toBe(true);
    expect(sendsAsIs({ type: 'image/jpeg', size: TARGET_BYTES })).toBe(true);
    expect(sendsAsIs({ type: 'image/jpeg', size: 9_000_000 })).toBe(false);
  });
});
