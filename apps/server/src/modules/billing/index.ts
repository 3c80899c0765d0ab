export { feesRoutes } from './routes.ts';
export {
  createBillingService,
  createFeeSchedule,
  PAYMENT_WINDOW_MS,
  type Billing,
  type BillingService,
  type FeeSchedule,
} from './service.ts';
export { isValidBillingCode } from './billing-code.ts';
export {
  computeFee,
  FEE_SCHEDULE,
  feeScheduleOn,
  FeeScheduleError,
  type FeeInput,
  type FeeQuote,
  type FeeScheduleEntry,
} from './fee-schedule.ts';
