import { z } from 'zod';
import { officerRoles } from '../roles.ts';
import { isoDate, isoInstant } from './common.ts';
import { paymentPartners } from './payments.ts';

/** Office administration and headquarters answers of the officer console (`/api/v1/officer/…`). */

/** One day of `POST …/schedule/preview`: the sessions the schedule would create, none saved. */
export const schedulePreviewDaySchema = z
  .object({
    date: isoDate,
    sessions: z.array(
      z.object({
        start: z.string().describe('HH:mm, office time'),
        end: z.string(),
        service: z.string().describe('The pool: REGULAR, EXPRESS or PRIORITY'),
        capacity: z.number().int(),
        releasedAt: isoInstant,
      }),
    ),
  })
  .meta({ id: 'SchedulePreviewDay' });
export type SchedulePreviewDay = z.infer<typeof schedulePreviewDaySchema>;

/** A payment that could not be applied (late, other amount, paid twice) and waits for an officer. */
export const paymentNeedingAttentionSchema = z
  .object({
    paymentId: z.string(),
    billingCode: z.string(),
    amount: z.number().int(),
    channel: z.string(),
    paidAt: isoInstant,
    ntpn: z.string(),
    ntb: z.string(),
    source: z.string().describe('How it reached M-Paspor: the webhook, reconciliation or a claim'),
    outcome: z
      .string()
      .describe('Why it was not applied: LATE, AMOUNT_MISMATCH, ALREADY_PAID, BILLING_NOT_FOUND'),
    receivedAt: isoInstant,
    applicationId: z.uuid().nullable(),
    officeCode: z.string().nullable(),
  })
  .meta({ id: 'PaymentNeedingAttention' });

export const paymentResolutionInputSchema = z
  .object({ resolution: z.enum(['REFUND', 'SETTLED']), note: z.string().trim().min(1).max(1000) })
  .strict();

export const paymentResolutionSchema = z.object({
  paymentId: z.string(),
  resolution: z.enum(['REFUND', 'SETTLED']),
});

/** An officer account as headquarters sees it; no secrets. */
export const officerAccountSchema = z
  .object({
    username: z.string(),
    fullName: z.string(),
    officeCode: z.string().nullable().describe('null for headquarters'),
    roles: z.array(z.string()).describe(`Of ${officerRoles.join(', ')}`),
    active: z.boolean(),
    totpEnrolled: z.boolean(),
  })
  .meta({ id: 'OfficerAccount' });

export const officerCreateSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,60}$/i),
    fullName: z.string().trim().min(1).max(200),
    password: z.string().min(12).max(1024),
    officeCode: z.string().max(40).nullable(),
    roles: z.array(z.enum(officerRoles)).min(1),
  })
  .strict();

/** The TOTP secret is shown this once, for the new officer's authenticator app. */
export const officerCreatedSchema = z.object({
  username: z.string(),
  totpSecret: z.string(),
  totpUri: z.string().describe('otpauth:// URI, for a QR code'),
});

/** Who can be declared down (issue 15): SIMPONI or one payment channel. */
export const paymentPartnerSchema = z.enum(paymentPartners).describe('SIMPONI or a payment channel');

export const partnerOutageSchema = z
  .object({
    id: z.uuid(),
    partner: z.string(),
    startedAt: isoInstant,
    endedAt: isoInstant.nullable(),
    declaredBy: z.string().describe('AUTOMATIC (after failed calls) or the officer’s username'),
    reason: z.string(),
    endedBy: z.string().nullable(),
  })
  .meta({ id: 'PartnerOutage' });

/** `GET /officer/partner-health`: each partner up or down, and whether payment is frozen. */
export const partnerHealthSchema = z
  .object({
    partners: z.array(
      z.object({
        partner: paymentPartnerSchema,
        down: z.boolean(),
        since: isoInstant.nullable(),
        declaredBy: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
    paymentsFrozenSince: isoInstant
      .nullable()
      .describe(
        'Since when nobody can pay (SIMPONI or every channel down): no billing expires meanwhile, and ' +
          'when it ends every pending deadline inside it moves by its length',
      ),
    recent: z.array(partnerOutageSchema).describe('The last 20 outages, newest first'),
  })
  .meta({ id: 'PartnerHealth' });
export type PartnerHealthView = z.infer<typeof partnerHealthSchema>;

export const partnerOutageInputSchema = z
  .object({ reason: z.string().trim().min(3).max(500) })
  .strict()
  .meta({ id: 'PartnerDeclaration' });

export const partnerChangeSchema = z
  .object({
    health: partnerHealthSchema,
    extended: z.number().int().describe('Pending deadlines moved because a payment freeze ended now'),
  })
  .meta({ id: 'PartnerChange' });
