import { describe, expect, it } from 'vitest';
import { readHolidays } from '../scheduling/index.ts';
import { readDistricts, readOffices, readRegencies, regionDirectory } from './reference.ts';

/** The reference files (apps/server/reference; sources in its README). */
describe('reference data files', () => {
  it('list the 151 offices of February 2026 with coordinates and one of the three time zones', () => {
    const offices = readOffices();
    expect(offices).toHaveLength(151);
    expect(new Set(offices.map((o) => o.code)).size).toBe(151);
    expect(new Set(offices.map((o) => o.timeZone))).toEqual(
      new Set(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
    );
    const regencies = new Set(readRegencies().map((r) => r.code));
    for (const office of offices) expect(regencies.has(office.regencyCode), office.code).toBe(true);
    expect(offices.find((o) => o.code === 'JAKARTA_SELATAN')).toMatchObject({
      regencyCode: '3174',
      timeZone: 'Asia/Jakarta',
    });
  });

  it('place the NIK test vector district 327305 in Kota Bandung (DOMAIN.md)', () => {
    const district = readDistricts().find((d) => d.code === '327305');
    expect(district?.regencyCode).toBe('3273');
    expect(readRegencies().find((r) => r.code === '3273')?.name).toBe('Kota Bandung');
    expect(regionDirectory().hasDistrict('327305')).toBe(true);
    expect(regionDirectory().hasDistrict('327399')).toBe(false);
  });

  it('hold the 2026 holidays of SKB 3 Menteri (17 libur nasional + 8 cuti bersama) and 2027 estimates', () => {
    const holidays = readHolidays();
    const in2026 = holidays.filter((h) => h.date.startsWith('2026'));
    expect(in2026.filter((h) => h.kind === 'libur_nasional')).toHaveLength(17);
    expect(in2026.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
    expect(in2026.every((h) => h.status === 'official')).toBe(true);
    expect(holidays.filter((h) => h.date.startsWith('2027')).every((h) => h.status === 'estimated')).toBe(
      true,
    );
    expect(holidays.find((h) => h.date === '2026-08-17')?.nameEn).toMatch(/Independence/);
  });
});
