import { describe, expect, it } from 'vitest';
import { distanceKm, EARTH_RADIUS_KM, matchesAllWords, normalizeSearchText, searchWords } from './geo.ts';

const MONAS_JAKARTA = { lat: -6.1754, lon: 106.8272 };
const TUGU_PAHLAWAN_SURABAYA = { lat: -7.2458, lon: 112.7378 };
const HALF_CIRCUMFERENCE_KM = Math.PI * EARTH_RADIUS_KM;

describe('great-circle distance', () => {
  it('puts Jakarta about 660–665 km from Surabaya, the same both ways', () => {
    const there = distanceKm(MONAS_JAKARTA, TUGU_PAHLAWAN_SURABAYA);
    expect(there).toBeGreaterThan(660);
    expect(there).toBeLessThan(665);
    expect(distanceKm(TUGU_PAHLAWAN_SURABAYA, MONAS_JAKARTA)).toBeCloseTo(there, 9);
  });

  it('is zero from a point to itself', () => {
    expect(distanceKm(MONAS_JAKARTA, MONAS_JAKARTA)).toBe(0);
  });

  it('makes one degree of the equator 111.195 km (mean radius 6371.0088 km)', () => {
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 3);
  });

  it('gives half the circumference between antipodes, never NaN', () => {
    const jakartaAntipode = { lat: -MONAS_JAKARTA.lat, lon: MONAS_JAKARTA.lon - 180 };
    expect(distanceKm(MONAS_JAKARTA, jakartaAntipode)).toBeCloseTo(HALF_CIRCUMFERENCE_KM, 6);
    expect(distanceKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(HALF_CIRCUMFERENCE_KM, 6);
  });

  it('takes the short way across the antimeridian', () => {
    expect(distanceKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.195, 3);
  });
});

describe('search text', () => {
  it('drops accents and case and collapses white space', () => {
    expect(normalizeSearchText('  Kantor  Imigrasi\tDENPASÁR ')).toBe('kantor imigrasi denpasar');
    expect(normalizeSearchText('Ñusa Çà')).toBe('nusa ca');
  });

  it('splits a query into normalised words, none for a blank one', () => {
    expect(searchWords(' JAKARTA   Selátan ')).toEqual(['jakarta', 'selatan']);
    expect(searchWords('   ')).toEqual([]);
  });

  it('matches only when every word occurs, in any order', () => {
    const text = normalizeSearchText('Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan DKI Jakarta');
    expect(matchesAllWords(text, searchWords('selatan jakarta'))).toBe(true);
    expect(matchesAllWords(text, searchWords('jakarta utara'))).toBe(false);
    expect(matchesAllWords(text, [])).toBe(true);
  });
});
