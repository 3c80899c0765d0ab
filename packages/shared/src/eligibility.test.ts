import { describe, expect, it } from 'vitest';
import { ageOn, allowedValidityYears, isAdult, jakartaDate } from './eligibility.ts';

describe('who is an adult for a passport (17 or married; Permenkumham 18/2022)', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('2009-11-25', '2026-11-24')).toBe(16);
    expect(ageOn('2009-11-25', '2026-11-25')).toBe(17);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });

  it('lets a 16-year-old choose only 5 years, unless married', () => {
    const sixteen = { dateOfBirth: '2010-01-15', married: false };
    expect(isAdult(sixteen, '2026-11-25')).toBe(false);
    expect(allowedValidityYears(sixteen, '2026-11-25')).toEqual([5]);
    expect(allowedValidityYears({ ...sixteen, married: true }, '2026-11-25')).toEqual([5, 10]);
    expect(allowedValidityYears({ dateOfBirth: '1990-10-20', married: false }, '2026-11-25')).toEqual([
      5, 10,
    ]);
  });

  it('reads the day in Jakarta time (UTC+7)', () => {
    expect(jakartaDate(new Date('2026-11-24T16:59:59Z'))).toBe('2026-11-24');
    expect(jakartaDate(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
  });
});
