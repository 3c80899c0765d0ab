import type { Localized } from './i18n.ts';

/**
 * NIK (Nomor Induk Kependudukan), 16 digits (DOMAIN.md "NIK"; Dukcapil):
 *   PP KK CC DDMMYY SSSS
 *   province, regency/city (kabupaten 01–69, kota 71–99), district (kecamatan) of first registration,
 *   date of birth with DD + 40 for women, serial from 0001.
 */
export type Sex = 'M' | 'F';

export interface ParsedNik {
  readonly nik: string;
  readonly provinceCode: string;
  readonly regencyCode: string;
  readonly districtCode: string;
  /** YYYY-MM-DD; the century is the latest one that does not put the birth in the future. */
  readonly dateOfBirth: string;
  readonly sex: Sex;
  readonly serial: string;
}

/** Which region codes exist (Kepmendagri); supplied by the caller so this stays pure. */
export interface RegionDirectory {
  hasProvince(code: string): boolean;
  hasRegency(code: string): boolean;
  hasDistrict(code: string): boolean;
}

export type NikIssue = 'LENGTH' | 'NOT_DIGITS' | 'UNKNOWN_PROVINCE' | 'INVALID_DATE' | 'SERIAL_ZERO';
/** Codes retired by region splits (e.g. Papua 2022) stay on old NIKs, so these only warn. */
export type NikWarning = 'UNKNOWN_REGENCY' | 'UNKNOWN_DISTRICT';

export type NikParseResult =
  | { readonly ok: true; readonly value: ParsedNik; readonly warnings: readonly NikWarning[] }
  | { readonly ok: false; readonly issue: NikIssue };

export const nikIssueMessages = {
  LENGTH: { id: 'NIK harus terdiri dari 16 angka.', en: 'A NIK has exactly 16 digits.' },
  NOT_DIGITS: { id: 'NIK hanya berisi angka.', en: 'A NIK contains digits only.' },
  UNKNOWN_PROVINCE: {
    id: 'Dua angka pertama NIK bukan kode provinsi yang dikenal.',
    en: 'The first two digits of the NIK are not a known province code.',
  },
  INVALID_DATE: {
    id: 'Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin (untuk perempuan, tanggal ditambah 40).',
    en: 'Digits 7–12 of the NIK are not a possible date of birth (for women the day is increased by 40).',
  },
  SERIAL_ZERO: {
    id: 'Empat angka terakhir NIK tidak boleh 0000.',
    en: 'The last four digits of a NIK cannot be 0000.',
  },
} as const satisfies Record<NikIssue, Localized>;

export const nikWarningMessages = {
  UNKNOWN_REGENCY: {
    id: 'Kode kabupaten/kota pada NIK tidak ada di daftar wilayah terbaru (mungkin kode lama).',
    en: 'The regency code of the NIK is not in the current region list (it may be an old code).',
  },
  UNKNOWN_DISTRICT: {
    id: 'Kode kecamatan pada NIK tidak ada di daftar wilayah terbaru (mungkin kode lama).',
    en: 'The district code of the NIK is not in the current region list (it may be an old code).',
  },
} as const satisfies Record<NikWarning, Localized>;

const WOMAN_DAY_OFFSET = 40;

export function parseNik(
  input: string,
  options: { today: string; regions?: RegionDirectory },
): NikParseResult {
  const nik = input.trim();
  if (!/^\d*$/.test(nik)) return { ok: false, issue: 'NOT_DIGITS' };
  if (nik.length !== 16) return { ok: false, issue: 'LENGTH' };

  const provinceCode = nik.slice(0, 2);
  const regencyCode = nik.slice(0, 4);
  const districtCode = nik.slice(0, 6);
  const { regions } = options;
  if (regions && !regions.hasProvince(provinceCode)) return { ok: false, issue: 'UNKNOWN_PROVINCE' };

  const encodedDay = Number(nik.slice(6, 8));
  const sex: Sex = encodedDay > WOMAN_DAY_OFFSET ? 'F' : 'M';
  const day = sex === 'F' ? encodedDay - WOMAN_DAY_OFFSET : encodedDay;
  const month = Number(nik.slice(8, 10));
  const dateOfBirth = inferBirthDate(day, month, Number(nik.slice(10, 12)), options.today);
  if (!dateOfBirth) return { ok: false, issue: 'INVALID_DATE' };

  const serial = nik.slice(12);
  if (serial === '0000') return { ok: false, issue: 'SERIAL_ZERO' };

  const warnings: NikWarning[] = [];
  if (regions && !regions.hasRegency(regencyCode)) warnings.push('UNKNOWN_REGENCY');
  if (regions && !regions.hasDistrict(districtCode)) warnings.push('UNKNOWN_DISTRICT');
  return {
    ok: true,
    value: { nik, provinceCode, regencyCode, districtCode, dateOfBirth, sex, serial },
    warnings,
  };
}

/** The inverse of `parseNik`, for the civil-registry simulator and tests. */
export function composeNik(parts: {
  districtCode: string;
  dateOfBirth: string;
  sex: Sex;
  serial: number;
}): string {
  const [year, month, day] = parts.dateOfBirth.split('-');
  if (!/^\d{6}$/.test(parts.districtCode) || !year || !month || !day) {
    throw new RangeError('composeNik needs a 6-digit district code and a YYYY-MM-DD date');
  }
  if (!Number.isInteger(parts.serial) || parts.serial < 1 || parts.serial > 9999) {
    throw new RangeError('NIK serial must be 1–9999');
  }
  const encodedDay = Number(day) + (parts.sex === 'F' ? WOMAN_DAY_OFFSET : 0);
  return (
    parts.districtCode +
    String(encodedDay).padStart(2, '0') +
    month +
    year.slice(2) +
    String(parts.serial).padStart(4, '0')
  );
}

function inferBirthDate(day: number, month: number, twoDigitYear: number, today: string): string | null {
  for (const century of [2000, 1900]) {
    const date = isoDate(century + twoDigitYear, month, day);
    if (date && date <= today) return date;
  }
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
