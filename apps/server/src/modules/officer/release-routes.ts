import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { officerReleasesQuerySchema, officerReleasesSchema } from '#shared/contracts/officer-releases.ts';
import type { Clock } from '../../platform/clock.ts';
import { acting } from './acting.ts';
import { officeReleases, type ReleasesReader } from './releases.ts';

/** The console's "Pembukaan kuota" page. Registered by `officerRoutes`. */
export const officerReleaseRoutes: FastifyPluginAsync<{ releases: ReleasesReader; clock: Clock }> = async (
  app,
  deps,
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/officer/releases',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['officer'],
        operationId: 'getOfficerReleases',
        summary: 'The office’s next and recent quota releases, with the queues running now',
        querystring: officerReleasesQuerySchema,
        response: { 200: officerReleasesSchema },
      },
    },
    async (request, reply) => {
      const answer = await officeReleases(deps, acting(request), request.query.office);
      // Live figures: a cached copy would show a queue that has moved on.
      return reply.header('cache-control', 'private, no-store').send(answer);
    },
  );
};
