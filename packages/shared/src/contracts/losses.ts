import { z } from 'zod';
import { isoDate, isoInstant } from './common.ts';

/**
 * A lost or damaged passport's examination at the office (issue 16): the BAP an officer records, the
 * head of office's decision, and the fine billed after it (API.md "Officer console").
 */
export const lossReportInputSchema = z
  .object({
    circumstances: z.string().trim().min(10).max(4000).describe('What happened, as the holder states it'),
    occurredOn: isoDate.optional(),
    place: z.string().trim().min(1).max(200).optional(),
    policeReportNumber: z.string().trim().min(1).max(100).optional().describe('Surat Keterangan Hilang'),
    forceMajeureClaimed: z.boolean().default(false).describe('A disaster or other force majeure is claimed'),
  })
  .strict();
export type LossReportInput = z.infer<typeof lossReportInputSchema>;

export const lossDecisionInputSchema = z
  .object({
    decision: z.enum(['ISSUE', 'DEFER', 'REFUSE']),
    reason: z.string().trim().min(3).max(2000),
    forceMajeureConfirmed: z
      .boolean()
      .optional()
      .describe('ISSUE: the officer confirms force majeure from the authority’s letter, so no fine'),
    deferredUntil: isoDate.optional().describe('DEFER (a repeated loss only): at most 2 years ahead'),
  })
  .strict();
export type LossDecisionInput = z.infer<typeof lossDecisionInputSchema>;

export const lossReportSchema = z
  .object({
    kind: z.enum(['LOST', 'DAMAGED']),
    circumstances: z.string(),
    occurredOn: isoDate.nullable(),
    place: z.string().nullable(),
    policeReportNumber: z.string().nullable(),
    forceMajeureClaimed: z.boolean(),
    recordedBy: z.string(),
    recordedAt: isoInstant,
    decision: z.enum(['ISSUE', 'DEFER', 'REFUSE']).nullable(),
    decisionReason: z.string().nullable(),
    forceMajeureConfirmed: z.boolean().nullable(),
    deferredUntil: isoDate.nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: isoInstant.nullable(),
    fine: z
      .object({
        code: z.string().describe('15-digit billing code of the biaya beban'),
        amount: z.number().int(),
        expiresAt: isoInstant,
        paidAt: isoInstant.nullable(),
        ntpn: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'LossReport' });
export type LossReportView = z.infer<typeof lossReportSchema>;
