import type { ReplacementReason } from '#shared/document-requirements.ts';
import { DomainError } from '../../platform/errors.ts';

/**
 * A lost or damaged passport as the law has it (issue 16), as pure rules with their source:
 * - Permenkumham 8/2014 as amended (Art. on loss and damage): the holder is examined and an
 *   examination report (Berita Acara Pemeriksaan, BAP) is made; the head of office decides to issue a
 *   replacement, to defer it — at most 2 years, for a passport lost again — or to refuse it.
 * - PP 45/2024: the biaya beban (Rp1.000.000 lost, Rp500.000 damaged) is charged unless the loss or
 *   damage was force majeure (keadaan kahar), which the officer confirms from the authority's letter
 *   (DOMAIN.md "Documents"). It is billed after the decision to issue, never up front in the app.
 */
export const MAX_DEFERRAL_YEARS = 2;

export type LossKind = 'LOST' | 'DAMAGED';

export function lossKindOf(reason: string | null): LossKind | null {
  if (reason === 'LOST' || reason === 'LOST_FORCE_MAJEURE') return 'LOST';
  if (reason === 'DAMAGED' || reason === 'DAMAGED_FORCE_MAJEURE') return 'DAMAGED';
  return null;
}

/** The fine due after a decision to issue: none for force majeure, claimed in the form or confirmed. */
export function fineDue(reason: ReplacementReason | null, forceMajeureConfirmed: boolean): LossKind | null {
  if (forceMajeureConfirmed) return null;
  if (reason === 'LOST') return 'LOST';
  if (reason === 'DAMAGED') return 'DAMAGED';
  return null;
}

/** The last day a deferral may run to: 2 years after the decision, the same calendar day. */
export function latestDeferral(today: string): string {
  const [y, m, d] = today.split('-') as [string, string, string];
  const day = m === '02' && d === '29' ? '28' : d;
  return `${Number(y) + MAX_DEFERRAL_YEARS}-${m}-${day}`;
}

/** A deferral is for a repeated loss only, and runs from tomorrow to at most 2 years. */
export function checkDeferral(
  deferredUntil: string | undefined,
  today: string,
  earlierLosses: number,
): string {
  if (earlierLosses === 0) {
    throw new DomainError({
      code: 'LOSS_DEFERRAL_NOT_ALLOWED',
      detail: {
        id: 'Penangguhan hanya untuk paspor yang hilang lebih dari sekali. Registri tidak mencatat kehilangan sebelumnya atas NIK ini.',
        en: 'Deferral is only for a passport lost more than once. The registry records no earlier loss for this NIK.',
      },
    });
  }
  if (!deferredUntil || deferredUntil <= today || deferredUntil > latestDeferral(today)) {
    throw new DomainError({
      code: 'VALIDATION',
      errors: [
        {
          path: 'deferredUntil',
          message: {
            id: `Isi tanggal setelah hari ini, paling lambat ${latestDeferral(today)} (${MAX_DEFERRAL_YEARS} tahun).`,
            en: `Enter a date after today, at most ${latestDeferral(today)} (${MAX_DEFERRAL_YEARS} years).`,
          },
        },
      ],
    });
  }
  return deferredUntil;
}
