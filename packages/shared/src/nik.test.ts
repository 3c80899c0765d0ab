import { describe, expect, it } from 'vitest';
import { composeNik, parseNik, type RegionDirectory } from './nik.ts';

/** NIK structure per DOMAIN.md "NIK (16 digits)" (Dukcapil; Permendagri on NIK). */
const today = '2026-11-25';
const regions: RegionDirectory = {
  hasProvince: (code) => ['32', '91', '31'].includes(code),
  hasRegency: (code) => ['3273', '3174'].includes(code),
  hasDistrict: (code) => ['327305', '317401'].includes(code),
};

describe('parseNik', () => {
  it('reads the DOMAIN.md test vector 3273056010900009: Kota Bandung district 05, woman born 20-10-1990', () => {
    const result = parseNik('3273056010900009', { today, regions });
    expect(result).toEqual({
      ok: true,
      value: {
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

  it('reads a man: day digits without the +40 offset', () => {
    const result = parseNik('3174011508050001', { today, regions });
    expect(result.ok && result.value).toMatchObject({ sex: 'M', dateOfBirth: '2005-08-15' });
  });

  it('puts a two-digit year in the latest century that is not in the future', () => {
    expect(
      parseNik('3273051511250001', { today }).ok && parseNik('3273051511250001', { today }),
    ).toMatchObject({
      value: { dateOfBirth: '2025-11-15' },
    });
    // 30 November 2026 has not happened yet on 25 November 2026: the birth was in 1926.
    const result = parseNik('3273053011260001', { today });
    expect(result.ok && result.value.dateOfBirth).toBe('1926-11-30');
  });

  it.each([
    ['327305601090000', 'LENGTH'],
    ['32730560109000091', 'LENGTH'],
    ['', 'LENGTH'],
    ['32730560109O0009', 'NOT_DIGITS'],
    ['3273-05601090009', 'NOT_DIGITS'],
    ['3273056010900000', 'SERIAL_ZERO'],
    ['3273053210900001', 'INVALID_DATE'], // day 32
    ['3273057210900001', 'INVALID_DATE'], // woman, day 72 - 40 = 32
    ['3273054010900001', 'INVALID_DATE'], // day 40: neither a man's nor a woman's day
    ['3273050013900001', 'INVALID_DATE'], // day 00, month 13
    ['3273053002900001', 'INVALID_DATE'], // 30 February
    ['3273052902010001', 'INVALID_DATE'], // 29 February 2001 (and 1901): no leap year
    ['3273051000900001', 'INVALID_DATE'], // month 00
    ['9973056010900009', 'UNKNOWN_PROVINCE'],
  ])('refuses %j with %s', (nik, issue) => {
    expect(parseNik(nik, { today, regions })).toEqual({ ok: false, issue });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseNik('3273052902000001', { today }).ok).toBe(true);
  });

  it('only warns about a district or regency code missing from the current list (old codes stay on NIKs)', () => {
    const result = parseNik('9101016010900009', { today, regions });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual(['UNKNOWN_REGENCY', 'UNKNOWN_DISTRICT']);
  });

  it('ignores surrounding spaces', () => {
    expect(parseNik(' 3273056010900009 ', { today, regions }).ok).toBe(true);
  });
});

describe('composeNik', () => {
  it('is the inverse of parseNik for every day of a leap year, both sexes', () => {
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(1996, 0, 1 + day)).toISOString().slice(0, 10);
      for (const sex of ['M', 'F'] as const) {
        const nik = composeNik({ districtCode: '327305', dateOfBirth: date, sex, serial: day + 1 });
        const parsed = parseNik(nik, { today, regions });
        expect(parsed.ok && parsed.value).toMatchObject({ dateOfBirth: date, sex, districtCode: '327305' });
      }
    }
  });

  it('refuses a serial outside 1–9999 and a malformed district', () => {
    expect(() =>
      composeNik({ districtCode: '327305', dateOfBirth: '1990-10-20', sex: 'F', serial: 0 }),
    ).toThrow();
    expect(() =>
      composeNik({ districtCode: '3273', dateOfBirth: '1990-10-20', sex: 'F', serial: 1 }),
    ).toThrow();
  });
});
