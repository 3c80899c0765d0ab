import { z } from 'zod';
import { isoDate, isoInstant } from './common.ts';

/**
 * The waitlist of an application (issue 15): a complete DRAFT waits for a seat that frees at its office
 * (or any office within `radiusKm` of it) between two dates. A freed seat is held for the next entry as
 * an offer; accepting it is the submit (billing code, 2 hours to pay).
 */
export const waitlistJoinSchema = z
  .object({
    officeCode: z
      .string()
      .regex(/^[A-Z0-9_]{2,20}$/)
      .describe('The office to wait at'),
    radiusKm: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(0)
      .describe('Also any office within this distance of it (km); 0 = that office only'),
    from: isoDate.describe('First day acceptable (office-local)'),
    to: isoDate.describe('Last day acceptable; at most 62 days after `from`'),
  })
  .strict();
export type WaitlistJoin = z.infer<typeof waitlistJoinSchema>;

export const waitlistOfferSchema = z
  .object({
    id: z.uuid(),
    officeCode: z.string(),
    officeName: z.string(),
    sessionId: z.uuid(),
    date: isoDate,
    start: z.string().describe('HH:mm in the office’s own time zone'),
    end: z.string(),
    timeZone: z.string(),
    timeZoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
    service: z.enum(['REGULAR', 'EXPRESS', 'PRIORITY']),
    expiresAt: isoInstant.describe('The seat is held for you until then; after it, it goes to the next'),
  })
  .meta({ id: 'WaitlistOffer' });

export const waitlistEntryStatuses = ['WAITING', 'OFFERED', 'BOOKED', 'DECLINED', 'LAPSED', 'LEFT'] as const;

export const waitlistSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(waitlistEntryStatuses),
    officeCode: z.string(),
    officeCodes: z.array(z.string()).describe('Every office the entry waits at'),
    radiusKm: z.number().int(),
    from: isoDate,
    to: isoDate,
    joinedAt: isoInstant,
    position: z
      .number()
      .int()
      .nullable()
      .describe('While WAITING: 1 = next for a matching seat at these offices'),
    behind: z.boolean().describe('A no-show in the past 6 months places the entry behind the others'),
    offer: waitlistOfferSchema.nullable(),
  })
  .meta({ id: 'Waitlist' });
export type WaitlistView = z.infer<typeof waitlistSchema>;
