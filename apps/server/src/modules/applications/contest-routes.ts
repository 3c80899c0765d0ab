import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contestInputSchema, contestStateSchema } from '#shared/contracts/contests.ts';
import { applicantOf } from '../../platform/access.ts';
import { uploadBody } from '../../platform/openapi.ts';
import { uploadStream } from '../documents/index.ts';
import type { ApplicationsService } from './service.ts';

const tags = ['applications'];
const idParams = z.object({ id: z.uuid() });
const SCAN_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

/**
 * Contesting a rejection once (keberatan, issue 16). Registered by `applicationsRoutes`, whose upload
 * parsers the new document needs.
 */
export const contestRoutes: FastifyPluginAsync<{ applications: ApplicationsService }> = async (
  app,
  { applications },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = 'applicant' as const;

  r.get(
    '/applications/:id/contest',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'getContest',
        summary: 'Whether a rejection can still be contested, by when, and the objection filed',
        params: idParams,
        response: { 200: contestStateSchema },
      },
    },
    (request) => applications.contestOf(applicantOf(request).accountId, request.params.id),
  );

  r.put(
    '/applications/:id/contest/evidence',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'uploadContestEvidence',
        summary: 'The new document supporting an objection (JPEG, PNG or PDF), before filing it',
        description:
          'Same upload rules as the scans; replaced until the objection is filed. 422 CONTEST_NOT_ALLOWED outside the window.',
        params: idParams,
        documentedBody: uploadBody([...SCAN_TYPES, 'application/octet-stream']),
        response: { 201: contestStateSchema },
      },
    },
    async (request, reply) => {
      const state = await applications.uploadContestEvidence(
        applicantOf(request).accountId,
        request.params.id,
        await uploadStream(request),
      );
      return reply.code(201).send(state);
    },
  );

  r.post(
    '/applications/:id/contest',
    {
      config: { access },
      schema: {
        tags,
        operationId: 'fileContest',
        summary: 'Contest a rejection, once, within 21 working days (UU 30/2014 Art. 77)',
        description:
          'Needs the new document first (422 CONTEST_EVIDENCE_REQUIRED). Decided within 10 working days by an ' +
          'adjudicator other than the officer who rejected; the outcome is e-mailed.',
        params: idParams,
        body: contestInputSchema,
        response: { 201: contestStateSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await applications.fileContest(applicantOf(request).accountId, request.params.id, request.body),
        ),
  );
};
