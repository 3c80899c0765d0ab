import type { Localized } from './i18n.ts';

/** Statuses of a passport application (API.md "Statuses of an application"). */
export const applicationStatuses = [
  'DRAFT',
  'AWAITING_PAYMENT',
  'PAID',
  'CHECKED_IN',
  'VERIFIED',
  'INTERVIEWED',
  'APPROVED',
  'READY',
  'COLLECTED',
  'EXPIRED',
  'CANCELLED',
  'REJECTED',
  'NO_SHOW',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Labels from DOMAIN.md "Process and statuses"; the first three and EXPIRED match the real app. */
export const statusLabels = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  AWAITING_PAYMENT: { id: 'Menunggu Pembayaran', en: 'Awaiting payment' },
  PAID: { id: 'Sudah Terbayar', en: 'Paid' },
  CHECKED_IN: { id: 'Hadir di Kantor', en: 'Checked in' },
  VERIFIED: { id: 'Berkas Terverifikasi', en: 'Documents verified' },
  INTERVIEWED: { id: 'Foto & Wawancara Selesai', en: 'Photo and interview done' },
  APPROVED: { id: 'Disetujui', en: 'Approved' },
  READY: { id: 'Paspor Siap Diambil', en: 'Ready for pick-up' },
  COLLECTED: { id: 'Paspor Diserahkan', en: 'Collected' },
  EXPIRED: { id: 'Kedaluwarsa', en: 'Expired' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
  REJECTED: { id: 'Ditolak', en: 'Rejected' },
  NO_SHOW: { id: 'Tidak Hadir', en: 'No-show' },
} as const satisfies Record<ApplicationStatus, Localized>;

/**
 * The one table of allowed transitions, read by the server (inside the transaction that changes the
 * status) and by the web app (to decide which actions to offer). A status with no successors is final.
 * - Cancel is allowed while the application still waits for the office visit (DRAFT, AWAITING_PAYMENT, PAID).
 * - READY -> CANCELLED: a passport not collected within 30 days is cancelled (DOMAIN.md "Pick-up").
 * - REJECTED -> the step it was rejected at: only when an adjudicator overturns the applicant's one
 *   objection (keberatan, issue 16). Until then a rejection is closed (isClosedStatus).
 */
export const statusTransitions = {
  DRAFT: ['AWAITING_PAYMENT', 'CANCELLED'],
  AWAITING_PAYMENT: ['PAID', 'EXPIRED', 'CANCELLED'],
  PAID: ['CHECKED_IN', 'CANCELLED', 'NO_SHOW'],
  CHECKED_IN: ['VERIFIED', 'REJECTED'],
  VERIFIED: ['INTERVIEWED', 'REJECTED'],
  INTERVIEWED: ['APPROVED', 'REJECTED'],
  APPROVED: ['READY'],
  READY: ['COLLECTED', 'CANCELLED'],
  COLLECTED: [],
  EXPIRED: [],
  CANCELLED: [],
  REJECTED: ['CHECKED_IN', 'VERIFIED', 'INTERVIEWED'],
  NO_SHOW: [],
} as const satisfies Record<ApplicationStatus, readonly ApplicationStatus[]>;

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return (statusTransitions[from] as readonly ApplicationStatus[]).includes(to);
}

export function isFinalStatus(status: ApplicationStatus): boolean {
  return statusTransitions[status].length === 0;
}

/**
 * Closed: final, or rejected — a rejection is reopened only by an overturned objection, so it neither
 * holds the NIK nor counts among an account's active applications meanwhile.
 */
export function isClosedStatus(status: ApplicationStatus): boolean {
  return isFinalStatus(status) || status === 'REJECTED';
}
