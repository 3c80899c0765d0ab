import { z } from 'zod';
import { isoDate, isoInstant } from './common.ts';

/** Contracts of `GET /api/v1/offices/{code}/sessions` (API.md). */
export const sessionQuerySchema = z
  .object({
    from: isoDate.optional().describe('First day (office-local); default today'),
    to: isoDate.optional().describe('Last day; default 30 days after `from`, at most 62'),
    service: z.enum(['REGULAR', 'EXPRESS', 'PRIORITY']).default('REGULAR'),
    product: z
      .string()
      .regex(/^[A-Z_0-9]+$/)
      .optional()
      .describe('Passport product: answers 422 PRODUCT_NOT_OFFERED if this office cannot issue it'),
  })
  .strict();

export const sessionSchema = z
  .object({
    id: z.uuid(),
    date: isoDate,
    start: z.string().describe('HH:mm in the office’s own time zone'),
    end: z.string(),
    service: z.enum(['REGULAR', 'EXPRESS', 'PRIORITY']),
    capacity: z.number().int(),
    available: z.number().int(),
    startsAt: isoInstant,
    timeZone: z.string(),
  })
  .meta({ id: 'Session' });
