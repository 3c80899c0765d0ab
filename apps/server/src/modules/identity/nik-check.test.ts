import { describe, expect, it } from 'vitest';
import { nikIssueMessages, nikWarningMessages, type RegionDirectory } from '#shared/nik.ts';
import { regionDirectory } from '../offices/index.ts';
import { checkNikStructure, type NikCheckResult } from './nik-check.ts';

/** NIK rules from DOMAIN.md "NIK (16 digits)": PP KK CC DDMMYY SSSS, DD + 40 for women. */
const today = '2026-11-25';
const regions = regionDirectory();
const woman1990 = { dateOfBirth: '1990-10-20', sex: 'F' } as const;

function problemsOf(result: NikCheckResult) {
  if (result.ok) throw new Error('expected the NIK to be refused');
  return result.problems;
}

describe('checkNikStructure', () => {
  it('when given the DOMAIN.md test vector 3273056010900009 with its biodata, then it reads Kota Bandung district 327305, a woman born 1990-10-20', () => {
    const result = checkNikStructure('3273056010900009', woman1990, { today, regions });
    expect(result).toEqual({
      ok: true,
      nik: {
        nik: '3273056010900009',
        provinceCode: '32',
        regencyCode: '3273',
        districtCode: '327305',
        dateOfBirth: '1990-10-20',
        sex: 'F',
        serial: '0009',
      },
      warnings: [],
    });
  });

  it('when the NIK is typed with spaces around it, then it is read without them', () => {
    const result = checkNikStructure(' 3273056010900009 ', woman1990, { today, regions });
    expect(result.ok && result.nik.nik).toBe('3273056010900009');
  });

  it.each([
    ['15 digits', '327305601090000', 'LENGTH'],
    ['17 digits', '32730560109000091', 'LENGTH'],
    ['nothing', '', 'LENGTH'],
    ['a letter O for a zero', '32730560109O0009', 'NOT_DIGITS'],
    ['a dash', '327305-601090000', 'NOT_DIGITS'],
    ['day 00', '3273050010900009', 'INVALID_DATE'],
    ['31 February', '3273053102900009', 'INVALID_DATE'],
    ['month 13', '3273052013900009', 'INVALID_DATE'],
    ['a woman on 31 February (71)', '3273057102900009', 'INVALID_DATE'],
    ['a wrong sex offset: day 80 is neither 1–31 nor 41–71', '3273058010900009', 'INVALID_DATE'],
    ['a day between the two ranges (35)', '3273053510900009', 'INVALID_DATE'],
    ['serial 0000', '3273056010900000', 'SERIAL_ZERO'],
    ['province 00', '0073056010900009', 'UNKNOWN_PROVINCE'],
    ['province 99', '9973056010900009', 'UNKNOWN_PROVINCE'],
  ] as const)('when the NIK has %s, then it is refused on nik with its reason', (_, nik, issue) => {
    expect(problemsOf(checkNikStructure(nik, woman1990, { today, regions }))).toEqual([
      { path: 'nik', message: nikIssueMessages[issue] },
    ]);
  });

  it('when digits 7–12 give another date than the date of birth, then nik and dateOfBirth say what the NIK says', () => {
    const problems = problemsOf(
      checkNikStructure('3273056010900009', { dateOfBirth: '1990-10-21', sex: 'F' }, { today, regions }),
    );
    expect(problems.map((p) => p.path)).toEqual(['nik', 'dateOfBirth']);
    expect(problems[0]?.message.id).toContain('NIK Anda menunjukkan tanggal lahir 20-10-1990');
    expect(problems[0]?.message.en).toContain('Your NIK indicates the date of birth 20-10-1990');
    expect(problems[1]?.message.id).toContain('20-10-1990');
    expect(problems[1]?.message.id).toContain('KTP-el');
  });

  it('when a man enters a NIK with the +40 day of a woman, then nik and sex say the NIK is a woman’s', () => {
    const problems = problemsOf(
      checkNikStructure('3273056010900009', { dateOfBirth: '1990-10-20', sex: 'M' }, { today, regions }),
    );
    expect(problems.map((p) => p.path)).toEqual(['nik', 'sex']);
    expect(problems[0]?.message.id).toContain('jenis kelamin perempuan');
    expect(problems[1]?.message.en).toContain('female');
  });

  it('when a woman’s NIK lacks the +40 on the day, then it is refused: the NIK reads as a man’s', () => {
    const problems = problemsOf(checkNikStructure('3273052010900009', woman1990, { today, regions }));
    expect(problems.map((p) => p.path)).toEqual(['nik', 'sex']);
    expect(problems[0]?.message.id).toContain('jenis kelamin laki-laki');
  });

  it('when both date and sex disagree, then all four problems are listed at once', () => {
    const problems = problemsOf(
      checkNikStructure('3273052010900009', { dateOfBirth: '1991-01-01', sex: 'F' }, { today, regions }),
    );
    expect(problems.map((p) => p.path)).toEqual(['nik', 'dateOfBirth', 'nik', 'sex']);
  });

  it('when someone was born over a century ago, then the date given decides the century of the NIK', () => {
    const result = checkNikStructure('3273051503250001', { dateOfBirth: '1925-03-15', sex: 'M' }, { today });
    expect(result.ok && result.nik.dateOfBirth).toBe('1925-03-15');
  });

  it('when a future date shares the NIK’s digits, then it is still refused', () => {
    const result = checkNikStructure('3273056010900009', { dateOfBirth: '2090-10-20', sex: 'F' }, { today });
    expect(problemsOf(result).map((p) => p.path)).toEqual(['nik', 'dateOfBirth']);
  });

  it('when the regency or district code is unknown (e.g. retired by a region split), then it only warns', () => {
    const onlyWestJava: RegionDirectory = {
      hasProvince: (code) => code === '32',
      hasRegency: () => false,
      hasDistrict: () => false,
    };
    const result = checkNikStructure('3273056010900009', woman1990, { today, regions: onlyWestJava });
    expect(result.ok && result.warnings).toEqual([
      { code: 'UNKNOWN_REGENCY', message: nikWarningMessages.UNKNOWN_REGENCY },
      { code: 'UNKNOWN_DISTRICT', message: nikWarningMessages.UNKNOWN_DISTRICT },
    ]);
  });

  it('when no region directory is given, then any province is accepted', () => {
    expect(checkNikStructure('9973056010900009', woman1990, { today }).ok).toBe(true);
  });
});
