import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { feeListSchema, type FeeView } from '#shared/contracts/fees.ts';
import { paymentHealthSchema, type PaymentHealth } from '#shared/contracts/payments.ts';
import type { Language } from '#shared/i18n.ts';
import { languageOf } from '../../platform/language.ts';
import type { FeeScheduleEntry } from './fee-schedule.ts';
import type { FeeSchedule } from './service.ts';

export const feesRoutes: FastifyPluginAsync<{
  billing: FeeSchedule & { paymentHealth(): Promise<PaymentHealth> };
}> = async (app, { billing }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/payment-health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['fees'],
        operationId: 'getPaymentHealth',
        summary: 'Whether the fee can be paid now: a payment outage, and the channels down',
        response: { 200: paymentHealthSchema },
      },
    },
    async (_request, reply) => {
      // Read by every pay screen: a few seconds stale is fine, the freeze itself is exact server-side.
      reply.header('cache-control', 'public, max-age=15');
      return billing.paymentHealth();
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/fees',
    {
      config: { access: 'public' },
      schema: {
        tags: ['fees'],
        operationId: 'listFees',
        summary: 'Passport fees (PNBP) in force today, with their legal basis',
        response: { 200: feeListSchema },
      },
    },
    (request) => billing.feesToday().map((entry) => toFeeView(entry, languageOf(request))),
  );
};

function toFeeView(entry: FeeScheduleEntry, language: Language): FeeView {
  return {
    code: entry.code,
    amount: entry.amount,
    label: entry.label[language],
    legalBasis: entry.legalBasis,
    validFrom: entry.validFrom,
  };
}
