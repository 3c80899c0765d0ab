import type {} from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountCreatedSchema,
  accountSchema,
  accountUpdateSchema,
  emailOnlySchema,
  loginSchema,
  passwordResetConfirmSchema,
  registrationSchema,
  sessionCreatedSchema,
  verifyEmailSchema,
} from '#shared/contracts/accounts.ts';
import { applicantOf } from '../../platform/access.ts';
import { languageOf } from '../../platform/language.ts';
import type { AccountsService } from './service.ts';
import { toAccount } from './service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions.ts';

const tags = ['accounts'];
const accepted = z.object({ accepted: z.literal(true) });

export const accountsRoutes: FastifyPluginAsync<{
  accounts: AccountsService;
  secureCookies: boolean;
}> = async (app, { accounts, secureCookies }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', sameSite: 'lax' as const, secure: secureCookies };
  const clearSession = (reply: FastifyReply) =>
    reply.clearCookie(SESSION_COOKIE, cookieOptions).clearCookie(CSRF_COOKIE, cookieOptions);

  r.post(
    '/accounts',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'registerAccount',
        summary: 'Register with biodata; a 6-digit code is e-mailed',
        body: registrationSchema,
        response: { 201: accountCreatedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await accounts.register(request.body, { ip: request.ip, language: languageOf(request) })),
  );

  r.post(
    '/accounts/verify-email',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'verifyEmail',
        summary: 'Verify the e-mail address with the code',
        body: verifyEmailSchema,
        response: { 200: z.object({ emailVerified: z.literal(true) }) },
      },
    },
    (request) => accounts.verifyEmail(request.body, { ip: request.ip }),
  );

  r.post(
    '/accounts/resend-verification',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'resendVerificationCode',
        summary: 'Send a new verification code (same answer for any address)',
        body: emailOnlySchema,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await accounts.resendVerification(request.body.email, { ip: request.ip });
      return reply.code(202).send({ accepted: true });
    },
  );

  r.post(
    '/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'logIn',
        summary: 'Log in',
        description:
          'Answers a bearer token (apps) and also sets the session cookie and a readable CSRF cookie ' +
          '(browsers: send its value as `X-CSRF-Token` on writes).',
        body: loginSchema,
        response: { 201: sessionCreatedSchema },
      },
    },
    async (request, reply) => {
      const session = await accounts.login(request.body, { ip: request.ip });
      const maxAge = Math.floor((session.absoluteExpiresAt.getTime() - Date.now()) / 1000);
      reply
        .setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, httpOnly: true, maxAge })
        .setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieOptions, httpOnly: false, maxAge });
      return reply.code(201).send({
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        csrfToken: session.csrfToken,
        account: toAccount(session.account),
      });
    },
  );

  r.delete(
    '/sessions/current',
    {
      config: { access: 'applicant' },
      schema: { tags, operationId: 'logOut', summary: 'Log out', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await accounts.logout(applicantOf(request).sessionId);
      return clearSession(reply).code(204).send(null);
    },
  );

  r.get(
    '/me',
    {
      config: { access: 'applicant' },
      schema: { tags, operationId: 'getMyAccount', summary: 'My account', response: { 200: accountSchema } },
    },
    (request) => accounts.getAccount(applicantOf(request).accountId),
  );

  r.patch(
    '/me',
    {
      config: { access: 'applicant' },
      schema: {
        tags,
        operationId: 'updateMyAccount',
        summary: 'Change my language (e-mails and SMS)',
        body: accountUpdateSchema,
        response: { 200: accountSchema },
      },
    },
    (request) => accounts.setLanguage(applicantOf(request).accountId, request.body.language),
  );

  r.post(
    '/password-resets',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'requestPasswordReset',
        summary: 'E-mail a password reset code (same answer for any address)',
        body: emailOnlySchema,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body.email, { ip: request.ip });
      return reply.code(202).send({ accepted: true });
    },
  );

  r.post(
    '/password-resets/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        operationId: 'confirmPasswordReset',
        summary: 'Set a new password with the code; ends all sessions',
        body: passwordResetConfirmSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await accounts.confirmPasswordReset(request.body, { ip: request.ip });
      return clearSession(reply).code(204).send(null);
    },
  );
};
