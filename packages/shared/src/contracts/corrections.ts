import { z } from 'zod';

/** Office-side corrections (issue 16): the office's special reschedule. */
export const specialRescheduleSchema = z
  .object({
    sessionId: z.uuid().describe('A session of the same office'),
    reason: z
      .enum(['SYSTEM_FAULT', 'OFFICER_ERROR', 'FORCE_MAJEURE'])
      .describe('Why the office moves it: beyond the applicant’s one reschedule'),
    note: z.string().trim().min(3).max(1000),
  })
  .strict();
export type SpecialRescheduleInput = z.infer<typeof specialRescheduleSchema>;
