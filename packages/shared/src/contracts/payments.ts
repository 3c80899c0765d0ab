import { z } from 'zod';
import { applicationStatuses } from '../statuses.ts';
import { isoInstant } from './common.ts';

/** Where people pay a PNBP billing code (DOMAIN.md "Payment"; API.md `/sim/simponi/pay`). */
export const paymentChannels = [
  'TOKOPEDIA',
  'BUKALAPAK',
  'BANK_TELLER',
  'ATM',
  'MOBILE_BANKING',
  'POS_INDONESIA',
  'INDOMARET',
  'ALFAMART',
] as const;
export type PaymentChannel = (typeof paymentChannels)[number];

/** Who can be declared down in a payment outage (issue 15): SIMPONI or one channel. */
export const paymentPartners = ['SIMPONI', ...paymentChannels] as const;
export type PaymentPartner = (typeof paymentPartners)[number];

export const paymentChannelLabels = {
  TOKOPEDIA: { id: 'Tokopedia', en: 'Tokopedia' },
  BUKALAPAK: { id: 'Bukalapak', en: 'Bukalapak' },
  BANK_TELLER: { id: 'Teller bank', en: 'Bank teller' },
  ATM: { id: 'ATM', en: 'ATM' },
  MOBILE_BANKING: { id: 'Mobile banking', en: 'Mobile banking' },
  POS_INDONESIA: { id: 'Kantor Pos', en: 'Post office (Pos Indonesia)' },
  INDOMARET: { id: 'Indomaret', en: 'Indomaret' },
  ALFAMART: { id: 'Alfamart', en: 'Alfamart' },
} as const satisfies Record<PaymentChannel, { id: string; en: string }>;

/** The body of `POST /api/v1/webhooks/simponi`, signed by SIMPONI. */
export const paymentNotificationSchema = z
  .object({
    paymentId: z.string().min(1).max(100),
    billingCode: z.string().regex(/^\d{15}$/),
    amount: z.number().int().positive(),
    channel: z.string().min(1).max(40),
    paidAt: isoInstant,
    ntpn: z.string().regex(/^[A-Z0-9]{16}$/),
    ntb: z.string().min(1).max(40),
  })
  .meta({ id: 'PaymentNotification' });

export type PaymentNotification = z.infer<typeof paymentNotificationSchema>;

export const paymentClaimSchema = z
  .object({
    ntpn: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.string().regex(/^[A-Z0-9]{16}$/, 'ntpn.format')),
  })
  .strict();

/** `POST /api/v1/payment-claims` (public): the claim from the signed link in the billing e-mail. */
export const linkedPaymentClaimSchema = z
  .object({
    link: z
      .string()
      .min(1)
      .max(200)
      .describe('The token after #/claim/ in the e-mail’s link: it names the application, signed'),
    ntpn: paymentClaimSchema.shape.ntpn,
  })
  .strict()
  .meta({ id: 'LinkedPaymentClaim' });

export const linkedPaymentClaimResultSchema = z
  .object({
    applicationNumber: z.string(),
    status: z.enum(applicationStatuses),
  })
  .meta({ id: 'LinkedPaymentClaimResult' });
export type LinkedPaymentClaimResult = z.infer<typeof linkedPaymentClaimResultSchema>;

/** `GET /api/v1/payment-health` (public): whether people can pay now (issue 15, payment outages). */
export const paymentHealthSchema = z
  .object({
    paymentsFrozenSince: isoInstant
      .nullable()
      .describe(
        'Since when nobody can pay (SIMPONI or every channel down): no billing expires meanwhile, and ' +
          'deadlines inside it move by its length when it ends',
      ),
    partnersDown: z
      .array(z.enum(paymentPartners))
      .describe('SIMPONI or the channels declared down now; pay at another channel'),
  })
  .meta({ id: 'PaymentHealth' });
export type PaymentHealth = z.infer<typeof paymentHealthSchema>;
