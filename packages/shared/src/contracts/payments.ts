import { z } from 'zod';
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
