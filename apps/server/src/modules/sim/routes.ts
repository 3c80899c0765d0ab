import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  simClockAdvanceSchema,
  simClockSchema,
  simOfficerSchema,
  simOutboxMessageSchema,
  simOutboxQuerySchema,
  simResidentSchema,
  simResidentsQuerySchema,
} from '#shared/contracts/sim.ts';
import { simDukcapilRoutes } from './dukcapil-routes.ts';
import type { SimSimponi } from './sim-simponi.ts';
import { simSimponiRoutes } from './simponi-routes.ts';
import type { SimService } from './service.ts';

const tags = ['simulation'];

export const simRoutes: FastifyPluginAsync<{ sim: SimService; simponi: SimSimponi }> = async (
  app,
  { sim, simponi },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(simDukcapilRoutes, { residents: () => sim.residents() });
  await app.register(simSimponiRoutes, { simponi });

  r.get(
    '/clock',
    {
      schema: {
        tags,
        operationId: 'simGetClock',
        summary: 'Read the simulated clock',
        response: { 200: simClockSchema },
      },
    },
    () => sim.clock(),
  );

  r.post(
    '/clock',
    {
      schema: {
        tags,
        operationId: 'simAdvanceClock',
        summary: 'Move the simulated clock forward',
        body: simClockAdvanceSchema,
        response: { 200: simClockSchema },
      },
    },
    (request) => sim.advanceClock(request.body.advanceMinutes),
  );

  r.get(
    '/outbox',
    {
      schema: {
        tags,
        operationId: 'simListOutbox',
        summary: 'E-mails and SMS sent to an address, newest first',
        querystring: simOutboxQuerySchema,
        response: { 200: z.array(simOutboxMessageSchema) },
      },
    },
    (request) => sim.outbox(request.query),
  );

  r.get(
    '/dukcapil/residents',
    {
      schema: {
        tags,
        operationId: 'simListResidents',
        summary: 'Synthetic residents of the simulated civil registry (Dukcapil)',
        querystring: simResidentsQuerySchema,
        response: { 200: z.array(simResidentSchema) },
      },
    },
    (request) =>
      sim
        .residents()
        .slice(request.query.offset, request.query.offset + request.query.limit)
        .map((r) => ({
          nik: r.nik,
          fullName: r.fullName,
          dateOfBirth: r.dateOfBirth,
          placeOfBirth: r.placeOfBirth,
          sex: r.sex,
          maritalStatus: r.maritalStatus,
          married: r.maritalStatus !== 'BELUM_KAWIN',
          previousPassportNumber: r.previousPassport?.number ?? null,
        })),
  );

  r.get(
    '/officers',
    {
      schema: {
        tags,
        operationId: 'simListOfficers',
        summary: 'Demo officer accounts and their passwords',
        response: { 200: z.array(simOfficerSchema) },
      },
    },
    async () => (await sim.officers()).map((o) => ({ ...o, roles: [...o.roles] })),
  );
};
