import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, officeScheduleSchema } from '#shared/contracts/officer.ts';
import {
  officerAccountSchema,
  officerCreatedSchema,
  officerCreateSchema,
  paymentNeedingAttentionSchema,
  paymentResolutionInputSchema,
  paymentResolutionSchema,
  schedulePreviewDaySchema,
  type SchedulePreviewDay,
} from '#shared/contracts/officer-admin.ts';
import type { OfficerAdmin } from './admin.ts';
import { acting } from './acting.ts';

const tags = ['officer administration'];
const officeParams = z.object({ code: z.string().regex(/^[A-Z0-9_]{2,40}$/) });
const config = { access: 'officer' as const };

export const officerAdminRoutes: FastifyPluginAsync<{ admin: OfficerAdmin }> = async (app, { admin }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/officer/offices/:code/schedule',
    {
      config,
      schema: {
        tags,
        operationId: 'getOfficeSchedule',
        summary: 'The weekly template, release rule and closures of an office',
        params: officeParams,
        response: { 200: officeScheduleSchema },
      },
    },
    (request) => admin.schedule(acting(request), request.params.code),
  );

  r.put(
    '/officer/offices/:code/schedule',
    {
      config,
      schema: {
        tags,
        operationId: 'saveOfficeSchedule',
        summary: 'Save the weekly template, release rule and closures',
        description: 'Unreleased sessions without bookings are planned again; seats already sold stay.',
        params: officeParams,
        body: officeScheduleSchema,
        response: { 200: officeScheduleSchema },
      },
    },
    (request) => admin.saveSchedule(acting(request), request.params.code, request.body),
  );

  r.post(
    '/officer/offices/:code/schedule/preview',
    {
      config,
      schema: {
        tags,
        operationId: 'previewOfficeSchedule',
        summary: 'The next three weeks of sessions this schedule would give; nothing saved',
        params: officeParams,
        body: officeScheduleSchema,
        response: { 200: z.array(schedulePreviewDaySchema) },
      },
    },
    // The scheduling service answers `unknown` here; the response schema checks it on the way out.
    async (request) =>
      (await admin.preview(acting(request), request.params.code, request.body)) as SchedulePreviewDay[],
  );

  r.get(
    '/officer/payments/attention',
    {
      config,
      schema: {
        tags,
        operationId: 'listPaymentsNeedingAttention',
        summary: 'Payments to refund or reinstate (late, wrong amount, paid twice)',
        response: { 200: z.array(paymentNeedingAttentionSchema) },
      },
    },
    (request) => admin.paymentsNeedingAttention(acting(request)),
  );

  r.post(
    '/officer/payments/:paymentId/resolution',
    {
      config,
      schema: {
        tags,
        operationId: 'resolvePayment',
        summary: 'Resolve a payment needing attention (refund requested, or settled by hand)',
        params: z.object({ paymentId: z.string().min(1).max(100) }),
        body: paymentResolutionInputSchema,
        response: { 200: paymentResolutionSchema },
      },
    },
    (request) => admin.resolvePayment(acting(request), request.params.paymentId, request.body),
  );

  r.get(
    '/officer/audit',
    {
      config,
      schema: {
        tags,
        operationId: 'listAuditEntries',
        summary: 'The audit log: headquarters all offices, an office administrator their own office',
        querystring: z.object({
          officer: z.string().max(100).optional(),
          applicationId: z.uuid().optional(),
          officeCode: z.string().max(40).optional(),
          from: z.iso.datetime().optional(),
          to: z.iso.datetime().optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: { 200: z.array(auditEntrySchema) },
      },
    },
    (request) => {
      const q = request.query;
      return admin.audit(acting(request), {
        officer: q.officer,
        applicationId: q.applicationId,
        officeCode: q.officeCode,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        limit: q.limit,
      });
    },
  );

  r.get(
    '/officer/officers',
    {
      config,
      schema: {
        tags,
        operationId: 'listOfficers',
        summary: 'Officers (HQ)',
        querystring: z.object({ officeCode: z.string().max(40).optional() }),
        response: { 200: z.array(officerAccountSchema) },
      },
    },
    (request) => admin.officers(acting(request), request.query.officeCode),
  );

  r.post(
    '/officer/officers',
    {
      config,
      schema: {
        tags,
        operationId: 'createOfficer',
        summary: 'Create an officer (HQ); the TOTP secret is returned once',
        body: officerCreateSchema,
        response: { 201: officerCreatedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await admin.createOfficer(acting(request), request.body)),
  );
};
