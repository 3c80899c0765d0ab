import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors.ts';
import type { RegisteredPassport } from './deps.ts';
import { blockedStatusFor, checkReplacementReason, expiringCutoff } from './registry-rules.ts';

const passport = (expiryDate: string): RegisteredPassport => ({
  number: 'C1234567',
  type: 'NON_ELECTRONIC',
  issueDate: '2021-03-01',
  expiryDate,
  status: 'VALID',
  issuingOffice: 'Kantor Imigrasi Kelas I TPI Bandung',
  holderNik: '3273056010900009',
});

const refusal = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
};

describe('"expired" as a replacement reason (DOMAIN.md: expired or < 6 months left; Permenkumham 8/2014 as amended)', () => {
  const today = '2026-12-05';

  it('counts six calendar months ahead, the end of a shorter month taking the last day', () => {
    expect(expiringCutoff(today)).toBe('2027-06-05');
    expect(expiringCutoff('2026-08-31')).toBe('2027-02-28');
    expect(expiringCutoff('2027-08-31')).toBe('2028-02-29');
  });

  it('refuses it for a passport valid three more years, with REPLACEMENT_REASON_INVALID', () => {
    expect(refusal(() => checkReplacementReason('EXPIRED', passport('2029-12-05'), today))).toBe(
      'REPLACEMENT_REASON_INVALID',
    );
    expect(refusal(() => checkReplacementReason('EXPIRED', passport('2027-06-06'), today))).toBe(
      'REPLACEMENT_REASON_INVALID',
    );
  });

  it('accepts it within six months of expiry and after expiry', () => {
    expect(refusal(() => checkReplacementReason('EXPIRED', passport('2027-06-05'), today))).toBeNull();
    expect(refusal(() => checkReplacementReason('EXPIRED', passport('2027-01-10'), today))).toBeNull();
    expect(refusal(() => checkReplacementReason('EXPIRED', passport('2020-01-10'), today))).toBeNull();
  });

  it('leaves the other reasons to their own checks (pages full: the officer; lost/damaged: the BAP)', () => {
    for (const reason of ['PAGES_FULL', 'LOST', 'DAMAGED', 'DATA_CHANGE'] as const) {
      expect(refusal(() => checkReplacementReason(reason, passport('2035-01-01'), today))).toBeNull();
    }
  });
});

describe('the old passport blocked in the registry on submit (issue 16)', () => {
  it('is LOST or DAMAGED for those reasons, force majeure included, and untouched otherwise', () => {
    expect(blockedStatusFor('LOST')).toBe('LOST');
    expect(blockedStatusFor('LOST_FORCE_MAJEURE')).toBe('LOST');
    expect(blockedStatusFor('DAMAGED')).toBe('DAMAGED');
    expect(blockedStatusFor('DAMAGED_FORCE_MAJEURE')).toBe('DAMAGED');
    for (const reason of ['EXPIRED', 'PAGES_FULL', 'DATA_CHANGE'] as const) {
      expect(blockedStatusFor(reason)).toBeNull();
    }
    expect(blockedStatusFor(null)).toBeNull();
  });
});
