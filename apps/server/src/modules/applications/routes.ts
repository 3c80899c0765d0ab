import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationCreateSchema,
  applicationSchema,
  documentUploadedSchema,
  nikApplicationSchema,
  sessionChoiceSchema,
} from '#shared/contracts/applications.ts';
import {
  linkedPaymentClaimResultSchema,
  linkedPaymentClaimSchema,
  paymentClaimSchema,
} from '#shared/contracts/payments.ts';
import { applicantOf } from '../../platform/access.ts';
import { urgently } from '../../platform/urgency.ts';
import { notModifiedResponse, publishJson, sendPublished } from '../../platform/conditional-get.ts';
import { languageOf } from '../../platform/language.ts';
import { fileResponse, uploadBody } from '../../platform/openapi.ts';
import { contestRoutes } from './contest-routes.ts';
import { registerUploadParsers, scanDownloadHeaders, uploadStream } from '../documents/index.ts';
import type { ApplicationsService } from './service.ts';

const tags = ['applications'];
const idParams = z.object({ id: z.uuid() });
const documentParams = z.object({ id: z.uuid(), kind: z.string().regex(/^[A-Z_]{2,40}$/) });
const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' } as Record<
  string,
  string
>;
const SCAN_TYPES = Object.keys(extension);
/**
 * A status is personal (`private`: no shared cache may keep it) and must never be shown stale
 * (`no-cache`: a browser revalidates each time, and gets a 304 while it is unchanged). Labels follow
 * the language asked for.
 */
const STATUS_CACHING = { cacheControl: 'private, no-cache', vary: 'Accept-Language' };

export const applicationsRoutes: FastifyPluginAsync<{
  applications: ApplicationsService;
  maxUploadBytes: number;
}> = async (app, { applications, maxUploadBytes }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerUploadParsers(app, { maxBytes: maxUploadBytes });
  const access = 'applicant' as const;

  r.post(
    '/applications',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'startApplication',
        summary: 'Start an application (DRAFT): NIK checked with Dukcapil, documents and fee worked out',
        body: applicationCreateSchema,
        response: { 201: applicationSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await applications.create(applicantOf(request).accountId, request.body, languageOf(request))),
  );

  r.get(
    '/applications',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listMyApplications',
        summary: 'My applications, newest first',
        response: { 200: z.array(applicationSchema) },
      },
    },
    (request) => applications.list(applicantOf(request).accountId, languageOf(request)),
  );

  r.get(
    '/applications/:id',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getMyApplication',
        summary: 'One of my applications',
        description:
          'Read afresh on every request, never from a copy kept across changes. The `ETag` is a hash of ' +
          'the answer itself: send it back in `If-None-Match` and get 304 without a body while nothing ' +
          'you would see has changed. `Cache-Control: private, no-cache`: a browser may keep it, but asks.',
        params: idParams,
        response: { 200: applicationSchema, 304: notModifiedResponse },
      },
    },
    async (request, reply) => {
      const view = await applications.get(
        applicantOf(request).accountId,
        request.params.id,
        languageOf(request),
      );
      return sendPublished(request, reply, publishJson(applicationSchema, view), STATUS_CACHING);
    },
  );

  r.post(
    '/applications/:id/submit',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'submitApplication',
        summary: 'Submit: book the session and get the billing code (pay within 2 hours)',
        params: idParams,
        body: sessionChoiceSchema,
        response: { 200: applicationSchema },
      },
    },
    // Ahead of the crowd's reads for a database connection (platform/urgency.ts).
    (request) =>
      urgently(() =>
        applications.submit(
          applicantOf(request).accountId,
          request.params.id,
          request.body,
          languageOf(request),
        ),
      ),
  );

  r.post(
    '/applications/:id/reschedule',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'rescheduleAppointment',
        summary: 'Move the appointment once, after payment, no later than the day before',
        params: idParams,
        body: sessionChoiceSchema,
        response: { 200: applicationSchema },
      },
    },
    (request) =>
      urgently(() =>
        applications.reschedule(
          applicantOf(request).accountId,
          request.params.id,
          request.body,
          languageOf(request),
        ),
      ),
  );

  r.post(
    '/applications/:id/payment-claims',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'claimPayment',
        summary: '"I have paid but it says unpaid": the NTPN is checked with SIMPONI and applied',
        params: idParams,
        body: paymentClaimSchema,
        response: { 200: applicationSchema },
      },
    },
    (request) =>
      applications.claimPayment(
        applicantOf(request).accountId,
        request.params.id,
        request.body.ntpn,
        languageOf(request),
      ),
  );

  r.get(
    '/me/nik-applications',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'listApplicationsForMyNik',
        summary: 'Applications filed under my own NIK from other accounts (who filed them is not shown)',
        response: { 200: z.array(nikApplicationSchema) },
      },
    },
    (request) => applications.filedForMyNik(applicantOf(request).accountId),
  );

  r.post(
    '/me/nik-applications/:id/cancel',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'cancelApplicationForMyNik',
        summary: 'Cancel an application filed under my NIK by another account, while its visit is ahead',
        description:
          'Seat and unpaid billing are released; its history says the NIK holder cancelled it. 404 when ' +
          'the application is not under this account’s NIK or is this account’s own (cancel it as usual).',
        params: idParams,
        response: { 200: nikApplicationSchema },
      },
    },
    (request) => applications.cancelFiledForMyNik(applicantOf(request).accountId, request.params.id),
  );

  r.post(
    '/payment-claims',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'claimPaymentByLink',
        summary: '"I have paid" from the link in the billing e-mail, without logging in',
        description:
          'The link names one application, signed; the NTPN is checked with SIMPONI and, if it is that ' +
          'billing’s payment, applied. Answers only the application number and status. ' +
          '403 CLAIM_LINK_INVALID for a forged, altered or expired link; 422 PAYMENT_NOT_FOUND for an ' +
          'NTPN that is not this billing’s payment.',
        body: linkedPaymentClaimSchema,
        response: { 200: linkedPaymentClaimResultSchema },
      },
    },
    (request) => applications.claimPaymentByLink(request.body.link, request.body.ntpn),
  );

  r.post(
    '/applications/:id/cancel',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'cancelApplication',
        summary: 'Cancel while waiting for the office visit',
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    (request) => applications.cancel(applicantOf(request).accountId, request.params.id, languageOf(request)),
  );

  r.get(
    '/applications/:id/arrival-pass',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getArrivalPass',
        summary: 'The arrival pass (signed code and its QR) the office scans at check-in, once paid',
        params: idParams,
        response: {
          200: z.object({
            code: z.string(),
            shortCode: z
              .string()
              .describe(
                '8 characters without look-alikes (ABCD-EFGH), read out at check-in when the QR fails',
              ),
            qrSvg: z.string(),
            holder: z
              .object({ fullName: z.string(), nik: z.string().describe('Masked: first 6 and last 4 digits') })
              .describe('Whose pass it is: the officer compares it with the KTP-el in hand'),
          }),
        },
      },
    },
    (request) => applications.arrivalPass(applicantOf(request).accountId, request.params.id),
  );

  r.put(
    '/applications/:id/documents/:kind',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'uploadScan',
        summary: 'Upload a scan (JPEG, PNG or PDF) as the raw body or multipart field `file`',
        description:
          'The type is judged by the content, not the name or Content-Type. Image metadata (EXIF, GPS) is removed.',
        params: documentParams,
        documentedBody: uploadBody([...SCAN_TYPES, 'application/octet-stream']),
        response: { 201: documentUploadedSchema },
      },
    },
    async (request, reply) => {
      const scan = await applications.uploadScan(
        applicantOf(request).accountId,
        request.params.id,
        request.params.kind,
        await uploadStream(request),
      );
      return reply.code(201).send({ ...scan, uploadedAt: scan.uploadedAt.toISOString() });
    },
  );

  r.get(
    '/applications/:id/documents/:kind',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'downloadScan',
        summary: 'Download one of my scans',
        params: documentParams,
        response: { 200: fileResponse('The scan as it was stored (metadata removed)', SCAN_TYPES) },
      },
    },
    async (request, reply) => {
      const { scan, stream } = await applications.openScan(
        applicantOf(request).accountId,
        request.params.id,
        request.params.kind,
      );
      return reply.headers(scanDownloadHeaders(scan)).send(stream);
    },
  );
  await app.register(contestRoutes, { applications });
};
