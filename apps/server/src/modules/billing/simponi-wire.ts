import { z } from 'zod';
import { isoInstant } from '#shared/contracts/common.ts';
import type {
  SimponiBilling,
  SimponiBillingRequest,
  SimponiPayment,
  SimponiPaymentStatus,
} from './simponi.port.ts';

/**
 * The wire contract of SIMPONI's billing API (README "SIMPONI wire contract"), in the Indonesian field
 * names of a PNBP bill. The real adapter speaks it as a client and the simulator (module sim) as a
 * server, so both read the same schemas and the two cannot drift apart.
 */
const billingCode = z.string().regex(/^\d{15}$/);

export const simponiBillingRequestSchema = z
  .object({
    referensi: z.string().min(1).max(100).describe('Our reference: the application id'),
    uraian: z.string().min(1).max(200).describe('What is paid for, printed on the bill'),
    jumlah: z.number().int().positive().describe('Amount in rupiah'),
    kedaluwarsa: isoInstant.describe('Deadline of payment'),
    namaWajibBayar: z.string().min(1).max(200).describe('Name of the payer'),
    kodeSatker: z
      .string()
      .regex(/^\d{6}$/)
      .describe('6-digit work unit the revenue is booked to'),
  })
  .strict()
  .meta({ id: 'SimponiBillingRequest' });

export const simponiBillingResponseSchema = z
  .object({
    kodeBilling: billingCode.describe('15-digit billing code'),
    kedaluwarsa: isoInstant.describe('Deadline of payment'),
  })
  .meta({ id: 'SimponiBillingResponse' });

export const simponiPaymentStatusResponseSchema = z
  .object({
    status: z.enum(['BELUM_BAYAR', 'SUDAH_BAYAR']),
    pembayaran: z
      .object({
        idPembayaran: z.string().min(1).max(100),
        jumlah: z.number().int().positive(),
        kanal: z.string().min(1).max(40).describe('Where it was paid, e.g. MOBILE_BANKING'),
        waktuBayar: isoInstant,
        ntpn: z.string().regex(/^[A-Z0-9]{16}$/),
        ntb: z.string().min(1).max(40),
      })
      .optional()
      .describe('Present when status is SUDAH_BAYAR'),
  })
  .meta({ id: 'SimponiPaymentStatusResponse' });

/** `PATCH /billing/{kodeBilling}`: the new deadline of an unpaid code (after a payment outage). */
export const simponiBillingExtensionSchema = z
  .object({ kedaluwarsa: isoInstant.describe('The new deadline of payment') })
  .strict()
  .meta({ id: 'SimponiBillingExtension' });

/** The body of a 404 for an unknown billing code. */
export const simponiNotFoundSchema = z.object({ pesan: z.string() }).meta({ id: 'SimponiNotFound' });

export type SimponiBillingWireRequest = z.infer<typeof simponiBillingRequestSchema>;
export type SimponiBillingWireResponse = z.infer<typeof simponiBillingResponseSchema>;
export type SimponiPaymentStatusWireResponse = z.infer<typeof simponiPaymentStatusResponseSchema>;

export function toWireBillingRequest(request: SimponiBillingRequest): SimponiBillingWireRequest {
  return {
    referensi: request.reference,
    uraian: request.description,
    jumlah: request.amount,
    kedaluwarsa: request.expiresAt.toISOString(),
    namaWajibBayar: request.payerName,
    kodeSatker: request.satker,
  };
}

export function fromWireBillingRequest(wire: SimponiBillingWireRequest): SimponiBillingRequest {
  return {
    reference: wire.referensi,
    description: wire.uraian,
    amount: wire.jumlah,
    expiresAt: new Date(wire.kedaluwarsa),
    payerName: wire.namaWajibBayar,
    satker: wire.kodeSatker,
  };
}

export function toWireBilling(billing: SimponiBilling): SimponiBillingWireResponse {
  return { kodeBilling: billing.billingCode, kedaluwarsa: billing.expiresAt.toISOString() };
}

export function fromWireBilling(wire: SimponiBillingWireResponse): SimponiBilling {
  return { billingCode: wire.kodeBilling, expiresAt: new Date(wire.kedaluwarsa) };
}

/** NOT_FOUND has no body on the wire: it is the 404. */
export function toWirePaymentStatus(
  status: Exclude<SimponiPaymentStatus, { status: 'NOT_FOUND' }>,
): SimponiPaymentStatusWireResponse {
  if (status.status === 'UNPAID') return { status: 'BELUM_BAYAR' };
  const payment = status.payment;
  return {
    status: 'SUDAH_BAYAR',
    pembayaran: {
      idPembayaran: payment.paymentId,
      jumlah: payment.amount,
      kanal: payment.channel,
      waktuBayar: payment.paidAt.toISOString(),
      ntpn: payment.ntpn,
      ntb: payment.ntb,
    },
  };
}

/**
 * The wire answer does not repeat the billing code (it is in the URL), so the caller passes it. Null
 * when SUDAH_BAYAR comes without its payment: the caller cannot trust such an answer.
 */
export function fromWirePaymentStatus(
  billingCode: string,
  wire: SimponiPaymentStatusWireResponse,
): SimponiPaymentStatus | null {
  if (wire.status === 'BELUM_BAYAR') return { status: 'UNPAID' };
  const paid = wire.pembayaran;
  if (!paid) return null;
  const payment: SimponiPayment = {
    paymentId: paid.idPembayaran,
    billingCode,
    amount: paid.jumlah,
    channel: paid.kanal,
    paidAt: new Date(paid.waktuBayar),
    ntpn: paid.ntpn,
    ntb: paid.ntb,
  };
  return { status: 'PAID', payment };
}
