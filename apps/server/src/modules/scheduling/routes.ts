import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionQuerySchema, sessionSchema } from '#shared/contracts/sessions.ts';
import { notModifiedResponse, sendPublished } from '../../platform/conditional-get.ts';
import type { SchedulingService } from './service.ts';

/**
 * Seats left are the same for everyone and name no one: browsers and CDNs may keep a listing for a
 * second and share it (`public`), which is what absorbs a crowd at a release instant; past that second
 * they ask again with `If-None-Match` and mostly get a 304.
 */
const LISTING_CACHING = { cacheControl: 'public, max-age=1' };

/** Listings per client address and minute (issue 15), counted per instance: see createMemoryRateLimitStore. */
export const listingsPerIp = { name: 'sessions-ip', limit: 300, windowMs: 60_000, scales: true } as const;

export const schedulingRoutes: FastifyPluginAsync<{
  scheduling: SchedulingService;
  /** Velocity limit per client address (issue 15: bots refreshing for freed seats); throws 429. */
  limitListing: (ip: string) => Promise<void>;
}> = async (app, { scheduling, limitListing }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/offices/:code/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['offices'],
        operationId: 'listOfficeSessions',
        summary: 'Released sessions still ahead, with the seats left',
        description:
          'Served from a short-lived cache: the seats left may be up to one second old when the answer ' +
          'leaves the server, and `Cache-Control: public, max-age=1` lets browsers and CDNs keep it one ' +
          'second more. A submit always checks the seat itself (409 `SESSION_FULL` when it is gone). ' +
          'The `ETag` is strong; send it back in `If-None-Match` to get 304 while nothing changed. ' +
          'More than 300 listings a minute from one address answer 429 `RATE_LIMITED` with `Retry-After`.',
        params: z.object({ code: z.string().regex(/^[A-Z_]{2,40}$/) }),
        querystring: sessionQuerySchema,
        response: { 200: z.array(sessionSchema), 304: notModifiedResponse },
      },
    },
    async (request, reply) => {
      await limitListing(request.ip);
      return sendPublished(
        request,
        reply,
        await scheduling.availability.listing(request.params.code, request.query),
        LISTING_CACHING,
      );
    },
  );
};
