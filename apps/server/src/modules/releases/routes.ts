import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  joinReleaseQueueSchema,
  officeReleasesSchema,
  releaseDrawParamsSchema,
  releaseDrawSchema,
  releaseProgressSchema,
  releaseQueueParamsSchema,
  ticketParamsSchema,
  ticketSchema,
} from '#shared/contracts/releases.ts';
import { applicantOf } from '../../platform/access.ts';
import { notModifiedResponse, sendPublished, type Caching } from '../../platform/conditional-get.ts';
import { createGate, throughGate } from '../../platform/gate.ts';
import type { ReleasesService } from './service.ts';

const tags = ['offices'];
/** Anyone (a CDN too) may keep it a second: it is public and a second is how often it changes. */
const PROGRESS_CACHING: Caching = { cacheControl: 'public, max-age=1' };

/** The waiting room of each quota release (issue 14; API.md, ADR 0004). */
export const releasesRoutes: FastifyPluginAsync<{
  releases: ReleasesService;
  /** How many ticket reads may use the database at once in this process (platform/gate.ts). */
  ticketReadsAtOnce: number;
}> = async (app, { releases, ticketReadsAtOnce }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ticketReads = createGate(ticketReadsAtOnce);

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
      // Before its token is looked up: the crowd's reads wait on each other, not the submits.
      onRequest: throughGate(ticketReads),
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

  r.get(
    '/offices/:code/releases/:releaseId/progress',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'getReleaseProgress',
        summary: 'What every ticket of a release shares, to follow instead of one’s own ticket',
        description:
          'The same for everyone, at most a second old: the first place not admitted yet, free seats per ' +
          'pool, the draw and the end. A ticket that read `WAITING_FOR_DRAW` or `QUEUED` follows this ' +
          '(`Cache-Control: public, max-age=1`, `ETag`/`304`) and reads itself again only when its place ' +
          'is drawn, its turn comes (`position` < `nextPosition`) or `closedAt` is set; with no seat left ' +
          'in its pools it is `SOLD_OUT`.',
        params: releaseDrawParamsSchema,
        response: { 200: releaseProgressSchema, 304: notModifiedResponse },
      },
    },
    async (request, reply) =>
      sendPublished(
        request,
        reply,
        await releases.progress(request.params.code, request.params.releaseId),
        PROGRESS_CACHING,
      ),
  );
};
