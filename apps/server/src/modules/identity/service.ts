import type { Localized } from '#shared/i18n.ts';
import type { ParsedNik, RegionDirectory } from '#shared/nik.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import {
  DukcapilUnavailableError,
  type BiodataField,
  type DukcapilPort,
  type ResidentBiodata,
  type ResidentRecord,
} from './dukcapil.port.ts';
import { checkNikStructure, type NikCheckWarning } from './nik-check.ts';

export interface IdentityServiceDeps {
  readonly dukcapil: DukcapilPort;
  readonly clock: Clock;
  /** Known region codes; without it only the shape of the NIK is checked, not its province. */
  readonly regions?: RegionDirectory | undefined;
  /** Told to clients when Dukcapil is down; about the circuit breaker's cool-down. */
  readonly retryAfterSeconds?: number;
}

export interface VerifiedIdentity {
  readonly nik: ParsedNik;
  /** Not reasons to refuse (e.g. a region code retired by a split), but worth showing. */
  readonly warnings: readonly NikCheckWarning[];
}

export interface IdentityService {
  /**
   * Checks the NIK against the biodata: first what the NIK itself says, then Dukcapil. Throws
   * DomainError NIK_INVALID, NIK_NOT_FOUND, NIK_DATA_MISMATCH or DUKCAPIL_UNAVAILABLE.
   */
  verifyIdentity(nik: string, biodata: ResidentBiodata): Promise<VerifiedIdentity>;
  /** The registry's family card, marital status and verified contact; null for an unknown NIK. */
  residentRecord(nik: string): Promise<ResidentRecord | null>;
}

const DEFAULT_RETRY_AFTER_SECONDS = 30;
/** Asia/Jakarta (WIB) is UTC+7 all year: Indonesia keeps no daylight saving time. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

export function createIdentityService(deps: IdentityServiceDeps): IdentityService {
  const retryAfter = String(deps.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
  return {
    async verifyIdentity(nik, biodata) {
      const today = new Date(deps.clock.now().getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
      const checked = checkNikStructure(nik, biodata, { today, regions: deps.regions });
      if (!checked.ok) throw new DomainError({ code: 'NIK_INVALID', errors: checked.problems });

      const verdict = await askDukcapil(
        () => deps.dukcapil.verifyResident(checked.nik.nik, biodata),
        retryAfter,
      );
      if (verdict.result === 'not_found') throw notFound();
      if (verdict.result === 'mismatch') throw mismatch(verdict.fields);
      return { nik: checked.nik, warnings: checked.warnings };
    },
    residentRecord: (nik) => askDukcapil(() => deps.dukcapil.residentRecord(nik), retryAfter),
  };
}

async function askDukcapil<T>(ask: () => Promise<T>, retryAfter: string): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof DukcapilUnavailableError)) throw error;
    throw new DomainError({
      code: 'DUKCAPIL_UNAVAILABLE',
      detail: {
        id: 'NIK belum dapat diperiksa karena layanan data kependudukan (Dukcapil) sedang tidak dapat dihubungi. Silakan coba lagi dalam beberapa menit.',
        en: 'Your NIK cannot be checked right now because the civil registry (Dukcapil) cannot be reached. Please try again in a few minutes.',
      },
      headers: { 'Retry-After': retryAfter },
      cause: error,
    });
  }
}

function notFound(): DomainError {
  return new DomainError({
    code: 'NIK_NOT_FOUND',
    errors: [
      {
        path: 'nik',
        message: {
          id: 'NIK ini tidak terdaftar di data kependudukan (Dukcapil). Periksa kembali ke-16 angka NIK sesuai KTP-el atau Kartu Keluarga; jika sudah benar, hubungi Disdukcapil setempat.',
          en: 'This NIK is not in the civil registry (Dukcapil). Check all 16 digits against your KTP-el or family card (Kartu Keluarga); if they are right, contact your local Disdukcapil office.',
        },
      },
    ],
  });
}

const fieldNames = {
  fullName: { id: 'Nama lengkap', en: 'The full name' },
  dateOfBirth: { id: 'Tanggal lahir', en: 'The date of birth' },
  placeOfBirth: { id: 'Tempat lahir', en: 'The place of birth' },
  sex: { id: 'Jenis kelamin', en: 'The sex' },
} as const satisfies Record<BiodataField, Localized>;

/**
 * One message per differing field, saying which and what to do: "Identitas Tidak Valid" alone
 * (DOMAIN.md) leaves applicants guessing which of four fields to change.
 */
function mismatch(fields: readonly BiodataField[]): DomainError {
  const errors: FieldProblem[] = fields.map((field) => ({
    path: field,
    message: {
      id: `${fieldNames[field].id} tidak sesuai dengan data kependudukan (Dukcapil). Periksa kembali isian Anda sesuai KTP-el; jika data di Dukcapil yang keliru, ajukan perbaikan data ke Disdukcapil setempat.`,
      en: `${fieldNames[field].en} differs from the civil registry (Dukcapil). Check what you entered against your KTP-el; if the registry is wrong, have it corrected at your local Disdukcapil office.`,
    },
  }));
  return new DomainError({
    code: 'NIK_DATA_MISMATCH',
    detail: {
      id: 'Data diri yang Anda isi berbeda dengan data kependudukan (Dukcapil) pada kolom yang ditandai.',
      en: 'Some of your personal data differs from the civil registry (Dukcapil); see the marked fields.',
    },
    errors,
  });
}
