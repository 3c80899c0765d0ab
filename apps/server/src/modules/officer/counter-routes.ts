import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officerApplicationSchema } from '#shared/contracts/officer.ts';
import {
  walkInCreateSchema,
  walkInLaneCodes,
  walkInQuotaSchema,
  walkInQuotaUpdateSchema,
  walkInSlipSchema,
} from '#shared/contracts/walk-ins.ts';
import { uploadBody } from '../../platform/openapi.ts';
import { uploadStream } from '../documents/index.ts';
import { acting } from './acting.ts';
import type { OfficerCounter } from './counter.ts';

const tags = ['officer'];
const idParams = z.object({ id: z.uuid() });
const documentParams = z.object({ id: z.uuid(), kind: z.string().regex(/^[A-Z_]{2,40}$/) });
const SCAN_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

/**
 * The walk-in counter (issue 16; API.md "Officer console"). Registered by `officerRoutes`, whose
 * upload parsers the scans need.
 */
export const officerCounterRoutes: FastifyPluginAsync<{ counter: OfficerCounter }> = async (
  app,
  { counter },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const officer = { config: { access: 'officer' as const } };

  r.post(
    '/officer/walk-ins',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'createWalkIn',
        summary: 'File an application at the counter for the person present, into a walk-in lane (COUNTER)',
        body: walkInCreateSchema,
        response: { 201: officerApplicationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await counter.create(acting(request), request.body)),
  );

  r.put(
    '/officer/walk-ins/:id/documents/:kind',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'uploadWalkInScan',
        summary: 'A scan taken at the desk, under the same rules as the app’s uploads (COUNTER)',
        params: documentParams,
        documentedBody: uploadBody([...SCAN_TYPES, 'application/octet-stream']),
        response: { 201: officerApplicationSchema },
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const view = await counter.upload(acting(request), id, kind, await uploadStream(request));
      return reply.code(201).send(view);
    },
  );

  r.post(
    '/officer/walk-ins/:id/submit',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'submitWalkIn',
        summary: 'Take a seat of today’s lane and bill it: the slip to print (COUNTER)',
        params: idParams,
        response: { 200: walkInSlipSchema },
      },
    },
    (request) => counter.submit(acting(request), request.params.id),
  );

  r.get(
    '/officer/walk-in-quotas',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'walkInQuotas',
        summary: 'Today’s walk-in quota per lane of my office: daily, used, left',
        response: { 200: walkInQuotaSchema },
      },
    },
    (request) => counter.quotas(acting(request)),
  );

  r.put(
    '/officer/walk-in-quotas/:lane',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'setWalkInQuota',
        summary: 'Set a lane’s daily walk-in quota of my office (OFFICE_ADMIN)',
        params: z.object({ lane: z.enum(walkInLaneCodes) }),
        body: walkInQuotaUpdateSchema,
        response: { 200: walkInQuotaSchema },
      },
    },
    (request) => counter.setQuota(acting(request), request.params.lane, request.body.daily),
  );
};
