import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionQuerySchema, sessionSchema } from '#shared/contracts/sessions.ts';
import type { SchedulingService } from './service.ts';

export const schedulingRoutes: FastifyPluginAsync<{ scheduling: SchedulingService }> = async (
  app,
  { scheduling },
) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/offices/:code/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['offices'],
        operationId: 'listOfficeSessions',
        summary: 'Released sessions still ahead, with the seats left',
        params: z.object({ code: z.string().regex(/^[A-Z_]{2,40}$/) }),
        querystring: sessionQuerySchema,
        response: { 200: z.array(sessionSchema) },
      },
    },
    (request) => scheduling.listSessions(request.params.code, request.query),
  );
};
