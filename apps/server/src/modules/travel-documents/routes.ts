import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { travelDocumentListSchema, type TravelDocumentView } from '#shared/contracts/travel-documents.ts';
import { applicantOf } from '../../platform/access.ts';
import type { TravelDocument, TravelDocumentsService } from './service.ts';

export interface TravelDocumentsRoutesOptions {
  readonly travelDocuments: Pick<TravelDocumentsService, 'listByNik'>;
  /** The accounts service: the registry is searched by the NIK the account was verified with. */
  readonly accounts: { getAccount(accountId: string): Promise<{ nik: string }> };
}

export const travelDocumentsRoutes: FastifyPluginAsync<TravelDocumentsRoutesOptions> = async (
  app,
  { travelDocuments, accounts },
) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/travel-documents',
    {
      config: { access: 'applicant' },
      schema: {
        tags: ['travel-documents'],
        operationId: 'listMyTravelDocuments',
        summary: 'My passports, found by my NIK, newest first',
        response: { 200: travelDocumentListSchema },
      },
    },
    async (request) => {
      const { nik } = await accounts.getAccount(applicantOf(request).accountId);
      return (await travelDocuments.listByNik(nik)).map(toView);
    },
  );
};

/** Only what the holder needs: the NIK and name are theirs already and stay out of the answer. */
function toView(passport: TravelDocument): TravelDocumentView {
  return {
    number: passport.number,
    type: passport.type,
    issueDate: passport.issueDate,
    expiryDate: passport.expiryDate,
    status: passport.status,
    issuingOffice: passport.issuingOffice,
    issuingOfficeCode: passport.issuingOfficeCode,
  };
}
