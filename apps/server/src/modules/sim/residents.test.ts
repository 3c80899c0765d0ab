import { describe, expect, it } from 'vitest';
import { parseNik } from '#shared/nik.ts';
import { regionDirectory } from '../offices/index.ts';
import { generateResidents, placeName } from './residents.ts';
import { residentGeography } from './service.ts';

const geography = residentGeography();
const residents = generateResidents(1000, geography);
const ageOn = (dateOfBirth: string, day: string) => {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
};

describe('synthetic residents of the simulated Dukcapil', () => {
  it('are deterministic: the same people on every machine', () => {
    expect(generateResidents(1000, geography)).toEqual(residents);
    expect(generateResidents(1000, geography, 7)).not.toEqual(residents);
  });

  it('all have NIKs that parse: real district, date of birth and sex match the biodata', () => {
    const regions = regionDirectory();
    for (const r of residents) {
      const parsed = parseNik(r.nik, { today: '2026-11-25', regions });
      expect(parsed.ok, r.nik).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.warnings, r.nik).toEqual([]);
      expect(parsed.value.dateOfBirth).toBe(r.dateOfBirth);
      expect(parsed.value.sex).toBe(r.sex);
      expect(parsed.value.districtCode).toBe(r.districtCode);
    }
  });

  it('have unique NIKs and unique previous passport numbers', () => {
    expect(new Set(residents.map((r) => r.nik)).size).toBe(residents.length);
    const numbers = residents.flatMap((r) => (r.previousPassport ? [r.previousPassport.number] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^[A-Z]{1,2}\d{6,8}$/);
  });

  it('include minors, married people, married minors and previous passport holders', () => {
    const minors = residents.filter((r) => ageOn(r.dateOfBirth, '2026-11-25') < 17);
    expect(minors.length).toBeGreaterThan(100);
    expect(residents.filter((r) => r.maritalStatus === 'KAWIN').length).toBeGreaterThan(300);
    expect(minors.some((r) => r.maritalStatus === 'KAWIN')).toBe(true);
    expect(residents.filter((r) => r.previousPassport).length).toBeGreaterThan(150);
    expect(residents.filter((r) => r.sex === 'F').length).toBeGreaterThan(400);
  });

  it('include the awkward names passports must handle: abbreviations, apostrophes, long names', () => {
    expect(residents.some((r) => /^M\. /.test(r.fullName))).toBe(true);
    expect(residents.some((r) => r.fullName.includes("'"))).toBe(true);
    expect(residents.some((r) => r.fullName.length > 39)).toBe(true);
    expect(residents.some((r) => !r.fullName.includes(' '))).toBe(true);
  });

  it('name the place of birth as people write it', () => {
    expect(placeName('Kabupaten Bandung')).toBe('Bandung');
    expect(placeName('Kota Administrasi Jakarta Selatan')).toBe('Jakarta Selatan');
    for (const r of residents) expect(r.placeOfBirth).not.toMatch(/^(Kabupaten|Kota) /);
  });
});
