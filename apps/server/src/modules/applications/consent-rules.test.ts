import { describe, expect, it } from 'vitest';
import { consentNeed, maskDestination } from './consent-rules.ts';

const kk = '3273010000000001';
const parent = { familyCardNumber: kk, dateOfBirth: '1985-03-01', married: true };
const base = { accountNik: '3273014103850001', applicantNik: '3273010101150002', account: parent };

describe('whose consent an application needs (issue 15; DOMAIN.md "Anak di bawah 17 tahun")', () => {
  it('when the NIK is the account holder’s own, then none', () => {
    expect(
      consentNeed({ ...base, applicantNik: base.accountNik, applicant: parent, today: '2026-12-05' }),
    ).toBe('OWN');
  });

  it('when a child under 17 is on the holder’s family card, then none', () => {
    const child = { familyCardNumber: kk, dateOfBirth: '2015-01-01', married: false };
    expect(consentNeed({ ...base, applicant: child, today: '2026-12-05' })).toBe('FAMILY_MINOR');
  });

  it('when the child is on another family card, is 17, or is married per the registry, then consent', () => {
    const child = { familyCardNumber: kk, dateOfBirth: '2015-01-01', married: false };
    expect(
      consentNeed({ ...base, applicant: { ...child, familyCardNumber: 'other' }, today: '2026-12-05' }),
    ).toBe('CONSENT');
    expect(
      consentNeed({ ...base, applicant: { ...child, dateOfBirth: '2009-12-05' }, today: '2026-12-05' }),
    ).toBe('CONSENT');
    expect(consentNeed({ ...base, applicant: { ...child, married: true }, today: '2026-12-05' })).toBe(
      'CONSENT',
    );
  });

  it('when the registry does not know one of them, then consent', () => {
    expect(consentNeed({ ...base, applicant: null, today: '2026-12-05' })).toBe('CONSENT');
  });

  it('when a destination is shown, then only its ends are', () => {
    expect(maskDestination('+6281234567890')).toBe('+628******7890');
    expect(maskDestination('siti@contoh.id')).toBe('s***@contoh.id');
  });
});
