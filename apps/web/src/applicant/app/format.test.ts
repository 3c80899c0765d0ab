import { describe, expect, it } from 'vitest';
import { addDays, countdown, fill, rupiah } from './format.ts';

describe('applicant formatting', () => {
  it('fills named values and leaves unknown ones', () => {
    expect(fill('sisa {n} kursi {x}', { n: 3 })).toBe('sisa 3 kursi {x}');
  });
  it('shows the countdown as H:MM:SS and stops at zero', () => {
    expect(countdown(2 * 3600_000 - 1_000)).toBe('1:59:59');
    expect(countdown(-5)).toBe('0:00:00');
  });
  it('counts days across a month end', () => {
    expect(addDays('2026-11-29', 3)).toBe('2026-12-02');
  });
  it('writes rupiah without decimals', () => {
    expect(rupiah(650000, 'id').replace(/\s/g, ' ')).toMatch(/Rp 650\.000/);
  });
});
