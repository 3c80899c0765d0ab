import { composeNik, type Sex } from '#shared/nik.ts';
import type { MaritalStatus } from '../identity/index.ts';
import * as names from './names.ts';
import { seededRandom, type Random } from './random.ts';

/**
 * Synthetic residents of the simulated civil registry (Dukcapil). Deterministic: the same seed and
 * count give the same people everywhere, so demos, docs and tests can name them. NIKs are valid by
 * construction: a real district code, date of birth (+40 on the day for women), serial from 0001.
 */
export type { MaritalStatus };

export interface PreviousPassport {
  readonly number: string;
  readonly kind: 'NON_ELECTRONIC' | 'ELECTRONIC';
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly issuingOfficeCode: string;
}

export interface Resident {
  readonly nik: string;
  readonly fullName: string;
  readonly dateOfBirth: string;
  readonly placeOfBirth: string;
  readonly sex: Sex;
  readonly maritalStatus: MaritalStatus;
  readonly districtCode: string;
  readonly previousPassport: PreviousPassport | null;
  /** A child of mixed parents holding two citizenships until 18 + 3 years (UU 12/2006 Art. 6). */
  readonly dualCitizenship: boolean;
}

export interface ResidentGeography {
  readonly districts: readonly { code: string; regencyCode: string }[];
  readonly regencies: readonly { code: string; name: string }[];
  readonly officeCodes: readonly string[];
}

export const RESIDENT_SEED = 20_220_127; // M-Paspor launch day, 27 Jan 2022
/** Ages are counted from a fixed day so the set never changes with the calendar. */
export const RESIDENTS_AS_OF = '2026-01-01';

export function generateResidents(
  count: number,
  geography: ResidentGeography,
  seed = RESIDENT_SEED,
): Resident[] {
  const random = seededRandom(seed);
  const regencyNames = new Map(geography.regencies.map((r) => [r.code, placeName(r.name)]));
  const usedNiks = new Set<string>();
  const residents: Resident[] = [];
  for (let i = 0; i < count; i++) {
    const sex: Sex = random.chance(0.5) ? 'F' : 'M';
    const age = pickAge(random);
    const dateOfBirth = birthDate(random, age);
    const district = random.pick(geography.districts);
    const birthRegency = random.chance(0.7) ? district.regencyCode : random.pick(geography.regencies).code;
    const maritalStatus = pickMaritalStatus(random, age, i);
    residents.push({
      nik: uniqueNik(usedNiks, district.code, dateOfBirth, sex),
      fullName: pickName(random, sex),
      dateOfBirth,
      placeOfBirth: regencyNames.get(birthRegency) ?? 'Jakarta',
      sex,
      maritalStatus,
      districtCode: district.code,
      previousPassport:
        age >= 18 && random.chance(0.35) ? previousPassport(random, i, geography.officeCodes) : null,
      // Derived, not drawn, so the rest of every resident stays as it was before the flag existed.
      dualCitizenship: age < 17 && i % 10 === 7,
    });
  }
  return residents;
}

function pickAge(random: Random): number {
  const bucket = random.next();
  if (bucket < 0.05) return random.int(0, 4);
  if (bucket < 0.2) return random.int(5, 16);
  if (bucket < 0.4) return random.int(17, 25);
  if (bucket < 0.9) return random.int(26, 60);
  return random.int(61, 85);
}

function birthDate(random: Random, age: number): string {
  const asOf = new Date(`${RESIDENTS_AS_OF}T00:00:00Z`);
  const year = asOf.getUTCFullYear() - age - 1;
  const dayOfYear = random.int(0, 364);
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

/** A few married 16-year-olds exist on purpose: marriage makes a minor an adult for passports. */
function pickMaritalStatus(random: Random, age: number, index: number): MaritalStatus {
  if (age < 17) return age >= 15 && index % 4 === 0 ? 'KAWIN' : 'BELUM_KAWIN';
  const marriedShare = age < 23 ? 0.2 : age < 31 ? 0.55 : 0.8;
  if (!random.chance(marriedShare)) return 'BELUM_KAWIN';
  if (age > 35 && random.chance(0.1)) return random.chance(0.5) ? 'CERAI_HIDUP' : 'CERAI_MATI';
  return 'KAWIN';
}

function uniqueNik(used: Set<string>, districtCode: string, dateOfBirth: string, sex: Sex): string {
  for (let serial = 1; serial <= 9999; serial++) {
    const nik = composeNik({ districtCode, dateOfBirth, sex, serial });
    if (!used.has(nik)) {
      used.add(nik);
      return nik;
    }
  }
  throw new Error('NIK serials exhausted for one district and birth date');
}

function pickName(random: Random, sex: Sex): string {
  const female = sex === 'F';
  const roll = random.next();
  if (roll < 0.1) return random.pick(female ? names.femaleMononyms : names.maleMononyms);
  if (roll < 0.16) {
    const prefix = female ? 'Ni' : 'I';
    return `${prefix} ${random.pick(names.balineseBirthOrder)} ${random.pick(names.balineseNames)}`;
  }
  if (roll < 0.2 && !female)
    return `M. ${random.pick(names.maleGivenNames)} ${random.pick(names.familyNames)}`;
  if (roll < 0.22) return `${random.pick(names.apostropheNames)} ${random.pick(names.familyNames)}`;
  if (roll < 0.23) return random.pick(names.longNames);
  const given = random.pick(female ? names.femaleGivenNames : names.maleGivenNames);
  if (roll < 0.5) return `${given} ${random.pick(female ? names.femaleSecondNames : names.maleSecondNames)}`;
  if (roll < 0.6 && !female) return `Muhammad ${given} ${random.pick(names.familyNames)}`;
  return `${given} ${random.pick(names.familyNames)}`;
}

/** "Kabupaten Bandung" -> "Bandung", "Kota Administrasi Jakarta Selatan" -> "Jakarta Selatan". */
export function placeName(regencyName: string): string {
  return regencyName.replace(/^(Kabupaten|Kota)( Administrasi)? /, '');
}

function previousPassport(random: Random, index: number, officeCodes: readonly string[]): PreviousPassport {
  const electronic = random.chance(0.4);
  const issueYear = 2013 + random.int(0, 12);
  const validityYears = issueYear >= 2023 && random.chance(0.5) ? 10 : 5;
  const issueDate = `${issueYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
  const expiry = new Date(`${issueDate}T00:00:00Z`);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + validityYears);
  expiry.setUTCDate(expiry.getUTCDate() - 1);
  return {
    // Unique by construction: the resident's index is part of the number.
    number: `${electronic ? 'E' : 'C'}${String(1_000_000 + index * 7919).slice(-7)}`,
    kind: electronic ? 'ELECTRONIC' : 'NON_ELECTRONIC',
    issueDate,
    expiryDate: expiry.toISOString().slice(0, 10),
    issuingOfficeCode: random.pick(officeCodes),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The simulated registry's family cards (KK): residents in the order generated, four to a card, the
 * card numbered after its first member's district. Derived, not drawn, so the residents themselves
 * stay the same for every seed as before.
 */
export const HOUSEHOLD_SIZE = 4;

export function familyCardNumber(residents: readonly Resident[], index: number): string {
  const household = Math.floor(index / HOUSEHOLD_SIZE);
  const head = residents[household * HOUSEHOLD_SIZE]!;
  return `${head.districtCode}${String(household + 1).padStart(10, '0')}`;
}

/** The phone number (E.164) the simulated registry verified for a resident: a fixed function of the NIK. */
export function verifiedPhone(resident: Pick<Resident, 'nik'>): string {
  return `+62812${resident.nik.slice(8, 16)}`;
}
