import { describe, expect, it } from 'vitest';
import { adultApplicant, defaultChoices, feeLines, laterFine, normalise } from './choices.ts';

const amounts = new Map([
  ['ELECTRONIC_10Y', 950000],
  ['ELECTRONIC_5Y', 650000],
  ['EXPRESS', 1000000],
  ['FINE_LOST', 1000000],
]);

describe('application choices', () => {
  it('when the applicant is a minor, then 10 years becomes 5', () => {
    const adult = adultApplicant('2012-01-01', false, '2026-11-25');
    expect(adult).toBe(false);
    expect(normalise({ ...defaultChoices, validityYears: 10 }, adult).validityYears).toBe(5);
  });

  it('when a minor is married, then they count as adult', () => {
    expect(adultApplicant('2010-06-01', true, '2026-11-25')).toBe(true);
  });

  it('when a lost passport is replaced with express service, then the app bills the passport and percepatan, and the fine is shown as billed later at the office (issue 16)', () => {
    const choices = {
      ...defaultChoices,
      type: 'REPLACEMENT',
      replacementReason: 'LOST',
      service: 'EXPRESS',
    } as const;
    const lines = feeLines(choices, amounts);
    expect(lines.map((l) => l.code)).toEqual(['ELECTRONIC_10Y', 'EXPRESS']);
    expect(lines.reduce((sum, l) => sum + l.amount, 0)).toBe(1950000);
    expect(laterFine(choices, amounts)).toEqual({ code: 'FINE_LOST', amount: 1000000 });
    expect(laterFine({ ...choices, replacementReason: 'LOST_FORCE_MAJEURE' }, amounts)).toBeNull();
    expect(laterFine({ ...choices, replacementReason: 'EXPIRED' }, amounts)).toBeNull();
  });

  it('when the type goes back to new, then the reason is dropped', () => {
    expect(
      normalise({ ...defaultChoices, type: 'NEW', replacementReason: 'LOST' }, true).replacementReason,
    ).toBeNull();
  });
});
