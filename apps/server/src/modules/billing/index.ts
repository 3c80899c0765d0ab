export { feesRoutes } from './routes.ts';
export { simponiWebhookRoutes } from './webhook-routes.ts';
export {
  createBillingService,
  createFeeSchedule,
  PAYMENT_WINDOW_MS,
  type Billing,
  type BillingDeps,
  type BillingService,
  type FeeSchedule,
} from './service.ts';
export type { OtherBillingOutcome, PaymentEffects, PaymentSource, RecordedPayment } from './payments.ts';
export { isValidBillingCode, newBillingCode } from './billing-code.ts';
export { createHttpSimponi, type HttpSimponiOptions } from './http-simponi.ts';
export { signPayload, verifySignature, SIGNATURE_TOLERANCE_SECONDS } from './signature.ts';
export {
  SimponiUnavailableError,
  type SimponiBilling,
  type SimponiBillingRequest,
  type SimponiPayment,
  type SimponiPaymentStatus,
  type SimponiPort,
} from './simponi.port.ts';
export {
  fromWireBillingRequest,
  simponiBillingExtensionSchema,
  simponiBillingRequestSchema,
  simponiBillingResponseSchema,
  simponiNotFoundSchema,
  simponiPaymentStatusResponseSchema,
  toWireBilling,
  toWirePaymentStatus,
} from './simponi-wire.ts';
export {
  computeFee,
  FEE_SCHEDULE,
  feeScheduleOn,
  FeeScheduleError,
  type FeeInput,
  type FeeQuote,
  type FeeScheduleEntry,
} from './fee-schedule.ts';
export { createPartnerHealth, type PartnerHealth, type PartnerHealthService } from './partner-health.ts';
export { paymentPartners, type PaymentPartner } from './outages.ts';
export type { ExtendedBilling } from './outage-repository.ts';
