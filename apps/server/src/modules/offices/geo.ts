import type { GeoPoint } from '#shared/contracts/offices.ts';

/**
 * IUGG mean Earth radius. A sphere is off by up to ~0.5 % against the ellipsoid, far below the error of
 * the office points themselves (many are the kab/kota seat, see reference/README.md "Coordinates").
 */
export const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine), in km. */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.lat - from.lat);
  const dLon = radians(to.lon - from.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLon / 2) ** 2;
  // Rounding can push h a hair above 1 near the antipode, where asin would answer NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/**
 * Search form of a text: decomposed (NFD) so accents become separate marks that are then dropped,
 * lower case, single spaces. "Kantor  Imigrasi Denpasár" → "kantor imigrasi denpasar".
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a search query, normalised; none for a blank query. */
export function searchWords(query: string): string[] {
  const normalized = normalizeSearchText(query);
  return normalized === '' ? [] : normalized.split(' ');
}

/** True when every word occurs in the (normalised) text; a query without words matches everything. */
export function matchesAllWords(normalizedText: string, words: readonly string[]): boolean {
  return words.every((word) => normalizedText.includes(word));
}
