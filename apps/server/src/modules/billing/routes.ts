import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { feeListSchema, type FeeView } from '#shared/contracts/fees.ts';
import type { Language } from '#shared/i18n.ts';
import { languageOf } from '../../platform/language.ts';
import type { FeeScheduleEntry } from './fee-schedule.ts';
import type { FeeSchedule } from './service.ts';

export const feesRoutes: FastifyPluginAsync<{ billing: FeeSchedule }> = async (app, { billing }) => {
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
