import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ExtendedBilling } from './outage-repository.ts';
import * as repository from './repository.ts';
import type { SimponiPayment } from './simponi.port.ts';

/**
 * What applying a payment does outside billing: the application moves to PAID and the applicant is
 * told (implemented by the applications module, in the same transaction).
 */
export interface PaymentEffects {
  applicationPaid(tx: Database, applicationId: string, payment: SimponiPayment): Promise<void>;
  /**
   * A payment of a code billing does not hold: a fine (biaya beban) billed at the visit (issue 16).
   * Null when it is no such code either.
   */
  otherBillingPaid(tx: Database, payment: SimponiPayment): Promise<OtherBillingOutcome>;
  /** Deadlines moved after a payment outage of `minutes`: note it on the application, tell the applicant. */
  deadlinesExtended(tx: Database, billings: readonly ExtendedBilling[], minutes: number): Promise<void>;
}

/** What became of a payment of another billing's code; null: no such code. */
export type OtherBillingOutcome = Extract<
  repository.PaymentOutcome,
  'APPLIED' | 'ALREADY_PAID' | 'AMOUNT_MISMATCH'
> | null;

export type PaymentSource = 'WEBHOOK' | 'RECONCILIATION' | 'CLAIM';
export type RecordedPayment =
  { readonly duplicate: true } | { readonly duplicate: false; readonly outcome: repository.PaymentOutcome };

/**
 * Records a payment exactly once and applies it if it can be: never lost (kept in the inbox whatever
 * happens), never applied twice (unique payment id; the billing row is locked while deciding). A payment
 * for an expired or cancelled billing, of another amount, or for a billing already paid is kept and
 * flagged for an officer to refund or reinstate — the application is not silently revived.
 */
export async function recordPayment(
  deps: { db: Database; clock: Clock; effects: PaymentEffects },
  payment: SimponiPayment,
  source: PaymentSource,
): Promise<RecordedPayment> {
  return deps.db.transaction(async (tx) => {
    const fresh = await repository.insertNotification(tx, {
      paymentId: payment.paymentId,
      billingCode: payment.billingCode,
      amount: payment.amount,
      channel: payment.channel,
      paidAt: payment.paidAt,
      ntpn: payment.ntpn,
      ntb: payment.ntb,
      source,
      outcome: 'APPLIED',
      needsAttention: false,
      receivedAt: deps.clock.now(),
      payload: { ...payment, paidAt: payment.paidAt.toISOString() },
    });
    if (!fresh) return { duplicate: true };
    const billing = await repository.lockByCode(tx, payment.billingCode);
    const other = billing ? null : await deps.effects.otherBillingPaid(tx, payment);
    const outcome = other ?? judge(billing, payment);
    if (outcome === 'APPLIED' && billing) {
      await repository.markPaid(tx, billing.id, payment);
      await deps.effects.applicationPaid(tx, billing.applicationId, payment);
    }
    await repository.setOutcome(tx, payment.paymentId, outcome);
    return { duplicate: false, outcome };
  });
}

function judge(
  billing: repository.BillingRow | undefined,
  payment: SimponiPayment,
): repository.PaymentOutcome {
  if (!billing) return 'BILLING_NOT_FOUND';
  if (billing.amount !== payment.amount) return 'AMOUNT_MISMATCH';
  if (billing.status === 'PAID') return 'ALREADY_PAID';
  // A billing still pending still holds its seat: a payment after the deadline (the expiry job not
  // yet run, or a payment outage keeping it open, issue 15) takes it. Only a released seat is LATE.
  if (billing.status !== 'PENDING') return 'LATE';
  return 'APPLIED';
}
