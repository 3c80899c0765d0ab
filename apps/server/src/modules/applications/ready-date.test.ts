import { describe, expect, it } from 'vitest';
import { readHolidays } from '../scheduling/index.ts';
import { readyDateFor } from './ready-date.ts';

// DOMAIN.md "Process and statuses": ready 3 working days after the visit, percepatan the same day;
// the holidays are the official 2026 list (SKB 3 Menteri) in apps/server/reference/holidays.csv.
const national = new Set(readHolidays().map((h) => h.date));

describe('ready date', () => {
  it('when the interview is on a Wednesday, then the weekend is skipped: the Monday after', () => {
    expect(readyDateFor('2026-11-25', 'REGULAR', national)).toBe('2026-11-30');
  });

  it('when Christmas leave and Christmas Day follow, then they are skipped too', () => {
    // Wed 23 Dec → Thu 24 (cuti bersama), Fri 25 (Christmas), weekend → Mon 28, Tue 29, Wed 30.
    expect(readyDateFor('2026-12-23', 'REGULAR', national)).toBe('2026-12-30');
  });

  it('when the office declared a closure, then that day does not count either', () => {
    const closed = new Set([...national, '2026-12-29']);
    expect(readyDateFor('2026-12-23', 'REGULAR', closed)).toBe('2026-12-31');
  });

  it('when the service is percepatan, then it is the same day', () => {
    expect(readyDateFor('2026-12-23', 'EXPRESS', national)).toBe('2026-12-23');
  });
});
