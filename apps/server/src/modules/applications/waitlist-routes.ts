import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationSchema } from '#shared/contracts/applications.ts';
import { waitlistJoinSchema, waitlistSchema } from '#shared/contracts/waitlist.ts';
import { consentCodeSchema, consentRequestedSchema, consentSchema } from '#shared/contracts/consent.ts';
import { applicantOf } from '../../platform/access.ts';
import { languageOf } from '../../platform/language.ts';
import type { ApplicationsService } from './service.ts';

const tags = ['waitlist'];
const idParams = z.object({ id: z.uuid() });

/**
 * Issue 15: the waitlist of freed seats (join, follow, leave; accept or decline the seat offered) and the
 * NIK holder's consent to an application filed for them.
 */
export const waitlistRoutes: FastifyPluginAsync<{ applications: ApplicationsService }> = async (
  app,
  { applications },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = 'applicant' as const;

  r.post(
    '/applications/:id/waitlist',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'joinWaitlist',
        summary: 'Wait for a freed seat: a complete draft, an office (or a radius around it), a date range',
        description:
          'Refused with 409 WAITLIST_SEATS_AVAILABLE while seats are free in the range (book one instead). ' +
          'When a seat frees (unpaid billing expired, cancellation, reschedule, a session added), the next ' +
          'entry in order of joining gets it held as an offer; a no-show in the past 6 months waits behind. ' +
          'At most 10 joins an hour per account and per NIK, 60 per address: then 429 with Retry-After.',
        params: idParams,
        body: waitlistJoinSchema,
        response: { 201: waitlistSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await applications.joinWaitlist(
            applicantOf(request).accountId,
            request.params.id,
            request.body,
            request.ip,
          ),
        ),
  );

  r.get(
    '/applications/:id/waitlist',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getWaitlist',
        summary: 'The application’s waitlist entry: status, place, and the seat offered (null: never joined)',
        params: idParams,
        response: { 200: waitlistSchema.nullable() },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return applications.waitlistOf(applicantOf(request).accountId, request.params.id);
    },
  );

  r.delete(
    '/applications/:id/waitlist',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'leaveWaitlist',
        summary: 'Leave the waitlist; a seat held for you passes to the next entry',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await applications.leaveWaitlist(applicantOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/applications/:id/waitlist/offer/accept',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'acceptWaitlistOffer',
        summary: 'Accept the seat offered: the submit into it (billing code, pay within 2 hours)',
        params: idParams,
        response: { 200: applicationSchema },
      },
    },
    (request) =>
      applications.acceptOffer(applicantOf(request).accountId, request.params.id, languageOf(request)),
  );

  r.post(
    '/applications/:id/waitlist/offer/decline',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'declineWaitlistOffer',
        summary: 'Decline the seat offered: it passes to the next entry, and this entry ends',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await applications.declineOffer(applicantOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/applications/:id/consent',
    {
      config: { access },
      schema: {
        tags: ['applications'],
        operationId: 'getConsent',
        summary: 'Whether the NIK holder’s consent is needed for this application, and whether it was given',
        params: idParams,
        response: { 200: consentSchema },
      },
    },
    (request) => applications.consentOf(applicantOf(request).accountId, request.params.id),
  );

  r.post(
    '/applications/:id/consent/request',
    {
      config: { access },
      schema: {
        tags: ['applications'],
        operationId: 'requestConsent',
        summary: 'Send a consent code to the NIK holder’s own verified contact',
        description:
          'For another adult’s NIK: the code goes to the e-mail of their own M-Paspor account, or else to ' +
          'the phone the civil registry verified for them, never to a contact the requester gives. 409 ' +
          'CONSENT_NOT_NEEDED for the holder’s own NIK or a minor on the holder’s family card (KK); 429 ' +
          'CONSENT_LIMIT past the cap of other adults per account in 30 days; 429 RATE_LIMITED within a ' +
          'minute of the previous code.',
        params: idParams,
        response: { 202: consentRequestedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await applications.requestConsent(applicantOf(request).accountId, request.params.id)),
  );

  r.post(
    '/applications/:id/consent',
    {
      config: { access },
      schema: {
        tags: ['applications'],
        operationId: 'confirmConsent',
        summary:
          'Enter the code the NIK holder gave: their consent is recorded and the application may be submitted',
        params: idParams,
        body: consentCodeSchema,
        response: { 200: consentSchema },
      },
    },
    (request) =>
      applications.confirmConsent(applicantOf(request).accountId, request.params.id, request.body.code),
  );
};
