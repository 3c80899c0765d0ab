import type { FastifyInstance } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { signPayload } from '../../src/modules/billing/index.ts';
import { registeredSession } from './accounts.ts';
import { completeDraft } from './applications.ts';
import { adultWithoutPassport, takeResident } from './residents.ts';
import type { TestSmtpServer } from './smtp.ts';
import { TEST_SIMPONI_SECRET } from './test-app.ts';

/** Pays a billing code at a simulated channel (`/sim/simponi/pay`); the simulator notifies the app. */
export async function payAtChannel(
  app: FastifyInstance,
  billingCode: string,
  options: { channel?: string; delivery?: object } = {},
) {
  const response = await app.inject({
    method: 'POST',
    url: '/sim/simponi/pay',
    payload: {
      billingCode,
      channel: options.channel ?? 'INDOMARET',
      ...(options.delivery ? { delivery: options.delivery } : {}),
    },
  });
  return response;
}

/** A payment notification as SIMPONI sends it, signed with the test secret. */
export function notification(overrides: Record<string, unknown> = {}) {
  return {
    paymentId: randomUUID(),
    billingCode: '800000000000000',
    amount: 650_000,
    channel: 'ATM',
    paidAt: new Date().toISOString(),
    ntpn: randomBytes(8).toString('hex').toUpperCase(),
    ntb: `ATM${Date.now()}`,
    ...overrides,
  };
}

export function postNotification(
  app: FastifyInstance,
  body: object | string,
  options: { at: Date; secret?: string; signatureBody?: string },
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = signPayload(
    options.secret ?? TEST_SIMPONI_SECRET,
    options.signatureBody ?? raw,
    Math.floor(options.at.getTime() / 1000),
  );
  return app.inject({
    method: 'POST',
    url: '/api/v1/webhooks/simponi',
    headers: { 'content-type': 'application/json', 'x-simponi-signature': signature },
    payload: raw,
  });
}

/**
 * A new applicant's complete draft submitted for the office's first session: the applicant, the
 * application's id and number, and its billing.
 */
export async function submittedApplication(app: FastifyInstance, smtp: TestSmtpServer, office = 'BANDUNG') {
  const applicant = await registeredSession(app, smtp, {}, takeResident(adultWithoutPassport));
  const { id } = await completeDraft(app, applicant);
  const sessions = (await app.inject({ url: `/api/v1/offices/${office}/sessions` })).json();
  const session = sessions.find((s: { available: number }) => s.available > 0);
  const submitted = await app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/submit`,
    headers: { authorization: `Bearer ${applicant.token}` },
    payload: { sessionId: session.id },
  });
  if (submitted.statusCode !== 200) throw new Error(`submit answered ${submitted.statusCode}`);
  const { billing, number } = submitted.json() as {
    billing: { code: string; amount: number; expiresAt: string };
    number: string;
  };
  return { applicant, id: id as string, number, billing };
}
