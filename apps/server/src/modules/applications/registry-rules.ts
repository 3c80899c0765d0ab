import type { ReplacementReason } from '#shared/document-requirements.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RegisteredPassport } from './deps.ts';

/**
 * Replacement reasons checked against the passport registry (issue 16), as data with their source so
 * the next regulation is a data change.
 *
 * "Expired or expiring": DOMAIN.md "What an applicant chooses" — replacement for a passport whose
 * validity has ended or has less than 6 months left (Permenkumham 8/2014 as amended by 18/2022; the
 * immigration offices' published checklists). Six months is also what most destinations require on
 * entry, which is why offices replace at that point and not earlier.
 */
export const EXPIRING_WITHIN_MONTHS = 6;

/** The last day a passport counts as "expiring" when checked on `today`: today + 6 months. */
export function expiringCutoff(today: string, months = EXPIRING_WITHIN_MONTHS): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const month = m - 1 + months;
  const year = y + Math.floor(month / 12);
  const lastDay = new Date(Date.UTC(year, (month % 12) + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month % 12, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Refuses EXPIRED for a passport the registry shows valid beyond the cut-off. */
export function checkReplacementReason(
  reason: ReplacementReason | undefined,
  previous: RegisteredPassport | null,
  today: string,
): void {
  if (reason !== 'EXPIRED' || !previous) return;
  if (previous.expiryDate <= expiringCutoff(today)) return;
  throw new DomainError({
    code: 'REPLACEMENT_REASON_INVALID',
    detail: {
      id: `Paspor ${previous.number} masih berlaku sampai ${previous.expiryDate}. Alasan "habis masa berlaku" hanya untuk paspor yang sudah habis atau tinggal kurang dari ${EXPIRING_WITHIN_MONTHS} bulan. Pilih alasan lain bila halamannya penuh, hilang, atau rusak.`,
      en: `Passport ${previous.number} is valid until ${previous.expiryDate}. "Expired" is only for a passport that has expired or has less than ${EXPIRING_WITHIN_MONTHS} months left. Choose another reason if its pages are full, or it was lost or damaged.`,
    },
    errors: [
      {
        path: 'replacementReason',
        message: {
          id: `Berlaku lebih dari ${EXPIRING_WITHIN_MONTHS} bulan lagi.`,
          en: `Valid for more than ${EXPIRING_WITHIN_MONTHS} more months.`,
        },
      },
    ],
  });
}

/** The registry status an old passport takes the moment a lost/damaged replacement is submitted. */
export function blockedStatusFor(reason: ReplacementReason | null): 'LOST' | 'DAMAGED' | null {
  if (reason === 'LOST' || reason === 'LOST_FORCE_MAJEURE') return 'LOST';
  if (reason === 'DAMAGED' || reason === 'DAMAGED_FORCE_MAJEURE') return 'DAMAGED';
  return null;
}
