import { describe, expect, it } from 'vitest';
import { defaultPassportKinds, toPassportKinds } from './capabilities.ts';

describe('default passport kinds (an assumption until offices maintain their own)', () => {
  it('when the office is Kelas I Khusus, then it also issues the polycarbonate passport', () => {
    expect(defaultPassportKinds('I Khusus')).toEqual(['NON_ELECTRONIC', 'ELECTRONIC', 'POLYCARBONATE']);
  });

  it('when the office is of another class or unconfirmed, then it issues the two booklets only', () => {
    for (const officeClass of ['I', 'II', 'III', null]) {
      expect(defaultPassportKinds(officeClass)).toEqual(['NON_ELECTRONIC', 'ELECTRONIC']);
    }
  });
});

describe('stored passport kinds', () => {
  it('come back in the canonical order, without values no client would understand', () => {
    expect(toPassportKinds(['POLYCARBONATE', 'bogus', 'NON_ELECTRONIC'])).toEqual([
      'NON_ELECTRONIC',
      'POLYCARBONATE',
    ]);
  });
});
