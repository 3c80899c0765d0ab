import { z } from 'zod';

/** Dates a passport service meets: births since 1900, deadlines and schedules until 2100 (issue 18). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/** `YYYY-MM-DD` that is a real calendar date, between 1900 and 2100. */
export const isoDate = z.iso
  .date({ message: 'date.format' })
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, { message: 'date.range' });
/** An instant in ISO-8601 UTC, e.g. `2026-11-25T03:00:00.000Z`. */
export const isoInstant = z.iso.datetime();
export const sexSchema = z.enum(['M', 'F']).describe('M = laki-laki (male), F = perempuan (female)');
