import type { StoredTravelDocumentStatus, TravelDocumentStatus } from '#shared/contracts/travel-documents.ts';
import { jakartaDate } from '#shared/eligibility.ts';

/**
 * The status a reader sees on `today` (YYYY-MM-DD, a calendar day in Asia/Jakarta). The expiry date is
 * the last day the passport may be used, so it turns EXPIRED the day after. Only VALID can expire:
 * a lost, damaged, cancelled or replaced passport keeps saying why it ended.
 */
export function statusOn(
  stored: StoredTravelDocumentStatus,
  expiryDate: string,
  today: string,
): TravelDocumentStatus {
  return stored === 'VALID' && today > expiryDate ? 'EXPIRED' : stored;
}

/** As `statusOn`, for an instant: the day changes at midnight WIB (UTC+7), not at midnight UTC. */
export function statusAt(
  stored: StoredTravelDocumentStatus,
  expiryDate: string,
  now: Date,
): TravelDocumentStatus {
  return statusOn(stored, expiryDate, jakartaDate(now));
}
