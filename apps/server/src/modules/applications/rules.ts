import type { ApplicationCreate } from '#shared/contracts/applications.ts';
import {
  requiredDocuments,
  type DocumentKind,
  type ReplacementReason,
} from '#shared/document-requirements.ts';
import { isAdult } from '#shared/eligibility.ts';
import { DomainError, type FieldProblem } from '../../platform/errors.ts';
import type { RegisteredPassport } from './deps.ts';

/**
 * The choices of a new application checked against DOMAIN.md "What an applicant chooses": pure, so
 * each rule is tested on its own. Throws the DomainError the applicant should see.
 */
export interface CheckedChoices {
  readonly adult: boolean;
  readonly fine: 'LOST' | 'DAMAGED' | null;
  readonly requiredDocuments: DocumentKind[];
}

const fines: Partial<Record<ReplacementReason, 'LOST' | 'DAMAGED'>> = { LOST: 'LOST', DAMAGED: 'DAMAGED' };

/** What the civil registry (Dukcapil) says of the applicant: it decides, not the form's ticked box. */
export interface RegistryFacts {
  readonly married: boolean;
  readonly dualCitizenship: boolean;
}

/** What the form alone can tell, before anyone is asked: refused with VALIDATION. */
export function checkForm(input: ApplicationCreate, today: string): void {
  const problems: FieldProblem[] = [];
  if (input.applicant.dateOfBirth > today) {
    problems.push({
      path: 'applicant.dateOfBirth',
      message: { id: 'Tanggal lahir belum lewat.', en: 'The date of birth is in the future.' },
    });
  }
  if (input.type === 'REPLACEMENT' && !input.replacementReason) {
    problems.push({
      path: 'replacementReason',
      message: { id: 'Pilih alasan penggantian paspor.', en: 'Choose why the passport is being replaced.' },
    });
  }
  if (input.type === 'NEW' && (input.replacementReason || input.previousPassportNumber)) {
    problems.push({
      path: input.replacementReason ? 'replacementReason' : 'previousPassportNumber',
      message: { id: 'Hanya untuk permohonan penggantian.', en: 'Only for a replacement application.' },
    });
  }
  if (problems.length > 0) throw new DomainError({ code: 'VALIDATION', errors: problems });
}

export function checkChoices(
  input: ApplicationCreate,
  today: string,
  registry: RegistryFacts,
): CheckedChoices {
  checkForm(input, today);

  // A minor is a minor unless Dukcapil says married, whatever the form says (issue 16).
  const adult = isAdult({ dateOfBirth: input.applicant.dateOfBirth, married: registry.married }, today);
  if (input.product.endsWith('_10Y') && !adult) {
    throw new DomainError({
      code: 'PRODUCT_NOT_ALLOWED',
      detail: {
        id: 'Paspor masa berlaku 10 tahun hanya untuk pemohon berusia 17 tahun ke atas atau sudah menikah. Anak mendapat paspor 5 tahun.',
        en: 'A 10-year passport is only for applicants aged 17 or over, or married. Children get a 5-year passport.',
      },
      errors: [
        {
          path: 'product',
          message: { id: 'Pilih masa berlaku 5 tahun.', en: 'Choose the 5-year validity.' },
        },
      ],
    });
  }
  const reason = input.type === 'REPLACEMENT' ? input.replacementReason : undefined;
  return {
    adult,
    fine: reason ? (fines[reason] ?? null) : null,
    requiredDocuments: requiredDocuments({
      adult,
      type: input.type,
      replacementReason: reason,
      naturalised: input.circumstances.naturalised,
      nameChanged: input.circumstances.nameChanged,
      parents: input.circumstances.parents,
      dualCitizenship: registry.dualCitizenship,
      migrantWorker: input.travelPurpose === 'MIGRANT_WORKER',
    }),
  };
}

/** "Baru" when the registry knows a passport of this NIK is the real app's costliest mistake. */
export function refuseNewWhenPassportKnown(passports: readonly RegisteredPassport[]): void {
  const known = passports.find((p) => p.status !== 'CANCELLED');
  if (!known) return;
  throw new DomainError({
    code: 'PREVIOUS_PASSPORT_EXISTS',
    detail: {
      id: `Data kami mencatat paspor ${known.number} (berlaku sampai ${known.expiryDate}) atas NIK ini. Pilih "Penggantian" dengan alasan yang sesuai; permohonan "Baru" yang keliru membuat biaya hangus.`,
      en: `Our records show passport ${known.number} (valid until ${known.expiryDate}) for this NIK. Choose "Replacement" with the right reason; a wrong "New" application forfeits the fee.`,
    },
    errors: [{ path: 'type', message: { id: 'Pilih Penggantian.', en: 'Choose Replacement.' } }],
  });
}

/** The previous passport must be in the registry and belong to this NIK. */
export function previousPassportFor(
  nik: string,
  number: string | undefined,
  found: RegisteredPassport | null,
): RegisteredPassport {
  const path = 'previousPassportNumber';
  if (!number) {
    throw new DomainError({
      code: 'PREVIOUS_PASSPORT_REQUIRED',
      detail: {
        id: 'Isi nomor paspor lama Anda (tertera di halaman data paspor, misalnya C1234567).',
        en: 'Enter your previous passport number (on its data page, for example C1234567).',
      },
      errors: [
        { path, message: { id: 'Wajib diisi untuk penggantian.', en: 'Required for a replacement.' } },
      ],
    });
  }
  if (!found || found.holderNik !== nik) {
    throw new DomainError({
      code: 'PREVIOUS_PASSPORT_NOT_FOUND',
      detail: {
        id: 'Nomor paspor ini tidak tercatat atas NIK pemohon. Periksa kembali nomornya di halaman data paspor.',
        en: 'This passport number is not recorded for the applicant’s NIK. Check the number on the passport’s data page.',
      },
      errors: [{ path, message: { id: 'Tidak ditemukan.', en: 'Not found.' } }],
    });
  }
  if (found.status === 'REPLACED' || found.status === 'CANCELLED') {
    throw new DomainError({
      code: 'PREVIOUS_PASSPORT_NOT_FOUND',
      detail: {
        id: 'Paspor ini sudah diganti atau dibatalkan. Gunakan nomor paspor Anda yang terbaru.',
        en: 'This passport has been replaced or cancelled. Use the number of your latest passport.',
      },
      errors: [{ path, message: { id: 'Bukan paspor terbaru.', en: 'Not the latest passport.' } }],
    });
  }
  return found;
}

/** The passport fee is Rp0 for a first-time migrant worker (billing/fee-schedule.ts tariffWaivers). */
export function waiverFor(input: Pick<ApplicationCreate, 'type' | 'travelPurpose'>) {
  return input.type === 'NEW' && input.travelPurpose === 'MIGRANT_WORKER'
    ? ('FIRST_MIGRANT_WORKER' as const)
    : null;
}
