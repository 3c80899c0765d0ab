import { z } from 'zod';
import { applicationCreateSchema } from './applications.ts';
import { isoDate, isoInstant } from './common.ts';

/**
 * The office counter (issue 16): an officer files an application for the person in front of them
 * into a walk-in lane with its own daily quota (DOMAIN.md "Legal frame").
 */
export const walkInLaneCodes = ['PRIORITY', 'LOST_DAMAGED', 'APP_OUTAGE'] as const;
export type WalkInLaneCode = (typeof walkInLaneCodes)[number];

/** Layanan Ramah HAM: the groups served without the app. */
export const priorityGroups = ['ELDERLY', 'CHILD_UNDER_5', 'PREGNANT', 'DISABILITY'] as const;
export type PriorityGroup = (typeof priorityGroups)[number];

export const walkInCreateSchema = z
  .object({
    lane: z
      .enum(walkInLaneCodes)
      .describe(
        'PRIORITY (Ramah HAM groups), LOST_DAMAGED (lost or damaged passport), APP_OUTAGE (the app is down)',
      ),
    priorityGroup: z.enum(priorityGroups).optional().describe('Required in the PRIORITY lane'),
    reason: z.string().trim().min(3).max(500).describe('The officer’s reason, kept in the audit trail'),
    contact: z
      .object({
        email: z
          .email()
          .max(254)
          .describe('Where the billing code and status go (the person’s or a relative’s)'),
        phone: z.string().trim().min(8).max(20),
        language: z.enum(['id', 'en']).default('id'),
      })
      .strict(),
    application: applicationCreateSchema,
  })
  .strict()
  .meta({ id: 'WalkInCreate' });
export type WalkInCreate = z.infer<typeof walkInCreateSchema>;

export const walkInSlipSchema = z
  .object({
    applicationId: z.uuid(),
    number: z.string(),
    lane: z.enum(walkInLaneCodes),
    officeName: z.string(),
    date: isoDate,
    timeZone: z.string().describe('The office’s IANA time zone, for the pay-by time on the slip'),
    holder: z.object({ fullName: z.string(), nik: z.string().describe('Masked: first 6 and last 4 digits') }),
    billing: z
      .object({
        code: z.string().describe('15-digit PNBP billing code, to pay within 2 hours'),
        amount: z.number().int(),
        expiresAt: isoInstant,
      })
      .nullable()
      .describe('Null when there is nothing to pay (a Rp0 tariff): the application is PAID at once'),
  })
  .meta({ id: 'WalkInSlip' });
export type WalkInSlip = z.infer<typeof walkInSlipSchema>;

export const walkInQuotaSchema = z
  .array(
    z.object({
      lane: z.enum(walkInLaneCodes),
      daily: z.number().int(),
      used: z.number().int(),
      left: z.number().int(),
    }),
  )
  .meta({ id: 'WalkInQuotas' });

export const walkInQuotaUpdateSchema = z
  .object({ daily: z.number().int().min(0).max(10_000) })
  .strict()
  .meta({ id: 'WalkInQuotaUpdate' });
