/**
 * Names and places compared the way a passport writes them (ICAO Doc 9303 part 3, "Transliteration"):
 * upper case Latin letters only, accents dropped, punctuation gone. So "M. Firman" and "M FIRMAN" are
 * the same person to us, as they are on the data page (DOMAIN.md: "M. Firman" → "M FIRMAN").
 */

/**
 * Letters NFD does not decompose, spelt as ICAO 9303's transliteration table spells them (ß and ı need
 * no entry: upper-casing already gives SS and I).
 */
const ICAO_LETTERS: Readonly<Record<string, string>> = {
  Æ: 'AE',
  Œ: 'OE',
  Ø: 'OE',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ł: 'L',
  Ħ: 'H',
};

const COMBINING_MARKS = /\p{M}/gu;
/** An apostrophe joins a word ("Ma'ruf" → "MARUF"), unlike other punctuation which separates words. */
const APOSTROPHES = /['`´ʼʻ‘’]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export function normalizeName(name: string): string {
  const upper = name.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '').toUpperCase();
  return [...upper]
    .map((char) => ICAO_LETTERS[char] ?? char)
    .join('')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

export function namesMatch(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/**
 * People write their place of birth as the town ("Bandung"), the registry often as the regency
 * ("Kota Bandung", "Kab. Bandung"), so the administrative prefix is dropped before comparing.
 */
const REGENCY_PREFIX = /^(KOTA ADMINISTRASI|KABUPATEN|KAB|KOTA) (?=\S)/;

export function normalizePlace(place: string): string {
  return normalizeName(place).replace(REGENCY_PREFIX, '');
}

export function placesMatch(a: string, b: string): boolean {
  return normalizePlace(a) === normalizePlace(b);
}
