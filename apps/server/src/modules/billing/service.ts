import { jakartaDate } from '#shared/eligibility.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  computeFee,
  feeScheduleOn,
  type FeeInput,
  type FeeQuote,
  type FeeScheduleEntry,
} from './fee-schedule.ts';

export interface BillingService {
  /** The fees in force today, a calendar day in Asia/Jakarta by the injected clock. */
  feesToday(): FeeScheduleEntry[];
  computeFee(input: FeeInput): FeeQuote;
}

/** Payments (billing codes, SIMPONI) join this service later; for now it answers from the schedule. */
export function createBillingService(deps: { clock: Clock }): BillingService {
  return {
    feesToday: () => feeScheduleOn(jakartaDate(deps.clock.now())),
    computeFee,
  };
}
