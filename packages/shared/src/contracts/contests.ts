import { z } from 'zod';
import { isoDate, isoInstant } from './common.ts';

/**
 * Contesting a rejection once (keberatan, issue 16): the applicant's reason and a new document, then the
 * decision of an adjudicator of the office other than the officer who rejected.
 */
export const contestInputSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(10)
      .max(2000)
      .describe(
        'Why the rejection is wrong; the new document (PUT …/contest/evidence) must be uploaded first',
      ),
  })
  .strict()
  .meta({ id: 'ContestInput' });
export type ContestInput = z.infer<typeof contestInputSchema>;

export const contestDecisionInputSchema = z
  .object({
    decision: z
      .enum(['UPHOLD', 'OVERTURN'])
      .describe(
        'UPHOLD keeps the rejection (final); OVERTURN reopens the application at the step it was rejected',
      ),
    reason: z.string().trim().min(3).max(2000),
  })
  .strict()
  .meta({ id: 'ContestDecisionInput' });
export type ContestDecisionInput = z.infer<typeof contestDecisionInputSchema>;

export const contestStateSchema = z
  .object({
    canFile: z
      .boolean()
      .describe('True while the application is rejected, not contested, and within the window'),
    fileBy: isoDate
      .nullable()
      .describe('Last day to contest: 21 working days after the rejection (UU 30/2014 Art. 77)'),
    evidence: z
      .object({ contentType: z.string(), size: z.number().int(), uploadedAt: isoInstant })
      .nullable()
      .describe('The new document, kind CONTEST_EVIDENCE'),
    contest: z
      .object({
        status: z.enum(['PENDING', 'UPHELD', 'OVERTURNED']),
        reason: z.string(),
        filedAt: isoInstant,
        rejectedFrom: z.enum(['CHECKED_IN', 'VERIFIED', 'INTERVIEWED']),
        decideBy: isoDate.describe('10 working days after filing (UU 30/2014 Art. 77(4))'),
        decision: z
          .object({ reason: z.string(), decidedBy: z.string(), at: isoInstant })
          .nullable()
          .describe('decidedBy is the officer’s name, shown to the office only; the applicant sees "Kantor"'),
      })
      .nullable(),
  })
  .meta({ id: 'ContestState' });
export type ContestState = z.infer<typeof contestStateSchema>;
