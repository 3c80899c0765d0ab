import { z } from 'zod';
import { officeReleasesSchema } from './releases.ts';

/**
 * What the officer console shows of an office's quota releases (issue 14 item 4): the public record
 * and, for a queue running now, its live figures.
 */

export const officerReleasesQuerySchema = z
  .object({
    office: z
      .string()
      .regex(/^[A-Z0-9_]{2,40}$/)
      .optional()
      .describe('Office code; headquarters names one, an office’s officers may only name their own'),
  })
  .strict();

export const liveQueueSchema = z
  .object({
    releaseId: z.uuid(),
    releaseAt: z.iso.datetime(),
    drawn: z.boolean().describe('The order is drawn (the release instant has passed)'),
    tickets: z.number().int(),
    waiting: z.number().int().describe('Not admitted yet'),
    admitted: z.number().int(),
    outstanding: z.number().int().describe('Admitted, admission still valid, no seat taken yet'),
    booked: z.number().int(),
    seatsLeft: z.number().int().describe('Free seats of the release, all pools'),
    nextPosition: z.number().int().nullable().describe('The next place to be admitted'),
    admittedLastMinute: z.number().int(),
  })
  .meta({ id: 'LiveReleaseQueue' });
export type LiveQueue = z.infer<typeof liveQueueSchema>;

export const officerReleasesSchema = officeReleasesSchema
  .extend({
    officeCode: z.string(),
    now: z.iso.datetime().describe('The server’s clock, for countdowns'),
    live: z.array(liveQueueSchema).describe('Queues of the office running now, oldest release first'),
  })
  .meta({ id: 'OfficerReleases' });
export type OfficerReleases = z.infer<typeof officerReleasesSchema>;
