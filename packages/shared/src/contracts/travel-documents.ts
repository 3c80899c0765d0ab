import { z } from 'zod';
import { isoDate } from './common.ts';

/** Contracts of the passport registry (API.md "Applicant": `GET /api/v1/travel-documents`). */

/** The passport's kind: printed booklet, booklet with a chip, or the polycarbonate data page (also with a chip). */
export const passportKinds = ['NON_ELECTRONIC', 'ELECTRONIC', 'POLYCARBONATE'] as const;
export type PassportKind = (typeof passportKinds)[number];

/**
 * Statuses as read by clients. EXPIRED is never stored: a VALID passport past its expiry date (a calendar
 * day in Asia/Jakarta) reads EXPIRED, so no nightly job has to flip it.
 */
export const travelDocumentStatuses = [
  'VALID',
  'EXPIRED',
  'LOST',
  'DAMAGED',
  'CANCELLED',
  'REPLACED',
] as const;
export type TravelDocumentStatus = (typeof travelDocumentStatuses)[number];

export const storedTravelDocumentStatuses = ['VALID', 'LOST', 'DAMAGED', 'CANCELLED', 'REPLACED'] as const;
export type StoredTravelDocumentStatus = (typeof storedTravelDocumentStatuses)[number];

/** Indonesian passport numbers: a letter and 7 digits is common (A1234567, C…); DOMAIN.md accepts this wider form. */
export const PASSPORT_NUMBER_PATTERN = /^[A-Z]{1,2}\d{6,8}$/;

export const travelDocumentSchema = z
  .object({
    number: z.string().describe('Passport number, e.g. C1234567'),
    type: z.enum(passportKinds),
    issueDate: isoDate,
    expiryDate: isoDate.describe('Last day of validity'),
    status: z
      .enum(travelDocumentStatuses)
      .describe('EXPIRED is derived: VALID and past the expiry date (WIB)'),
    issuingOffice: z.string().describe('Name of the issuing immigration office'),
    issuingOfficeCode: z.string(),
  })
  .meta({ id: 'TravelDocument' });

export const travelDocumentListSchema = z.array(travelDocumentSchema).describe('Newest issue first');

export type TravelDocumentView = z.infer<typeof travelDocumentSchema>;
