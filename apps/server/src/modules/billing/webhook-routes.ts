import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { paymentNotificationSchema } from '#shared/contracts/payments.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { fieldProblemsFromIssues } from '../../platform/validation.ts';
import type { BillingService } from './service.ts';
import { verifySignature } from './signature.ts';

/**
 * `POST /webhooks/simponi` (API.md "Payments"). The signature covers the raw bytes, so this plugin
 * keeps the body as text: verify first, parse second. A bad or stale signature changes nothing.
 */
export const simponiWebhookRoutes: FastifyPluginAsync<{
  billing: Pick<BillingService, 'recordPayment'>;
  secret: string;
  clock: Clock;
}> = async (app, { billing, secret, clock }) => {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/webhooks/simponi',
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        operationId: 'receivePaymentNotification',
        summary: 'Payment notification from SIMPONI (signed; idempotent on paymentId)',
        description:
          'Header `X-Simponi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, ' +
          'at most 5 minutes old; otherwise `401 SIGNATURE_INVALID`. ' +
          'A payment that cannot be applied (late, other amount, paid twice) is kept for an officer.',
        // Not a session: SIMPONI proves itself by signing the raw body (checked in the handler).
        security: [{ simponiSignature: [] }],
        // The body is kept as text for the signature, so it is documented here, not validated by Fastify.
        documentedBody: { content: { 'application/json': { schema: paymentNotificationSchema } } },
        response: {
          200: z.object({
            received: z.literal(true),
            duplicate: z.boolean(),
            outcome: z.string().optional(),
          }),
        },
      },
    },
    async (request) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const header = request.headers['x-simponi-signature'];
      const verdict = verifySignature(
        secret,
        typeof header === 'string' ? header : undefined,
        raw,
        clock.now(),
      );
      if (verdict !== 'VALID') throw signatureInvalid(verdict);
      const notification = parse(raw);
      const recorded = await billing.recordPayment(
        { ...notification, paidAt: new Date(notification.paidAt) },
        'WEBHOOK',
      );
      return recorded.duplicate
        ? { received: true as const, duplicate: true }
        : { received: true as const, duplicate: false, outcome: recorded.outcome };
    },
  );
};

function parse(raw: string) {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new DomainError({ code: 'BAD_REQUEST' });
  }
  const result = paymentNotificationSchema.safeParse(json, { reportInput: true });
  if (!result.success)
    throw new DomainError({ code: 'VALIDATION', errors: fieldProblemsFromIssues(result.error.issues) });
  return result.data;
}

function signatureInvalid(verdict: 'MALFORMED' | 'STALE' | 'MISMATCH'): DomainError {
  const why = {
    MALFORMED: {
      id: 'Header X-Simponi-Signature tidak ada atau tidak lengkap.',
      en: 'The X-Simponi-Signature header is missing or incomplete.',
    },
    STALE: { id: 'Tanda tangan lebih dari 5 menit.', en: 'The signature is more than 5 minutes old.' },
    MISMATCH: { id: 'Tanda tangan tidak cocok dengan isi.', en: 'The signature does not match the body.' },
  }[verdict];
  return new DomainError({ code: 'SIGNATURE_INVALID', detail: why });
}
