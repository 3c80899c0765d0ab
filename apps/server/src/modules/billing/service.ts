import { jakartaDate } from '#shared/eligibility.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { whileRunning } from '../../platform/jobs.ts';
import {
  computeFee,
  feeScheduleOn,
  type FeeInput,
  type FeeQuote,
  type FeeScheduleEntry,
} from './fee-schedule.ts';
import { recordPayment, type PaymentEffects, type PaymentSource, type RecordedPayment } from './payments.ts';
import { paymentPartners } from '#shared/contracts/payments.ts';
import { createPartnerHealth } from './partner-health.ts';
import * as repository from './repository.ts';
import { SimponiUnavailableError } from './simponi.port.ts';
import type {
  SimponiPayment,
  SimponiBillingRequest,
  SimponiPaymentStatus,
  SimponiPort,
} from './simponi.port.ts';

/** Pay within 2 hours of submission (DOMAIN.md "Payment": M-Paspor sets 2 hours, kept per billing). */
export const PAYMENT_WINDOW_MS = 2 * 60 * 60 * 1000;

export interface Billing {
  readonly applicationId: string;
  readonly code: string;
  readonly amount: number;
  readonly expiresAt: Date;
  readonly status: 'PENDING' | 'PAID' | 'EXPIRED' | 'CANCELLED';
  readonly paidAt: Date | null;
  readonly ntpn: string | null;
  readonly ntb: string | null;
  readonly channel: string | null;
}

export interface FeeSchedule {
  /** The fees in force today, a calendar day in Asia/Jakarta by the injected clock. */
  feesToday(): FeeScheduleEntry[];
  computeFee(input: FeeInput): FeeQuote;
}

/** The fee schedule as of the injected clock's day. */
export function createFeeSchedule(deps: { clock: Clock }): FeeSchedule {
  return { feesToday: () => feeScheduleOn(jakartaDate(deps.clock.now())), computeFee };
}

export interface BillingDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly simponi: SimponiPort;
  /** Bound late: the applications module implements it and is built after billing. */
  readonly effects: () => PaymentEffects;
  readonly warn: (message: string, error: unknown) => void;
}

export function createBillingService(deps: BillingDeps) {
  const { db, clock } = deps;
  const paymentDeps = () => ({ db, clock, effects: deps.effects() });
  const health = createPartnerHealth(deps);
  const unrecorded = (error: unknown) => deps.warn('SIMPONI health was not recorded', error);
  /**
   * Every SIMPONI call feeds its health: failures in a row declare it down, an answer ends that. The
   * bookkeeping never turns SIMPONI's answer into a failure of the caller's request.
   */
  async function watched<T>(call: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await call();
    } catch (error) {
      if (error instanceof SimponiUnavailableError) await health.simponiFailed().catch(unrecorded);
      throw unavailable(error);
    }
    await health.simponiAnswered().catch(unrecorded);
    return result;
  }
  return {
    ...createFeeSchedule(deps),
    partnerHealth: health,

    /**
     * Asks SIMPONI for a billing code due 2 hours from now. Called before the submit transaction (no
     * transaction waits on SIMPONI); a code whose booking then fails simply expires unpaid.
     */
    async requestBillingCode(request: Omit<SimponiBillingRequest, 'expiresAt'>) {
      const expiresAt = new Date(clock.now().getTime() + PAYMENT_WINDOW_MS);
      return watched(() => deps.simponi.createBilling({ ...request, expiresAt }));
    },

    /** Records the billing SIMPONI issued, in the submit transaction. */
    async record(
      tx: Database,
      billing: { applicationId: string; code: string; amount: number; expiresAt: Date; satker: string },
    ) {
      return toBilling(await repository.insertBilling(tx, { ...billing, createdAt: clock.now() }));
    },

    /** Like `record`, for a batch of submits in one transaction. */
    recordMany: (
      tx: Database,
      list: readonly {
        applicationId: string;
        code: string;
        amount: number;
        expiresAt: Date;
        satker: string;
      }[],
    ) =>
      repository.insertBillings(
        tx,
        list.map((billing) => ({ ...billing, createdAt: clock.now() })),
      ),

    async billingsOf(applicationIds: readonly string[]): Promise<Map<string, Billing>> {
      const rows = await repository.billingsOf(db, applicationIds);
      return new Map(rows.map((row) => [row.applicationId, toBilling(row)]));
    },

    /** Pending billings past their deadline, or within `windowMs` of it (to ask SIMPONI about). */
    pendingDueWithin: async (windowMs: number, limit: number) =>
      (await repository.pendingDueBy(db, new Date(clock.now().getTime() + windowMs), limit)).map(toBilling),

    /** Expires the application's billing if it is still pending and past due; true once. */
    expireIfPending: (tx: Database, applicationId: string) =>
      repository.expireIfPending(tx, applicationId, clock.now()),

    paymentsFrozen: () => health.frozen(),

    /** For the pay screen: frozen since when, and which partners are down. */
    async paymentHealth() {
      const now = await health.now();
      return {
        paymentsFrozenSince: now.frozenSince?.toISOString() ?? null,
        // Listed in the partners' own order (SIMPONI first, then the channels).
        partnersDown: paymentPartners.filter((partner) => now.down.includes(partner)),
      };
    },

    cancelPending: (tx: Database, applicationId: string) => repository.cancelPending(tx, applicationId),

    /**
     * Worker (issue 17): voids at SIMPONI the codes of cancelled and expired applications, so no channel
     * takes a payment for them; stops at the first SIMPONI failure and tries again on the next round.
     */
    async voidClosed(signal?: AbortSignal, limit = 100): Promise<number> {
      let voided = 0;
      for (const billing of whileRunning(await repository.closedUnvoided(db, limit), signal)) {
        await watched(() => deps.simponi.voidBilling(billing.code));
        await repository.markVoided(db, billing.id, clock.now());
        voided++;
      }
      return voided;
    },

    /** What SIMPONI knows of a billing; SimponiUnavailableError becomes 503 SIMPONI_UNAVAILABLE. */
    paymentStatus: (billingCode: string): Promise<SimponiPaymentStatus> =>
      watched(() => deps.simponi.getPaymentStatus(billingCode)),

    recordPayment: (payment: SimponiPayment, source: PaymentSource): Promise<RecordedPayment> =>
      recordPayment(paymentDeps(), payment, source),

    paymentsNeedingAttention: (limit = 100) => repository.paymentsNeedingAttention(db, limit),
    findPayment: (paymentId: string) => repository.findPayment(db, paymentId),
    /** An officer's decision on a flagged payment (refund requested, or settled by hand), in their tx. */
    resolvePayment: (tx: Database, paymentId: string, resolution: string) =>
      repository.resolvePayment(tx, paymentId, resolution, clock.now()),
  };
}

export type BillingService = ReturnType<typeof createBillingService>;

function unavailable(error: unknown): unknown {
  if (!(error instanceof SimponiUnavailableError)) return error;
  return new DomainError({
    code: 'SIMPONI_UNAVAILABLE',
    detail: {
      id: 'Sistem pembayaran PNBP (SIMPONI) sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.',
      en: 'The state revenue system (SIMPONI) cannot be reached right now. Please try again shortly.',
    },
    headers: { 'retry-after': '30' },
    cause: error,
  });
}

function toBilling(row: repository.BillingRow): Billing {
  return {
    applicationId: row.applicationId,
    code: row.code,
    amount: row.amount,
    expiresAt: row.expiresAt,
    status: row.status as Billing['status'],
    paidAt: row.paidAt,
    ntpn: row.ntpn,
    ntb: row.ntb,
    channel: row.channel,
  };
}
