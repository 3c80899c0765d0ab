import { paymentChannels } from '#shared/contracts/payments.ts';

export { paymentPartners, type PaymentPartner } from '#shared/contracts/payments.ts';

/**
 * Payment outages (issue 15): who can be declared down, and when nobody can pay. A freeze is the time
 * when SIMPONI is down (no code can be paid anywhere) or every channel is down; deadlines falling in
 * it are moved by its length, so nobody loses a seat to someone else's outage.
 */

/** Consecutive failed SIMPONI calls in one process before it is declared down automatically. */
export const AUTOMATIC_OUTAGE_AFTER_FAILURES = 5;

export function paymentsImpossible(down: ReadonlySet<string>): boolean {
  return down.has('SIMPONI') || paymentChannels.every((channel) => down.has(channel));
}
