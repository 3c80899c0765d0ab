import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adjudicationSchema,
  checkInSchema,
  documentVerificationSchema,
  handOverSchema,
  interviewSchema,
  visitRulesSchema,
  officerApplicationSchema,
} from '#shared/contracts/officer.ts';
import { uploadBody } from '../../platform/openapi.ts';
import { uploadStream } from '../documents/index.ts';
import { acting } from './acting.ts';
import type { OfficerDesk } from './desk.ts';

const tags = ['officer'];
const idParams = z.object({ id: z.uuid() });
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

/**
 * The office visit, step by step (API.md "Officer console"). Registered by `officerRoutes`, whose
 * upload parsers the photo needs.
 */
export const officerVisitRoutes: FastifyPluginAsync<{ desk: OfficerDesk }> = async (app, { desk }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const visit = { config: { access: 'officer' as const } };

  r.post(
    '/officer/check-ins',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'checkIn',
        summary: 'Check in by arrival pass or application number',
        body: checkInSchema,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.checkIn(acting(request), request.body),
  );

  r.post(
    '/officer/applications/:id/document-verification',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'verifyDocuments',
        summary: 'The documents checked against the originals: accepted, rejected or some missing',
        params: idParams,
        body: documentVerificationSchema,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.verifyDocuments(acting(request), request.params.id, request.body),
  );

  r.put(
    '/officer/applications/:id/photo',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'recordPhoto',
        summary: 'The biometric photo (JPEG or PNG as the raw body)',
        params: idParams,
        documentedBody: uploadBody([...PHOTO_TYPES, 'application/octet-stream']),
        response: { 201: officerApplicationSchema },
      },
    },
    async (request, reply) => {
      const view = await desk.recordPhoto(acting(request), request.params.id, await uploadStream(request));
      return reply.code(201).send(view);
    },
  );

  r.post(
    '/officer/applications/:id/fingerprints',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'recordFingerprints',
        summary: 'Fingerprints recorded as captured',
        params: idParams,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.recordFingerprints(acting(request), request.params.id),
  );

  r.post(
    '/officer/applications/:id/interview',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'recordInterview',
        summary: 'The interview: notes and a recommendation',
        params: idParams,
        body: interviewSchema,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.interview(acting(request), request.params.id, request.body),
  );

  r.post(
    '/officer/applications/:id/adjudication',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'adjudicateApplication',
        summary: 'Approve or reject the application',
        params: idParams,
        body: adjudicationSchema,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.adjudicate(acting(request), request.params.id, request.body),
  );

  r.post(
    '/officer/applications/:id/issue',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'issuePassport',
        summary: 'Issue the passport (number, validity, ICAO 9303 TD3 MRZ)',
        params: idParams,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.issuePassport(acting(request), request.params.id),
  );

  r.post(
    '/officer/applications/:id/hand-over',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'handOverPassport',
        summary: 'The passport handed over to its holder, once the KTP in hand matches (last 4 NIK digits)',
        description: '422 HANDOVER_IDENTITY_UNCONFIRMED without nikLastDigits or when they do not match.',
        params: idParams,
        body: handOverSchema.nullish(),
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.handOver(acting(request), request.params.id, request.body?.nikLastDigits),
  );

  r.get(
    '/officer/visit-rules',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'visitRules',
        summary: 'My office’s rules for the visit: four eyes (the interviewer does not adjudicate)',
        response: { 200: visitRulesSchema },
      },
    },
    (request) => desk.visitRules(acting(request)),
  );

  r.put(
    '/officer/visit-rules',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'setVisitRules',
        summary: 'Set my office’s rules for the visit (OFFICE_ADMIN; audited)',
        body: visitRulesSchema,
        response: { 200: visitRulesSchema },
      },
    },
    (request) => desk.setVisitRules(acting(request), request.body),
  );
};
