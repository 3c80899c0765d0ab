import { z } from 'zod';
import { isoDate } from './common.ts';
import type { PassportKind } from './travel-documents.ts';

/**
 * Contracts of the fee schedule (PNBP; API.md `GET /api/v1/fees`, DOMAIN.md "Fees"). The amounts
 * themselves live on the server (`modules/billing/fee-schedule.ts`) with their legal basis and dates.
 */

/** What an applicant can order: a kind of passport and its validity (10 years only for adults). */
export const passportProducts = [
  { code: 'NON_ELECTRONIC_5Y', kind: 'NON_ELECTRONIC', validityYears: 5 },
  { code: 'NON_ELECTRONIC_10Y', kind: 'NON_ELECTRONIC', validityYears: 10 },
  { code: 'ELECTRONIC_5Y', kind: 'ELECTRONIC', validityYears: 5 },
  { code: 'ELECTRONIC_10Y', kind: 'ELECTRONIC', validityYears: 10 },
  { code: 'POLYCARBONATE_5Y', kind: 'POLYCARBONATE', validityYears: 5 },
  { code: 'POLYCARBONATE_10Y', kind: 'POLYCARBONATE', validityYears: 10 },
] as const satisfies readonly { code: string; kind: PassportKind; validityYears: 5 | 10 }[];

export type PassportProduct = (typeof passportProducts)[number];
export type PassportProductCode = PassportProduct['code'];

/** Charges on top of the passport: percepatan (same day) and biaya beban for a lost or damaged passport. */
export const surchargeCodes = ['EXPRESS', 'FINE_LOST', 'FINE_DAMAGED'] as const;

export type FeeCode = PassportProductCode | (typeof surchargeCodes)[number];
export const feeCodes: readonly FeeCode[] = [...passportProducts.map((p) => p.code), ...surchargeCodes];

export function isPassportProductCode(value: unknown): value is PassportProductCode {
  return passportProducts.some((p) => p.code === value);
}

export const feeSchema = z
  .object({
    code: z.enum(feeCodes),
    amount: z.number().int().describe('Integer rupiah (IDR)'),
    label: z.string().describe('In the request language'),
    legalBasis: z.string().describe('The regulation setting the amount, e.g. PP 45/2024'),
    validFrom: isoDate.describe('First day this amount applies'),
  })
  .meta({ id: 'Fee' });

export const feeListSchema = z.array(feeSchema).describe('The schedule in force today (WIB)');

export type FeeView = z.infer<typeof feeSchema>;
