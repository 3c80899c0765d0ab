import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  partnerChangeSchema,
  partnerHealthSchema,
  partnerOutageInputSchema,
  paymentPartnerSchema,
} from '#shared/contracts/officer-admin.ts';
import { acting } from './acting.ts';
import type { PartnerHealthDesk } from './partner-health.ts';

const tags = ['officer administration'];
const config = { access: 'officer' as const };
const params = z.object({ partner: paymentPartnerSchema });

/** The console's switch for payment partners (issue 15): read by administrators, changed by HQ. */
export const partnerHealthRoutes: FastifyPluginAsync<{ desk: PartnerHealthDesk }> = async (app, { desk }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/officer/partner-health',
    {
      config,
      schema: {
        tags,
        operationId: 'getPartnerHealth',
        summary: 'SIMPONI and each payment channel, up or down, and whether payment is frozen',
        response: { 200: partnerHealthSchema },
      },
    },
    (request) => desk.health(acting(request)),
  );

  r.post(
    '/officer/partner-health/:partner/outage',
    {
      config,
      schema: {
        tags,
        operationId: 'declarePartnerOutage',
        summary: 'Declare SIMPONI or a channel down (HQ)',
        description:
          'With SIMPONI down, or every channel down, payment is frozen: no billing expires until it ends, ' +
          'and then every pending deadline that fell inside it moves by its length (history note, e-mail). ' +
          '409 INVALID_STATE when the partner is already down.',
        params,
        body: partnerOutageInputSchema,
        response: { 201: partnerChangeSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await desk.declareDown(acting(request), request.params.partner, request.body.reason)),
  );

  r.post(
    '/officer/partner-health/:partner/recovery',
    {
      config,
      schema: {
        tags,
        operationId: 'declarePartnerRecovery',
        summary: 'Declare SIMPONI or a channel working again (HQ); ends a freeze it was part of',
        description: '409 INVALID_STATE when the partner is not declared down.',
        params,
        body: partnerOutageInputSchema,
        response: { 200: partnerChangeSchema },
      },
    },
    (request) => desk.declareUp(acting(request), request.params.partner, request.body.reason),
  );
};
