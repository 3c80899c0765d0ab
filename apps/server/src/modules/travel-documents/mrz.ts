import { isAdult } from '#shared/eligibility.ts';

/**
 * The machine-readable zone of an Indonesian passport data page: ICAO Doc 9303 part 3 (common rules:
 * characters, transliteration, check digits, names) and part 4 (the TD3 passport layout). Pure: the
 * issuing service and the officer console both use it, the console to verify a printed page.
 */

const LINE = 44;
const NAME_FIELD = 39;
const DOCUMENT_NUMBER = 9;
const PERSONAL_NUMBER = 14;

/** Part 3 §4.9: digits are worth themselves, A–Z 10–35, the filler 0; weights 7, 3, 1 repeating. */
export function mrzCheckDigit(field: string): string {
  let sum = 0;
  for (const [i, char] of [...field].entries()) {
    sum += characterValue(char) * ([7, 3, 1] as const)[i % 3]!;
  }
  return String(sum % 10);
}

function characterValue(char: string): number {
  if (char === '<') return 0;
  if (/^[0-9]$/.test(char)) return Number(char);
  if (/^[A-Z]$/.test(char)) return char.charCodeAt(0) - 55;
  throw new RangeError(`"${char}" is not an MRZ character (A–Z, 0–9, <)`);
}

/**
 * Part 3 §6 recommended transliterations for letters that must not simply lose their accent (Ä is AE,
 * not A). ß needs no entry: upper-casing already gives SS. Ñ may be written NXX; we keep plain N.
 */
const ICAO_LETTERS: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Ö: 'OE',
  Ü: 'UE',
  Å: 'AA',
  Æ: 'AE',
  Ø: 'OE',
  Œ: 'OE',
  ẞ: 'SS',
  Ñ: 'N',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ł: 'L',
  Ħ: 'H',
};

/** An apostrophe joins a word (O'BRIEN → OBRIEN, NUR'AINI → NURAINI); the separators below split it. */
const APOSTROPHES = /['`´ʼʻ‘’]/g;
const SEPARATORS = /[\s\-‐‑–—,.]+/g;

export function transliterateName(name: string): string {
  const upper = [...name.normalize('NFC').toUpperCase()].map((char) => ICAO_LETTERS[char] ?? char).join('');
  return upper
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, '<')
    .replace(/[^A-Z<]/g, '')
    .replace(/<+/g, '<')
    .replace(/^<|<$/g, '');
}

/**
 * Which part of an Indonesian name is the primary identifier. Indonesians often have no family name,
 * so this is a convention, not a fact about the person: a mononym (SUKARNO) is the primary identifier
 * alone, with no secondary identifier, as part 3 §4.6 prescribes for a single name; with several words
 * the last is taken as the primary identifier and the rest as given names. Real practice varies (some
 * offices put the first word first), so an officer may override the split on the record.
 */
export function splitIndonesianName(fullName: string): { surname: string; givenNames: string } {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const surname = words.pop();
  if (!surname) throw new RangeError('A name is needed to write a machine-readable zone');
  return { surname, givenNames: words.join(' ') };
}

/**
 * The 39-character name field: PRIMARY<<SECONDARY<NAMES padded with fillers. When it does not fit
 * (part 3 §4.6, truncation), characters are dropped from the end of the name:
 * - the surname stays whole if it leaves room for `<<` and at least one letter of the given names, and
 *   the given names are cut to whatever is left;
 * - otherwise the surname is cut to 36 characters and followed by `<<` and the first given-name letter;
 * - a mononym longer than the field is simply cut.
 * A cut never leaves a filler at the end of the name (a half-kept separator says nothing), so a
 * truncated name ends in a letter and only padding follows it. When the field is then full, its last
 * character is a letter — the sign ICAO gives readers that the name may be truncated. When the cut
 * falls exactly on a word boundary the field ends in one padding filler and the truncation is not
 * visible in the MRZ; the full name stays on the visual zone and in the chip.
 */
export function mrzNameField(surname: string, givenNames: string): string {
  const primary = transliterateName(surname);
  const secondary = transliterateName(givenNames);
  if (!primary) throw new RangeError(`The surname "${surname}" has no letter an MRZ can carry`);
  const full = secondary ? `${primary}<<${secondary}` : primary;
  if (full.length <= NAME_FIELD) return full.padEnd(NAME_FIELD, '<');
  return truncateName(primary, secondary).padEnd(NAME_FIELD, '<');
}

function truncateName(primary: string, secondary: string): string {
  if (!secondary) return cutName(primary, NAME_FIELD);
  if (primary.length + 3 <= NAME_FIELD) return cutName(`${primary}<<${secondary}`, NAME_FIELD);
  return `${cutName(primary, NAME_FIELD - 3)}<<${secondary[0]}`;
}

function cutName(name: string, length: number): string {
  return name.slice(0, length).replace(/<+$/, '');
}

export interface Td3Input {
  documentCode?: 'P';
  issuingState: string;
  surname: string;
  givenNames: string;
  passportNumber: string;
  nationality: string;
  dateOfBirth: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  personalNumber: string;
}

/** Part 4 §4.2: the two 44-character lines of a passport's machine-readable zone. */
export function td3Mrz(input: Td3Input): [string, string] {
  const line1 = `${input.documentCode ?? 'P'}<${stateCode(input.issuingState)}${mrzNameField(input.surname, input.givenNames)}`;
  const number = codeField(input.passportNumber, DOCUMENT_NUMBER, /^[A-Z0-9]+$/, 'passport number');
  const birth = mrzDate(input.dateOfBirth);
  const expiry = mrzDate(input.expiryDate);
  const personal = codeField(input.personalNumber, PERSONAL_NUMBER, /^[A-Z0-9<]*$/, 'personal number');
  const withChecks =
    `${number}${mrzCheckDigit(number)}${stateCode(input.nationality)}` +
    `${birth}${mrzCheckDigit(birth)}${input.sex === 'X' ? '<' : input.sex}` +
    `${expiry}${mrzCheckDigit(expiry)}${personal}${personalCheckDigit(personal)}`;
  return [line1, `${withChecks}${compositeCheckDigit(withChecks)}`];
}

/** Part 4: an unused personal number (all fillers) may carry `<` as its check digit; we write `<`. */
function personalCheckDigit(personal: string): string {
  return /^<+$/.test(personal) ? '<' : mrzCheckDigit(personal);
}

/** Part 4: over positions 1–10, 14–20 and 22–43 of line 2 (number, birth date, expiry, optional data). */
function compositeCheckDigit(line2: string): string {
  return mrzCheckDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
}

/** ISO 3166-1 alpha-3 or an ICAO code such as D<< (Germany): three letters or fillers. */
function stateCode(code: string): string {
  return codeField(code, 3, /^[A-Z<]+$/, 'state code');
}

function codeField(value: string, length: number, pattern: RegExp, label: string): string {
  const upper = value.toUpperCase();
  if (upper.length > length || !pattern.test(upper)) {
    throw new RangeError(`The ${label} "${value}" does not fit ${length} MRZ characters`);
  }
  return upper.padEnd(length, '<');
}

/** YYYY-MM-DD → YYMMDD; the MRZ has no century. */
function mrzDate(iso: string): string {
  parseIsoDate(iso);
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

function parseIsoDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  // A round trip refuses 2025-02-30, which Date would otherwise roll over into March.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime()) || isoDay(date) !== iso) {
    throw new RangeError(`"${iso}" is not a YYYY-MM-DD date`);
  }
  return date;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export interface Td3Fields {
  documentCode: string;
  issuingState: string;
  /** Fillers inside a name read back as spaces: "AL<HABSYI" → "AL HABSYI". */
  surname: string;
  givenNames: string;
  passportNumber: string;
  nationality: string;
  /** YYMMDD as printed: the century is not in the MRZ. */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  personalNumber: string;
  checks: Record<'passportNumber' | 'dateOfBirth' | 'expiryDate' | 'personalNumber' | 'composite', boolean>;
  /** Every check digit verifies. */
  valid: boolean;
}

const TD3_LINE = /^[A-Z0-9<]{44}$/;

/**
 * Reads two TD3 lines back. Throws a RangeError when they are not shaped like a passport MRZ at all
 * (length, characters, document code, sex); a well-shaped zone with a wrong check digit reads with
 * `valid: false`, and `checks` says which one failed.
 */
export function parseTd3(lines: [string, string]): Td3Fields {
  const [line1, line2] = lines;
  if (!TD3_LINE.test(line1) || !TD3_LINE.test(line2) || line1[0] !== 'P' || !/^[MF<]$/.test(line2[20]!)) {
    throw new RangeError(`Not a passport MRZ: two lines of ${LINE} characters A–Z, 0–9 and < are expected`);
  }
  const [surname, givenNames] = readName(line1.slice(5));
  const personal = line2.slice(28, 42);
  const checks = {
    passportNumber: line2[9] === mrzCheckDigit(line2.slice(0, 9)),
    dateOfBirth: line2[19] === mrzCheckDigit(line2.slice(13, 19)),
    expiryDate: line2[27] === mrzCheckDigit(line2.slice(21, 27)),
    personalNumber: /^<+$/.test(personal)
      ? ['<', '0'].includes(line2[42]!)
      : line2[42] === mrzCheckDigit(personal),
    composite: line2[43] === compositeCheckDigit(line2),
  };
  return {
    documentCode: withoutFillers(line1.slice(0, 2)),
    issuingState: withoutFillers(line1.slice(2, 5)),
    surname,
    givenNames,
    passportNumber: withoutFillers(line2.slice(0, 9)),
    nationality: withoutFillers(line2.slice(10, 13)),
    dateOfBirth: line2.slice(13, 19),
    sex: line2[20] === '<' ? 'X' : (line2[20] as 'M' | 'F'),
    expiryDate: line2.slice(21, 27),
    personalNumber: withoutFillers(personal),
    checks,
    valid: Object.values(checks).every(Boolean),
  };
}

function readName(field: string): [string, string] {
  const [primary = '', ...secondary] = field.replace(/<+$/, '').split('<<');
  return [primary.replaceAll('<', ' '), secondary.join(' ').replaceAll('<', ' ').trim()];
}

const withoutFillers = (value: string): string => value.replace(/<+$/, '');

/**
 * The NIK (16 digits) does not fit the 14-character personal number. We keep digits 3–16 (regency,
 * district, birth date, serial) and drop digits 1–2, the province, which is also the start of the
 * holder's region code on their record. Dropping the province rather than the serial keeps the
 * personal number nearly unique: two holders share it only if everything but their province matches,
 * and the border never needs more than a lead back to the record, which also holds the name and birth
 * date. The NIK is personal data (UU 27/2022): printing most of it on the page is a policy choice to
 * revisit with the directorate, not a technical necessity.
 */
export function nikToPersonalNumber(nik: string): string {
  if (!/^\d{16}$/.test(nik)) throw new RangeError('A NIK has 16 digits');
  return nik.slice(2);
}

/**
 * Expiry of a passport issued on `issueDate`: the same calendar date N years later (a 29 February
 * issue expires on 28 February), valid through that day. Ten years only for adults — 17 or older on
 * the issue date, or married (Permenkumham 18/2022); the caller refuses a 10-year passport for a
 * minor before it gets here, so asking for one is a programming error.
 */
export function passportExpiryDate(input: {
  issueDate: string;
  dateOfBirth: string;
  validityYears: 5 | 10;
  married: boolean;
  dualCitizenship?: boolean;
}): string {
  if (input.validityYears === 10 && !isAdult(input, input.issueDate)) {
    throw new Error('A minor (under 17 and unmarried) is issued a 5-year passport, never a 10-year one');
  }
  const expiry = addYears(input.issueDate, input.validityYears);
  if (!input.dualCitizenship) return expiry;
  const lastDay = dualCitizenshipLastDay(input.dateOfBirth);
  return lastDay < expiry ? lastDay : expiry;
}

/**
 * A dual-citizenship child chooses one citizenship by 18, with 3 more years to declare it (UU 12/2006
 * Art. 6(1), 6(3)); DOMAIN.md: their passport is not valid past age 21, so it ends the day before the
 * 21st birthday.
 */
export const DUAL_CITIZENSHIP_CHOICE_AGE = 21;

export function dualCitizenshipLastDay(dateOfBirth: string): string {
  const birthday = parseIsoDate(addYears(dateOfBirth, DUAL_CITIZENSHIP_CHOICE_AGE));
  return isoDay(new Date(birthday.getTime() - 86_400_000));
}

function addYears(iso: string, years: number): string {
  const issued = parseIsoDate(iso);
  const year = issued.getUTCFullYear() + years;
  const month = issued.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(year, month, Math.min(issued.getUTCDate(), lastDayOfMonth))));
}

/** The number M-Paspor issues: a series letter and a 7-digit sequence, e.g. A0001234 (DOMAIN.md). */
export function formatPassportNumber(series: string, sequence: number): string {
  if (!/^[A-Z]$/.test(series)) throw new RangeError(`The series "${series}" is not one letter A–Z`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) {
    throw new RangeError(`The sequence ${sequence} is outside 1..9,999,999`);
  }
  return series + String(sequence).padStart(7, '0');
}

/**
 * Numbers people type for passports already issued (older series included). Only up to 9 characters fit
 * the TD3 document-number field; the numbers M-Paspor issues have 8.
 */
export function isPassportNumber(s: string): boolean {
  return /^[A-Z]{1,2}\d{6,8}$/.test(s);
}
