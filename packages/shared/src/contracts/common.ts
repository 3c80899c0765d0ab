import { z } from 'zod';

/** `YYYY-MM-DD` that is a real calendar date. */
export const isoDate = z.iso.date({ message: 'date.format' });
/** An instant in ISO-8601 UTC, e.g. `2026-11-25T03:00:00.000Z`. */
export const isoInstant = z.iso.datetime();
export const sexSchema = z.enum(['M', 'F']).describe('M = laki-laki (male), F = perempuan (female)');
