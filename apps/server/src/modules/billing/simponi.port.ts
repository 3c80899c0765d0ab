/**
 * Port: SIMPONI, the state's PNBP billing system (Kemenkeu). It issues the 15-digit billing code the
 * applicant pays at a bank, marketplace, post office or minimarket, and knows whether it was paid.
 * Adapters: http-simponi.ts (real) and the simulator (module sim).
 */
export interface SimponiBillingRequest {
  /** Our reference: the application id, echoed back in payment notifications' lookups. */
  readonly reference: string;
  /** Shown on the bill, e.g. "Paspor MP2026-00000123". */
  readonly description: string;
  readonly amount: number;
  readonly expiresAt: Date;
  /** The applicant's name, as on a real SIMPONI bill. */
  readonly payerName: string;
  /** The office's 6-digit work-unit code the revenue is booked to. */
  readonly satker: string;
}

export interface SimponiBilling {
  /** 15 digits. */
  readonly billingCode: string;
  readonly expiresAt: Date;
}

export interface SimponiPayment {
  readonly paymentId: string;
  readonly billingCode: string;
  readonly amount: number;
  readonly channel: string;
  readonly paidAt: Date;
  /** Nomor Transaksi Penerimaan Negara: 16 characters [A-Z0-9]. */
  readonly ntpn: string;
  /** Nomor Transaksi Bank: the channel's own reference. */
  readonly ntb: string;
}

export type SimponiPaymentStatus =
  | { readonly status: 'UNPAID' }
  | { readonly status: 'PAID'; readonly payment: SimponiPayment }
  | { readonly status: 'NOT_FOUND' };

export interface SimponiPort {
  createBilling(request: SimponiBillingRequest): Promise<SimponiBilling>;
  getPaymentStatus(billingCode: string): Promise<SimponiPaymentStatus>;
  /**
   * Keeps an unpaid code payable until `expiresAt` (a deadline moved after a payment outage, issue 15).
   * A paid or unknown code is left as it is.
   */
  extendBilling(billingCode: string, expiresAt: Date): Promise<void>;
  /**
   * Voids an unpaid code of a cancelled or expired application (issue 17): no channel takes it after.
   * A paid or unknown code is left as it is (a late payment is then flagged on arrival).
   */
  voidBilling(billingCode: string): Promise<void>;
}

/** SIMPONI cannot answer (timeout, outage, open circuit, bad credentials). */
export class SimponiUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SimponiUnavailableError';
  }
}
