import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  lossDecisionInputSchema,
  lossReportInputSchema,
  lossReportSchema,
} from '#shared/contracts/losses.ts';
import { specialRescheduleSchema } from '#shared/contracts/corrections.ts';
import { contestDecisionInputSchema, contestStateSchema } from '#shared/contracts/contests.ts';
import { officerApplicationSchema } from '#shared/contracts/officer.ts';
import { acting } from './acting.ts';
import type { OfficerLosses } from './loss.ts';

const tags = ['officer'];
const idParams = z.object({ id: z.uuid() });

/** Lost and damaged passports at the visit, and the office's special reschedule (issue 16). */
export const officerLossRoutes: FastifyPluginAsync<{ losses: OfficerLosses }> = async (app, { losses }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const officer = { config: { access: 'officer' as const } };

  r.put(
    '/officer/applications/:id/loss-report',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'recordLossReport',
        summary: 'Record the examination report (BAP) of a lost or damaged passport (VERIFIER)',
        params: idParams,
        body: lossReportInputSchema,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => losses.record(acting(request), request.params.id, request.body),
  );

  r.get(
    '/officer/applications/:id/loss-report',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'getLossReport',
        summary: 'The BAP, the decision and the fine of a lost or damaged passport (null before the BAP)',
        params: idParams,
        response: { 200: lossReportSchema.nullable() },
      },
    },
    (request) => losses.read(acting(request), request.params.id),
  );

  r.post(
    '/officer/applications/:id/special-reschedule',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'specialReschedule',
        summary:
          'The office moves a paid appointment to another session of the same office, beyond the applicant’s one reschedule (OFFICE_ADMIN)',
        params: idParams,
        body: specialRescheduleSchema,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => losses.specialReschedule(acting(request), request.params.id, request.body),
  );

  r.post(
    '/officer/applications/:id/loss-decision',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'decideLoss',
        summary:
          'The head of office decides: issue (fine billed unless force majeure), defer, or refuse (OFFICE_ADMIN)',
        params: idParams,
        body: lossDecisionInputSchema,
        response: { 200: lossReportSchema },
      },
    },
    (request) => losses.decide(acting(request), request.params.id, request.body),
  );

  r.get(
    '/officer/applications/:id/contest',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'getContestForOffice',
        summary: 'The applicant’s objection to a rejection of my office, if any',
        params: idParams,
        response: { 200: contestStateSchema },
      },
    },
    (request) => losses.contest(acting(request), request.params.id),
  );

  r.post(
    '/officer/applications/:id/contest-decision',
    {
      ...officer,
      schema: {
        tags,
        operationId: 'decideContest',
        summary: 'Uphold or overturn an objection (ADJUDICATOR, not the officer who rejected)',
        description:
          'OVERTURN reopens the application at the step it was rejected (a new verification or adjudication); ' +
          '403 CONTEST_OWN_REJECTION for the officer who rejected; 409 NO_PENDING_CONTEST.',
        params: idParams,
        body: contestDecisionInputSchema,
        response: { 200: contestStateSchema },
      },
    },
    (request) => losses.decideContest(acting(request), request.params.id, request.body),
  );
};
