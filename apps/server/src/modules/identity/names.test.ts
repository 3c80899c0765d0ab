import { describe, expect, it } from 'vitest';
import { namesMatch, normalizeName, normalizePlace, placesMatch } from './names.ts';

/** ICAO Doc 9303 part 3 (transliteration) and DOMAIN.md: "M. Firman" → "M FIRMAN". */
describe('normalizeName, as a passport writes a name (ICAO 9303)', () => {
  it.each([
    ['M. Firman', 'M FIRMAN'],
    ['  siti   rahma ', 'SITI RAHMA'],
    ["Ma'ruf Amin", 'MARUF AMIN'],
    ['Ma’ruf Amin', 'MARUF AMIN'],
    ['Nur-Aini', 'NUR AINI'],
    ['Hasibuan, S.H.', 'HASIBUAN S H'],
    ['Désirée Ñoño', 'DESIREE NONO'],
    ['Søren Ærø', 'SOEREN AEROE'],
    ['Straße', 'STRASSE'],
    ['...', ''],
  ])('when the name is %j, then it is compared as %j', (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });
});

describe('namesMatch', () => {
  it('when two spellings differ only in case, dots, apostrophes or spacing, then they match', () => {
    expect(namesMatch('M. Firman Hidayat', 'M FIRMAN HIDAYAT')).toBe(true);
    expect(namesMatch("Sa'diyah", 'SADIYAH')).toBe(true);
    expect(namesMatch('  siti   rahma ', 'Siti Rahma')).toBe(true);
  });

  it('when letters differ, then the names do not match', () => {
    expect(namesMatch('Siti Rahma', 'Siti Rahmah')).toBe(false);
    expect(namesMatch('M. Firman', 'Muhammad Firman')).toBe(false);
    expect(namesMatch('Nur Aini', 'Nuraini')).toBe(false);
  });
});

describe('normalizePlace and placesMatch', () => {
  it.each([
    ['Kota Bandung', 'BANDUNG'],
    ['Kabupaten Bandung', 'BANDUNG'],
    ['Kab. Bandung Barat', 'BANDUNG BARAT'],
    ['KOTA ADMINISTRASI JAKARTA SELATAN', 'JAKARTA SELATAN'],
    ['Kotabaru', 'KOTABARU'],
    ['Kota', 'KOTA'],
  ])('when the place is %j, then it is compared as %j', (place, expected) => {
    expect(normalizePlace(place)).toBe(expected);
  });

  it('when one side names the regency and the other the town, then the places match', () => {
    expect(placesMatch('Kota Bandung', 'Bandung')).toBe(true);
    expect(placesMatch('kab. sleman', 'SLEMAN')).toBe(true);
    expect(placesMatch('Kota Administrasi Jakarta Selatan', 'jakarta selatan')).toBe(true);
  });

  it('when the towns differ, then the places do not match', () => {
    expect(placesMatch('Kota Bandung', 'Bogor')).toBe(false);
    expect(placesMatch('Jakarta Selatan', 'Jakarta Barat')).toBe(false);
  });
});
