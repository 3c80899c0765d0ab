import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, formatRupiah, todayIso } from './format.ts';

describe('formatting for officers', () => {
  it('when an instant is shown in an office zone, then the zone is named with the time', () => {
    const text = formatInstant('2026-11-25T03:00:00.000Z', 'en', 'Asia/Jakarta');
    expect(text).toContain('10:00');
    expect(text).toMatch(/GMT\+7|WIB/);
  });

  it('when a calendar date is shown, then no time zone moves it to another day', () => {
    expect(formatDate('2026-11-25', 'id')).toContain('25');
  });

  it('when rupiah are shown, then there are no decimals', () => {
    expect(formatRupiah(650000, 'id')).toMatch(/^Rp\s?650\.000$/);
  });

  it('when today is asked, then it is the local calendar day', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
