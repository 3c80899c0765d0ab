import type { Localized } from '#shared/i18n.ts';
import {
  nikIssueMessages,
  nikWarningMessages,
  parseNik,
  type NikWarning,
  type ParsedNik,
  type RegionDirectory,
  type Sex,
} from '#shared/nik.ts';
import type { FieldProblem } from '../../platform/errors.ts';

/**
 * The checks we can make on a NIK without asking Dukcapil (DOMAIN.md "NIK (16 digits)"): its shape, and
 * whether digits 7–12 agree with the date of birth and sex given. DOMAIN.md names that disagreement
 * as the usual cause of "Identitas Tidak Valid", so it is caught here, before Dukcapil is asked, with a
 * message that says what the NIK says instead of a bare refusal.
 */
export interface NikCheckBiodata {
  /** YYYY-MM-DD */
  readonly dateOfBirth: string;
  readonly sex: Sex;
}

export interface NikCheckOptions {
  /** YYYY-MM-DD in Asia/Jakarta: a birth date after it is impossible. */
  readonly today: string;
  readonly regions?: RegionDirectory | undefined;
}

export interface NikCheckWarning {
  readonly code: NikWarning;
  readonly message: Localized;
}

export type NikCheckResult =
  | { readonly ok: true; readonly nik: ParsedNik; readonly warnings: readonly NikCheckWarning[] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export function checkNikStructure(
  input: string,
  biodata: NikCheckBiodata,
  options: NikCheckOptions,
): NikCheckResult {
  const parsed = parseNik(input, options);
  if (!parsed.ok) return { ok: false, problems: [{ path: 'nik', message: nikIssueMessages[parsed.issue] }] };

  const nik = withCenturyOf(parsed.value, biodata.dateOfBirth, options.today);
  const problems = [...dateProblems(nik, biodata), ...sexProblems(nik, biodata)];
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    nik,
    warnings: parsed.warnings.map((code) => ({ code, message: nikWarningMessages[code] })),
  };
}

/**
 * A NIK holds a two-digit year, so parseNik guesses the century. When day, month and year digits agree
 * with a (past) date given, that date decides the century: someone born in 1925 is not a baby.
 */
function withCenturyOf(nik: ParsedNik, dateOfBirth: string, today: string): ParsedNik {
  const sameDigits = dateOfBirth.length === 10 && dateOfBirth.slice(2) === nik.dateOfBirth.slice(2);
  return sameDigits && dateOfBirth <= today ? { ...nik, dateOfBirth } : nik;
}

function dateProblems(nik: ParsedNik, biodata: NikCheckBiodata): FieldProblem[] {
  if (nik.dateOfBirth === biodata.dateOfBirth) return [];
  const date = dayMonthYear(nik.dateOfBirth);
  return [
    {
      path: 'nik',
      message: {
        id: `NIK Anda menunjukkan tanggal lahir ${date} (angka ke-7 sampai ke-12), berbeda dengan tanggal lahir yang diisi. Periksa kembali NIK sesuai KTP-el atau Kartu Keluarga.`,
        en: `Your NIK indicates the date of birth ${date} (digits 7–12), which differs from the date of birth entered. Check the NIK against your KTP-el or family card (Kartu Keluarga).`,
      },
    },
    {
      path: 'dateOfBirth',
      message: {
        id: `Tanggal lahir tidak sesuai dengan NIK, yang menunjukkan ${date}. Isi tanggal lahir sesuai KTP-el; jika tanggal di KTP-el memang berbeda dari NIK, hubungi Disdukcapil setempat.`,
        en: `The date of birth does not match the NIK, which indicates ${date}. Enter the date on your KTP-el; if your KTP-el really differs from the NIK, contact your local Disdukcapil office.`,
      },
    },
  ];
}

const sexNames = {
  F: { id: 'perempuan', en: 'female' },
  M: { id: 'laki-laki', en: 'male' },
} as const satisfies Record<Sex, Localized>;

function sexProblems(nik: ParsedNik, biodata: NikCheckBiodata): FieldProblem[] {
  if (nik.sex === biodata.sex) return [];
  const sex = sexNames[nik.sex];
  return [
    {
      path: 'nik',
      message: {
        id: `NIK Anda menunjukkan jenis kelamin ${sex.id} (pada NIK perempuan, tanggal lahir ditambah 40). Periksa kembali NIK sesuai KTP-el.`,
        en: `Your NIK indicates the sex ${sex.en} (for women the day of birth in the NIK is increased by 40). Check the NIK against your KTP-el.`,
      },
    },
    {
      path: 'sex',
      message: {
        id: `Jenis kelamin tidak sesuai dengan NIK, yang menunjukkan ${sex.id}. Pilih jenis kelamin sesuai KTP-el.`,
        en: `The sex does not match the NIK, which indicates ${sex.en}. Choose the sex shown on your KTP-el.`,
      },
    },
  ];
}

/** DD-MM-YYYY, the order Indonesians write dates in (and KTP-el prints). */
function dayMonthYear(isoDate: string): string {
  return isoDate.split('-').reverse().join('-');
}
