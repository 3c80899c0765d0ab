import { describe, expect, it } from 'vitest';
import { applicationCreateSchema, type ApplicationCreate } from '#shared/contracts/applications.ts';
import { isDomainError } from '../../platform/errors.ts';
import type { RegisteredPassport } from './deps.ts';
import { checkChoices, previousPassportFor, refuseNewWhenPassportKnown } from './rules.ts';

const today = '2026-11-25';
const unmarried = { married: false, dualCitizenship: false };
const married = { married: true, dualCitizenship: false };
const input = (
  overrides: Record<string, unknown> = {},
  applicant: Record<string, unknown> = {},
): ApplicationCreate =>
  applicationCreateSchema.parse({
    type: 'NEW',
    product: 'ELECTRONIC_10Y',
    applicant: {
      nik: '3273056010900009',
      fullName: 'Siti Rahma',
      dateOfBirth: '1990-10-20',
      placeOfBirth: 'Bandung',
      sex: 'F',
      ...applicant,
    },
    ...overrides,
  });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
}

const passport = (overrides: Partial<RegisteredPassport> = {}): RegisteredPassport => ({
  number: 'C1234567',
  type: 'NON_ELECTRONIC',
  issueDate: '2019-03-01',
  expiryDate: '2024-02-29',
  status: 'VALID',
  issuingOffice: 'Kantor Imigrasi Kelas I TPI Bandung',
  holderNik: '3273056010900009',
  ...overrides,
});

describe('choices of a new application (DOMAIN.md "What an applicant chooses")', () => {
  it('refuses a 10-year passport for a 16-year-old (minors always get 5 years)', () => {
    expect(codeOf(() => checkChoices(input({}, { dateOfBirth: '2010-03-01' }), today, unmarried))).toBe(
      'PRODUCT_NOT_ALLOWED',
    );
    expect(
      checkChoices(input({ product: 'ELECTRONIC_5Y' }, { dateOfBirth: '2010-03-01' }), today, unmarried)
        .adult,
    ).toBe(false);
  });

  it('allows 10 years for a 16-year-old Dukcapil records as married (marriage makes an adult)', () => {
    expect(checkChoices(input({}, { dateOfBirth: '2010-03-01' }), today, married).adult).toBe(true);
  });

  it('keeps a minor who ticks "married" a minor when Dukcapil says unmarried (issue 16: facts from the registry)', () => {
    const ticked = input({ product: 'ELECTRONIC_5Y' }, { dateOfBirth: '2010-03-01', married: true });
    const checked = checkChoices(ticked, today, unmarried);
    expect(checked.adult).toBe(false);
    expect(checked.requiredDocuments).toContain('PARENTS_STATEMENT');
    expect(checked.requiredDocuments).toContain('BIRTH_CERTIFICATE');
    expect(codeOf(() => checkChoices({ ...ticked, product: 'ELECTRONIC_10Y' }, today, unmarried))).toBe(
      'PRODUCT_NOT_ALLOWED',
    );
  });

  it('asks a dual-citizenship child for the decree and the foreign passport (UU 12/2006; DOMAIN.md)', () => {
    const child = input({ product: 'ELECTRONIC_5Y' }, { dateOfBirth: '2015-03-01' });
    const checked = checkChoices(child, today, { married: false, dualCitizenship: true });
    expect(checked.requiredDocuments).toEqual(
      expect.arrayContaining(['DUAL_CITIZENSHIP_DECREE', 'FOREIGN_PASSPORT']),
    );
    expect(checkChoices(child, today, unmarried).requiredDocuments).not.toContain('FOREIGN_PASSPORT');
  });

  it('asks for the reason of a replacement, and refuses a reason or old number on a new application', () => {
    expect(codeOf(() => checkChoices(input({ type: 'REPLACEMENT' }), today, unmarried))).toBe('VALIDATION');
    expect(codeOf(() => checkChoices(input({ replacementReason: 'LOST' }), today, unmarried))).toBe(
      'VALIDATION',
    );
    expect(codeOf(() => checkChoices(input({ previousPassportNumber: 'C1234567' }), today, unmarried))).toBe(
      'VALIDATION',
    );
  });

  it('charges the fine for lost and damaged passports, but not for force majeure (PP 45/2024)', () => {
    const reason = (replacementReason: string) =>
      checkChoices(input({ type: 'REPLACEMENT', replacementReason }), today, unmarried).fine;
    expect(reason('LOST')).toBe('LOST');
    expect(reason('DAMAGED')).toBe('DAMAGED');
    expect(reason('LOST_FORCE_MAJEURE')).toBeNull();
    expect(reason('DAMAGED_FORCE_MAJEURE')).toBeNull();
    expect(reason('EXPIRED')).toBeNull();
  });

  it('works out the documents from the case', () => {
    expect(checkChoices(input(), today, unmarried).requiredDocuments).toEqual([
      'KTP_EL',
      'KARTU_KELUARGA',
      'IDENTITY_PROOF',
    ]);
  });
});

describe('the previous passport', () => {
  it('refuses "Baru" when the registry knows a passport of the NIK, valid or expired', () => {
    expect(codeOf(() => refuseNewWhenPassportKnown([passport()]))).toBe('PREVIOUS_PASSPORT_EXISTS');
    expect(codeOf(() => refuseNewWhenPassportKnown([passport({ expiryDate: '2030-01-01' })]))).toBe(
      'PREVIOUS_PASSPORT_EXISTS',
    );
    expect(codeOf(() => refuseNewWhenPassportKnown([passport({ status: 'CANCELLED' })]))).toBeUndefined();
    expect(codeOf(() => refuseNewWhenPassportKnown([]))).toBeUndefined();
  });

  it('requires the number for a replacement, found in the registry for the same NIK, and the latest one', () => {
    const nik = '3273056010900009';
    expect(codeOf(() => previousPassportFor(nik, undefined, null))).toBe('PREVIOUS_PASSPORT_REQUIRED');
    expect(codeOf(() => previousPassportFor(nik, 'C7654321', null))).toBe('PREVIOUS_PASSPORT_NOT_FOUND');
    expect(
      codeOf(() => previousPassportFor(nik, 'C1234567', passport({ holderNik: '3174011508050001' }))),
    ).toBe('PREVIOUS_PASSPORT_NOT_FOUND');
    expect(codeOf(() => previousPassportFor(nik, 'C1234567', passport({ status: 'REPLACED' })))).toBe(
      'PREVIOUS_PASSPORT_NOT_FOUND',
    );
    expect(previousPassportFor(nik, 'C1234567', passport()).number).toBe('C1234567');
  });
});
