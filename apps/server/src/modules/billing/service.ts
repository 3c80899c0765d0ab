import { jakartaDate } from '#shared/eligibility.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { newBillingCode } from './billing-code.ts';
import {
  computeFee,
  feeScheduleOn,
  type FeeInput,
  type FeeQuote,
  type FeeScheduleEntry,
} from './fee-schedule.ts';
import * as repository from './repository.ts';

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

export interface BillingService extends FeeSchedule {
  /** A billing code for the application's frozen amount, due 2 hours from now, in the caller's transaction. */
  issue(tx: Database, applicationId: string, amount: number): Promise<Billing>;
  billingsOf(applicationIds: readonly string[]): Promise<Map<string, Billing>>;
  /** Pending billings past their deadline (all, or one application's), now EXPIRED; locked rows are skipped. */
  expireDue(tx: Database, limit: number, applicationId?: string): Promise<Billing[]>;
  cancelPending(tx: Database, applicationId: string): Promise<void>;
}

export function createBillingService(deps: { db: Database; clock: Clock }): BillingService {
  return {
    ...createFeeSchedule(deps),
    async issue(tx, applicationId, amount) {
      const now = deps.clock.now();
      for (;;) {
        const row = await repository.insertBilling(tx, {
          applicationId,
          code: newBillingCode(),
          amount,
          expiresAt: new Date(now.getTime() + PAYMENT_WINDOW_MS),
          createdAt: now,
        });
        if (row) return toBilling(row);
      }
    },
    async billingsOf(applicationIds) {
      const rows = await repository.billingsOf(deps.db, applicationIds);
      return new Map(rows.map((row) => [row.applicationId, toBilling(row)]));
    },
    expireDue: async (tx, limit, applicationId) =>
      (await repository.expireDue(tx, deps.clock.now(), limit, applicationId)).map(toBilling),
    cancelPending: (tx, applicationId) => repository.cancelPending(tx, applicationId),
  };
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
    channel: row.channel,
  };
}
