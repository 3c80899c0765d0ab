import { describe, expect, it } from 'vitest';
import { searchDirectory, type DirectoryOffice } from './directory.ts';

function office(code: string, province: string, name: string, lat: number, lon: number): DirectoryOffice {
  return {
    code,
    name,
    city: name,
    province,
    address: null,
    lat,
    lon,
    timeZone: 'Asia/Jakarta',
    officeClass: 'II',
    passportKinds: ['NON_ELECTRONIC', 'ELECTRONIC'],
  };
}

const offices = [
  office('FAR', 'Banten', 'Kantor Imigrasi Serang', 0, 2),
  office('NEAR_B', 'Aceh', 'Kantor Imigrasi Sabang', 0, 1.00001),
  office('NEAR_A', 'Aceh', 'Kantor Imigrasi Sabang Dua', 0, 1),
  office('MID', 'Aceh', 'Kantor Imigrasi Banda Aceh', 0, 1.5),
];

describe('searching the directory', () => {
  it('when no point is given, then offices come by province then name, without a distance', () => {
    const listed = searchDirectory(offices, { limit: 10 });
    expect(listed.map((o) => o.code)).toEqual(['MID', 'NEAR_B', 'NEAR_A', 'FAR']);
    expect(listed.every((o) => o.distanceKm === undefined)).toBe(true);
  });

  it('when a point is given, then the nearest comes first, ordered on the exact distance', () => {
    const listed = searchDirectory(offices, { near: { lat: 0, lon: 0 }, limit: 10 });
    expect(listed.map((o) => o.code)).toEqual(['NEAR_A', 'NEAR_B', 'MID', 'FAR']);
    expect(listed.map((o) => o.distanceKm)).toEqual([111.2, 111.2, 166.8, 222.4]);
  });

  it('keeps only offices matching every word, then cuts to the limit', () => {
    expect(searchDirectory(offices, { q: 'SABANG aceh', limit: 10 }).map((o) => o.code)).toEqual([
      'NEAR_B',
      'NEAR_A',
    ]);
    expect(searchDirectory(offices, { q: 'sabang banten', limit: 10 })).toEqual([]);
    expect(searchDirectory(offices, { near: { lat: 0, lon: 0 }, limit: 1 }).map((o) => o.code)).toEqual([
      'NEAR_A',
    ]);
  });
});
