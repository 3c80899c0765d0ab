export { feesRoutes } from './routes.ts';
export { createBillingService, type BillingService } from './service.ts';
export {
  computeFee,
  FEE_SCHEDULE,
  feeScheduleOn,
  FeeScheduleError,
  type FeeInput,
  type FeeQuote,
  type FeeScheduleEntry,
} from './fee-schedule.ts';
