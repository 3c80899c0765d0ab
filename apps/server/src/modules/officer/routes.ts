import type {} from '@fastify/cookie';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  officerApplicationSchema,
  officerLoginSchema,
  officerSchema,
  officerSessionSchema,
  queueEntrySchema,
  queueQuerySchema,
} from '#shared/contracts/officer.ts';
import { officerOf } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { fileResponse } from '../../platform/openapi.ts';
import { registerUploadParsers, scanDownloadHeaders } from '../documents/index.ts';
import { localDate } from '../scheduling/index.ts';
import { login, logout, OFFICER_COOKIE, type OfficerAuthDeps } from './auth.ts';
import { acting } from './acting.ts';
import type { OfficerDesk } from './desk.ts';
import { officerReleaseRoutes } from './release-routes.ts';
import type { ReleasesReader } from './releases.ts';
import { officerVisitRoutes } from './visit-routes.ts';
import { officerCounterRoutes } from './counter-routes.ts';
import type { OfficerCounter } from './counter.ts';
import { officerLossRoutes } from './loss-routes.ts';
import type { OfficerLosses } from './loss.ts';

const tags = ['officer'];
const idParams = z.object({ id: z.uuid() });
const documentParams = z.object({ id: z.uuid(), kind: z.string().regex(/^[A-Z_]{2,40}$/) });
const CSRF_COOKIE = 'mpaspor_officer_csrf';
/** Scans (JPEG, PNG, PDF) and the biometric photo. */
const DOCUMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

export interface OfficerRoutesOptions {
  readonly auth: OfficerAuthDeps;
  readonly desk: OfficerDesk;
  readonly clock: Clock;
  readonly officeName: (code: string | null) => Promise<string | null>;
  readonly maxUploadBytes: number;
  readonly secureCookies: boolean;
  readonly releases: ReleasesReader;
  readonly counter: OfficerCounter;
  readonly losses: OfficerLosses;
}

export const officerRoutes: FastifyPluginAsync<OfficerRoutesOptions> = async (app, options) => {
  const { desk } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerUploadParsers(app, { maxBytes: options.maxUploadBytes });
  const access = 'officer' as const;
  const cookieOptions = { path: '/', sameSite: 'strict' as const, secure: options.secureCookies };
  const visit = { config: { access } };

  r.post(
    '/officer/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'officerLogIn',
        summary: 'Officer log-in (TOTP in production)',
        body: officerLoginSchema,
        response: { 201: officerSessionSchema },
      },
    },
    async (request, reply) => {
      const session = await login(options.auth, request.body, { ip: request.ip });
      const maxAge = 10 * 3600;
      reply
        .setCookie(OFFICER_COOKIE, session.token, { ...cookieOptions, httpOnly: true, maxAge })
        .setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieOptions, httpOnly: false, maxAge });
      const o = session.officer;
      return reply.code(201).send({
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        csrfToken: session.csrfToken,
        officer: {
          username: o.username,
          fullName: o.fullName,
          officeCode: o.officeCode,
          officeName: await options.officeName(o.officeCode),
          roles: o.roles as z.infer<typeof officerSchema>['roles'],
        },
      });
    },
  );

  r.delete(
    '/officer/sessions/current',
    {
      ...visit,
      schema: { tags, operationId: 'officerLogOut', summary: 'Log out', response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      await logout(options.auth, officerOf(request).sessionId);
      reply.clearCookie(OFFICER_COOKIE, cookieOptions).clearCookie(CSRF_COOKIE, cookieOptions);
      return reply.code(204).send();
    },
  );

  r.get(
    '/officer/me',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'getCurrentOfficer',
        summary: 'The officer logged in, with their office and roles',
        response: { 200: officerSchema },
      },
    },
    async (request) => {
      const o = officerOf(request);
      return {
        username: o.username,
        fullName: o.fullName,
        officeCode: o.officeCode,
        officeName: await options.officeName(o.officeCode),
        roles: o.roles as z.infer<typeof officerSchema>['roles'],
      };
    },
  );

  r.get(
    '/officer/queue',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'getOfficeQueue',
        summary: "The office's applicants of a day",
        querystring: queueQuerySchema,
        response: { 200: z.array(queueEntrySchema) },
      },
    },
    async (request) => {
      const who = acting(request);
      const date = request.query.date ?? localDate(options.clock.now(), 'Asia/Jakarta');
      return desk.queue(who, date, request.query.q);
    },
  );

  r.get(
    '/officer/applications',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'findApplicationByNumber',
        summary: 'Find by application number',
        querystring: z.object({ number: z.string().max(40) }),
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.findByNumber(acting(request), request.query.number),
  );

  r.get(
    '/officer/applications/:id',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'getOfficerApplication',
        summary: 'One application with its documents (audited)',
        params: idParams,
        response: { 200: officerApplicationSchema },
      },
    },
    (request) => desk.read(acting(request), request.params.id),
  );

  r.get(
    '/officer/applications/:id/documents/:kind',
    {
      ...visit,
      schema: {
        tags,
        operationId: 'downloadApplicationDocument',
        summary: 'A scan or the biometric photo (audited)',
        params: documentParams,
        response: { 200: fileResponse('The file as stored', DOCUMENT_TYPES) },
      },
    },
    async (request, reply) => {
      const { scan, stream } = await desk.openDocument(
        acting(request),
        request.params.id,
        request.params.kind,
      );
      return reply.headers(scanDownloadHeaders(scan)).send(stream);
    },
  );
  await app.register(officerVisitRoutes, { desk });
  await app.register(officerCounterRoutes, { counter: options.counter });
  await app.register(officerLossRoutes, { losses: options.losses });
  await app.register(officerReleaseRoutes, { releases: options.releases, clock: options.clock });
};
