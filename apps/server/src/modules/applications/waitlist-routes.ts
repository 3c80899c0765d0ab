import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationSchema } from '#shared/contracts/applications.ts';
import { waitlistJoinSchema, waitlistSchema } from '#shared/contracts/waitlist.ts';
import { applicantOf } from '../../platform/access.ts';
import { languageOf } from '../../platform/language.ts';
import type { ApplicationsService } from './service.ts';

const tags = ['waitlist'];
const idParams = z.object({ id: z.uuid() });

/** The waitlist of freed seats (issue 15): join, follow, leave; accept or decline the seat offered. */
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
          'entry in order of joining gets it held as an offer; a no-show in the past 6 months waits behind.',
        params: idParams,
        body: waitlistJoinSchema,
        response: { 201: waitlistSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await applications.joinWaitlist(applicantOf(request).accountId, request.params.id, request.body),
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
};
