import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  joinReleaseQueueSchema,
  officeReleasesSchema,
  releaseDrawParamsSchema,
  releaseDrawSchema,
  releaseQueueParamsSchema,
  ticketParamsSchema,
  ticketSchema,
} from '#shared/contracts/releases.ts';
import { applicantOf } from '../../platform/access.ts';
import type { ReleasesService } from './service.ts';

const tags = ['offices'];

/** The waiting room of each quota release (issue 14; API.md, ADR 0004). */
export const releasesRoutes: FastifyPluginAsync<{ releases: ReleasesService }> = async (
  app,
  { releases },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/offices/:code/release-queue',
    {
      config: { access: 'applicant' },
      schema: {
        tags,
        operationId: 'joinReleaseQueue',
        summary: 'Join the office’s release queue with a complete draft (again: the same ticket)',
        params: releaseQueueParamsSchema,
        body: joinReleaseQueueSchema,
        response: { 200: ticketSchema, 201: ticketSchema },
      },
    },
    async (request, reply) => {
      const { ticket, created } = await releases.join(
        applicantOf(request).accountId,
        request.params.code,
        request.body.applicationId,
      );
      return reply.code(created ? 201 : 200).send(ticket);
    },
  );

  r.get(
    '/offices/:code/release-queue/:ticketId',
    {
      config: { access: 'applicant' },
      schema: {
        tags,
        operationId: 'getReleaseTicket',
        summary: 'My place in the queue: position, people ahead, wait, admission or SOLD_OUT',
        params: ticketParamsSchema,
        response: { 200: ticketSchema },
      },
    },
    async (request, reply) => {
      const ticket = await releases.ticket(
        applicantOf(request).accountId,
        request.params.code,
        request.params.ticketId,
      );
      return reply.header('cache-control', 'private, no-store').send(ticket);
    },
  );

  r.get(
    '/offices/:code/releases',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'listOfficeReleases',
        summary: 'The office’s next release and the public record of its releases (seed, draw, sell-out)',
        params: releaseQueueParamsSchema,
        response: { 200: officeReleasesSchema },
      },
    },
    (request) => releases.releasesOf(request.params.code),
  );

  r.get(
    '/offices/:code/releases/:releaseId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getReleaseDraw',
        summary: 'One release with its drawn order, to re-check against the published seed',
        params: releaseDrawParamsSchema,
        response: { 200: releaseDrawSchema },
      },
    },
    (request) => releases.draw(request.params.code, request.params.releaseId),
  );
};
