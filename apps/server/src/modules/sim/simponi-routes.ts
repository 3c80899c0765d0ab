import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoInstant } from '#shared/contracts/common.ts';
import { paymentChannels } from '#shared/contracts/payments.ts';
import { problemCatalog } from '#shared/problems/index.ts';
import { isDomainError } from '../../platform/errors.ts';
import {
  fromWireBillingRequest,
  simponiBillingExtensionSchema,
  simponiBillingRequestSchema,
  simponiBillingResponseSchema,
  simponiNotFoundSchema,
  simponiPaymentStatusResponseSchema,
  toWireBilling,
  toWirePaymentStatus,
} from '../billing/index.ts';
import type { createSimSimponi, SimPayReceipt } from './sim-simponi.ts';
import { billingPage, errorPage, lookupPage, receiptPage, sendPage } from './simponi-pay-page.ts';

export interface SimSimponiRoutesOptions {
  readonly simponi: ReturnType<typeof createSimSimponi>;
}

const tags = ['simulation'];
const billingCode = z.string().regex(/^\d{15}$/, 'Kode billing terdiri dari 15 angka');

const deliverySchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('NORMAL') }),
    z.object({ mode: z.literal('TWICE') }),
    z.object({ mode: z.literal('DELAYED'), delaySeconds: z.number().min(0).max(3_600) }),
    z.object({ mode: z.literal('NEVER') }),
  ])
  .describe(
    'How the payment notification reaches M-Paspor: NORMAL (default), TWICE (a duplicate), ' +
      'DELAYED (after delaySeconds, so payments can arrive out of order) or NEVER (lost)',
  );

const payBodySchema = z
  .object({ billingCode, channel: z.enum(paymentChannels), delivery: deliverySchema.optional() })
  .strict();

const payReceiptSchema = z
  .object({
    paymentId: z.string(),
    ntpn: z.string().describe('Nomor Transaksi Penerimaan Negara, 16 characters'),
    ntb: z.string().describe('Nomor Transaksi Bank: the channel’s reference'),
    paidAt: isoInstant,
  })
  .meta({ id: 'SimSimponiPayment' });

const payFormSchema = z.object({ code: billingCode, channel: z.enum(paymentChannels) });

/**
 * The simulated SIMPONI over HTTP: a channel's "pay" (JSON, and a small page for people), and the
 * billing wire contract (billing README), so the real adapter can be pointed at it:
 * SIMPONI_URL=http://host:port/sim/simponi. Credentials are accepted and ignored.
 */
export const simSimponiRoutes: FastifyPluginAsync<SimSimponiRoutesOptions> = async (app, { simponi }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Forms only here: this plugin is encapsulated, so the API never accepts urlencoded bodies
  // (a cross-site form post to it stays impossible).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4_096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  r.post(
    '/simponi/pay',
    {
      schema: {
        tags,
        operationId: 'simPayBilling',
        summary: 'Pay a billing code as a bank, marketplace or minimarket would; the webhook follows',
        body: payBodySchema,
        response: { 200: payReceiptSchema },
      },
    },
    async (request) => receiptJson(await simponi.pay(request.body)),
  );

  r.post(
    '/simponi/billing',
    {
      schema: {
        tags,
        operationId: 'simCreateBilling',
        summary: 'SIMPONI wire contract: issue a billing code (honours Idempotency-Key)',
        body: simponiBillingRequestSchema,
        response: { 201: simponiBillingResponseSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const billing = await simponi.createBilling(
        fromWireBillingRequest(request.body),
        typeof key === 'string' && key.length > 0 ? key : undefined,
      );
      return reply.code(201).send(toWireBilling(billing));
    },
  );

  r.patch(
    '/simponi/billing/:code',
    {
      schema: {
        tags,
        operationId: 'simExtendBilling',
        summary: 'SIMPONI wire contract: a new deadline for an unpaid code (after a payment outage)',
        params: z.object({ code: z.string().max(40) }),
        body: simponiBillingExtensionSchema,
        response: { 204: z.null(), 404: simponiNotFoundSchema },
      },
    },
    async (request, reply) => {
      if (!(await simponi.findBilling(request.params.code))) {
        return reply.code(404).send({ pesan: 'Kode billing tidak ditemukan' });
      }
      await simponi.port.extendBilling(request.params.code, new Date(request.body.kedaluwarsa));
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/simponi/billing/:code',
    {
      schema: {
        tags,
        operationId: 'simVoidBilling',
        summary: 'SIMPONI wire contract: void an unpaid code (its application was cancelled or expired)',
        params: z.object({ code: z.string().max(40) }),
        response: { 204: z.null(), 404: simponiNotFoundSchema },
      },
    },
    async (request, reply) => {
      if (!(await simponi.findBilling(request.params.code))) {
        return reply.code(404).send({ pesan: 'Kode billing tidak ditemukan' });
      }
      await simponi.port.voidBilling(request.params.code);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/simponi/billing/:code',
    {
      schema: {
        tags,
        operationId: 'simGetBillingStatus',
        summary: 'SIMPONI wire contract: whether a billing code was paid',
        params: z.object({ code: z.string().max(40) }),
        response: { 200: simponiPaymentStatusResponseSchema, 404: simponiNotFoundSchema },
      },
    },
    async (request, reply) => {
      const status = await simponi.port.getPaymentStatus(request.params.code);
      if (status.status === 'NOT_FOUND') {
        return reply.code(404).send({ pesan: 'Kode billing tidak ditemukan' });
      }
      return toWirePaymentStatus(status);
    },
  );

  app.get('/simponi/pay', { schema: { hide: true } }, async (request, reply) => {
    // `billingCode` as in the JSON API; `code` as the page's own form sends it.
    const query = request.query as Record<string, unknown>;
    const code = query.code ?? query.billingCode;
    if (typeof code !== 'string' || !billingCode.safeParse(code).success) {
      return sendPage(reply, code === undefined ? 200 : 400, lookupPage(code !== undefined));
    }
    const entry = await simponi.findBilling(code);
    if (!entry) return sendPage(reply, 404, errorPage(problemCatalog.BILLING_NOT_FOUND.title.id));
    return sendPage(reply, 200, billingPage(entry));
  });

  app.post('/simponi/pay-form', { schema: { hide: true } }, async (request, reply) => {
    const form = payFormSchema.safeParse(request.body);
    if (!form.success) return sendPage(reply, 400, lookupPage(true));
    try {
      const receipt = await simponi.pay({ billingCode: form.data.code, channel: form.data.channel });
      return sendPage(reply, 200, receiptPage(form.data.code, form.data.channel, receipt));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const problem = problemCatalog[error.code];
      return sendPage(reply, problem.status, errorPage(problem.title.id, form.data.code));
    }
  });
};

function receiptJson(receipt: SimPayReceipt) {
  return { ...receipt, paidAt: receipt.paidAt.toISOString() };
}
