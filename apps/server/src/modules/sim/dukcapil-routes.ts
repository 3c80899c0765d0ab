import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  dukcapilFamilyRequestSchema,
  dukcapilFamilyResponseSchema,
  dukcapilVerifyRequestSchema,
  dukcapilVerifyResponseSchema,
  fromWireRequest,
  toWireFamily,
  toWireResponse,
} from '../identity/index.ts';
import type { Resident } from './residents.ts';
import { createSimDukcapil } from './sim-dukcapil.ts';

export interface SimDukcapilRoutesOptions {
  /** The residents, or a function giving them: generating thousands can wait for the first call. */
  readonly residents: readonly Resident[] | (() => readonly Resident[]);
}

const tags = ['simulation'];

/**
 * The simulated Dukcapil over HTTP, speaking the real wire contract (identity README), so the real
 * adapter can be pointed at it: DUKCAPIL_URL=http://host:port/sim/dukcapil. Credentials are accepted
 * and ignored: the simulator holds only synthetic people.
 */
export const simDukcapilRoutes: FastifyPluginAsync<SimDukcapilRoutesOptions> = async (app, options) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  let registry: ReturnType<typeof createSimDukcapil> | undefined;
  const dukcapil = () => {
    registry ??= createSimDukcapil(
      typeof options.residents === 'function' ? options.residents() : options.residents,
    );
    return registry;
  };

  r.post(
    '/dukcapil/verifikasi',
    {
      schema: {
        tags,
        operationId: 'simVerifyResident',
        summary: 'Check a NIK and biodata against the simulated civil registry (Dukcapil), field by field',
        body: dukcapilVerifyRequestSchema,
        response: { 200: dukcapilVerifyResponseSchema },
      },
    },
    async (request) => {
      const { nik, biodata } = fromWireRequest(request.body);
      return toWireResponse(await dukcapil().verifyResident(nik, biodata));
    },
  );

  r.post(
    '/dukcapil/data-keluarga',
    {
      schema: {
        tags,
        operationId: 'simResidentFamily',
        summary:
          'A resident’s family card (KK), marital status and verified contact in the simulated registry',
        body: dukcapilFamilyRequestSchema,
        response: { 200: dukcapilFamilyResponseSchema },
      },
    },
    async (request) => toWireFamily(dukcapil().familyRecord(request.body.nik)),
  );
};
