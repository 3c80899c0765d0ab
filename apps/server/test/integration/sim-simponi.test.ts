import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentNotificationSchema } from '#shared/contracts/payments.ts';
import type { Database, DatabaseHandle } from '../../src/db/database.ts';
import { simSimponiBillings } from '../../src/db/schema/sim.ts';
import {
  createHttpSimponi,
  isValidBillingCode,
  verifySignature,
  type SimponiBillingRequest,
  type SimponiPort,
} from '../../src/modules/billing/index.ts';
import {
  createSimSimponi,
  simSimponiRoutes,
  type DeliverNotification,
  type SimSimponi,
} from '../../src/modules/sim/index.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { registerProblemHandlers } from '../../src/platform/problems.ts';
import { zodValidatorCompiler } from '../../src/platform/validation.ts';
import { TEST_START } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** The simulated SIMPONI on a real database: its ledger, payments, and the notifications it sends. */
const SECRET = 'simponi-test-secret';
const HOUR_MS = 60 * 60 * 1000;
const clock = new FixedClock(TEST_START);
let handle: DatabaseHandle;
let db: Database;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

interface Delivery {
  readonly rawBody: string;
  readonly signature: string;
}

/** A webhook that records what reached it and answers the given statuses, then 200. */
function webhook(statuses: number[] = []) {
  const received: Delivery[] = [];
  const deliver: DeliverNotification = async (rawBody, signature) => {
    received.push({ rawBody, signature });
    return { status: statuses.shift() ?? 200 };
  };
  return { received, deliver, paymentIds: () => received.map((d) => JSON.parse(d.rawBody).paymentId) };
}

function simulator(deliver: DeliverNotification): SimSimponi {
  return createSimSimponi({
    db,
    clock,
    deliver,
    secret: SECRET,
    logger: createLogger('silent'),
    redelivery: { baseDelayMs: 5, maxDelayMs: 20 },
  });
}

function billingRequest(overrides: Partial<SimponiBillingRequest> = {}): SimponiBillingRequest {
  return {
    reference: crypto.randomUUID(),
    description: 'Paspor MP2026-00000123',
    amount: 650_000,
    expiresAt: new Date(clock.now().getTime() + 2 * HOUR_MS),
    payerName: 'Siti Rahma',
    satker: '418237',
    ...overrides,
  };
}

const newBilling = async (sim: SimSimponi, overrides: Partial<SimponiBillingRequest> = {}) =>
  (await sim.port.createBilling(billingRequest(overrides))).billingCode;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'PAID',
    (error: unknown) => (error as { code?: string }).code,
  );

describe('the simulated SIMPONI ledger', () => {
  it('when a billing is created, then it is stored with a valid 15-digit code and reads as UNPAID', async () => {
    const sim = simulator(webhook().deliver);
    const request = billingRequest();
    const billing = await sim.port.createBilling(request);
    expect(billing).toEqual({
      billingCode: expect.stringMatching(/^8\d{14}$/),
      expiresAt: request.expiresAt,
    });
    expect(isValidBillingCode(billing.billingCode)).toBe(true);
    const [row] = await db
      .select()
      .from(simSimponiBillings)
      .where(eq(simSimponiBillings.billingCode, billing.billingCode));
    expect(row).toMatchObject({ ...request, createdAt: clock.now(), paymentId: null, ntpn: null });
    await expect(sim.port.getPaymentStatus(billing.billingCode)).resolves.toEqual({ status: 'UNPAID' });
    await expect(sim.port.getPaymentStatus('800000000000000')).resolves.toEqual({ status: 'NOT_FOUND' });
  });

  it('when 40 billings are asked at once, then each gets its own code holding its own request', async () => {
    const sim = simulator(webhook().deliver);
    const requests = Array.from({ length: 40 }, (_, i) => billingRequest({ amount: 350_000 + i }));
    const billings = await Promise.all(requests.map((r) => sim.port.createBilling(r)));
    expect(new Set(billings.map((b) => b.billingCode)).size).toBe(40);
    for (const [i, billing] of billings.entries()) {
      const entry = await sim.findBilling(billing.billingCode);
      expect(entry).toMatchObject({
        reference: requests[i]!.reference,
        amount: 350_000 + i,
        state: 'UNPAID',
      });
    }
  });

  it('when a billing is paid, then the payment is recorded and one signed notification matching the schema is delivered', async () => {
    const hook = webhook();
    const sim = simulator(hook.deliver);
    const code = await newBilling(sim);
    const receipt = await sim.pay({ billingCode: code, channel: 'INDOMARET' });
    await sim.settled();

    expect(receipt.paidAt).toEqual(clock.now());
    expect(receipt.ntb).toMatch(/^IDM\d{12}$/);
    await expect(sim.port.getPaymentStatus(code)).resolves.toEqual({
      status: 'PAID',
      payment: { ...receipt, billingCode: code, amount: 650_000, channel: 'INDOMARET' },
    });
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received as [Delivery];
    expect(verifySignature(SECRET, delivery.signature, delivery.rawBody, clock.now())).toBe('VALID');
    expect(verifySignature('another-secret', delivery.signature, delivery.rawBody, clock.now())).toBe(
      'MISMATCH',
    );
    expect(paymentNotificationSchema.parse(JSON.parse(delivery.rawBody))).toEqual({
      paymentId: receipt.paymentId,
      billingCode: code,
      amount: 650_000,
      channel: 'INDOMARET',
      paidAt: clock.now().toISOString(),
      ntpn: receipt.ntpn,
      ntb: receipt.ntb,
    });
  });

  it('when a paid billing is paid again, then BILLING_ALREADY_PAID and no second notification', async () => {
    const hook = webhook();
    const sim = simulator(hook.deliver);
    const code = await newBilling(sim);
    await sim.pay({ billingCode: code, channel: 'ATM' });
    await expect(refusal(sim.pay({ billingCode: code, channel: 'ALFAMART' }))).resolves.toBe(
      'BILLING_ALREADY_PAID',
    );
    await sim.settled();
    expect(hook.received).toHaveLength(1);
  });

  it('when the deadline has passed by the injected clock, then BILLING_EXPIRED and the billing stays unpaid', async () => {
    const sim = simulator(webhook().deliver);
    const code = await newBilling(sim, { expiresAt: new Date(clock.now().getTime() + HOUR_MS) });
    clock.advance(HOUR_MS);
    await expect(refusal(sim.pay({ billingCode: code, channel: 'ATM' }))).resolves.toBe('BILLING_EXPIRED');
    await expect(sim.port.getPaymentStatus(code)).resolves.toEqual({ status: 'UNPAID' });
  });

  it('when the billing code is unknown, then BILLING_NOT_FOUND', async () => {
    const sim = simulator(webhook().deliver);
    await expect(refusal(sim.pay({ billingCode: '812345678901234', channel: 'ATM' }))).resolves.toBe(
      'BILLING_NOT_FOUND',
    );
  });

  it('when 20 payments of one billing arrive at once, then exactly one succeeds and one notification is sent', async () => {
    const hook = webhook();
    const sim = simulator(hook.deliver);
    const code = await newBilling(sim);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => refusal(sim.pay({ billingCode: code, channel: 'MOBILE_BANKING' }))),
    );
    await sim.settled();
    expect(outcomes.filter((o) => o === 'PAID')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'BILLING_ALREADY_PAID')).toHaveLength(19);
    expect(hook.received).toHaveLength(1);
  });

  it('when many billings are paid, then every NTPN is 16 characters [A-Z0-9] and none repeats', async () => {
    const sim = simulator(webhook().deliver);
    const ntpns = [];
    for (let i = 0; i < 30; i++) {
      ntpns.push((await sim.pay({ billingCode: await newBilling(sim), channel: 'TOKOPEDIA' })).ntpn);
    }
    for (const ntpn of ntpns) expect(ntpn).toMatch(/^[A-Z0-9]{16}$/);
    expect(new Set(ntpns).size).toBe(30);
    await sim.settled();
  });
});

describe('the simulated SIMPONI’s notifications', () => {
  it('when delivery is TWICE, then two identical notifications arrive', async () => {
    const hook = webhook();
    const sim = simulator(hook.deliver);
    await sim.pay({ billingCode: await newBilling(sim), channel: 'BUKALAPAK', delivery: { mode: 'TWICE' } });
    await sim.settled();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]).toEqual(hook.received[0]);
  });

  it('when delivery is NEVER, then nothing arrives but SIMPONI knows the billing is paid', async () => {
    const hook = webhook();
    const sim = simulator(hook.deliver);
    const code = await newBilling(sim);
    const receipt = await sim.pay({
      billingCode: code,
      channel: 'POS_INDONESIA',
      delivery: { mode: 'NEVER' },
    });
    await sim.settled();
    expect(hook.received).toHaveLength(0);
    await expect(sim.port.getPaymentStatus(code)).resolves.toMatchObject({
      status: 'PAID',
      payment: { ntpn: receipt.ntpn },
    });
  });

  it('when the first payment is DELAYED, then a later payment’s notification arrives before it', async () => {
    const hook = webhook();
    const sim = simulator(hook.deliver);
    const [first, second] = [await newBilling(sim), await newBilling(sim)];
    const delayed = await sim.pay({
      billingCode: first,
      channel: 'ATM',
      delivery: { mode: 'DELAYED', delaySeconds: 0.2 },
    });
    const prompt = await sim.pay({ billingCode: second, channel: 'ATM' });
    await sim.settled();
    expect(hook.paymentIds()).toEqual([prompt.paymentId, delayed.paymentId]);
  });

  it('when the webhook answers 500 and then 200, then the notification is sent again until accepted', async () => {
    const hook = webhook([500, 503]);
    const sim = simulator(hook.deliver);
    const receipt = await sim.pay({ billingCode: await newBilling(sim), channel: 'BANK_TELLER' });
    await sim.settled();
    expect(hook.paymentIds()).toEqual([receipt.paymentId, receipt.paymentId, receipt.paymentId]);
  });

  it('when the webhook cannot be reached and never accepts, then the simulator gives up after its time limit', async () => {
    let attempts = 0;
    const sim = createSimSimponi({
      db,
      clock,
      secret: SECRET,
      logger: createLogger('silent'),
      redelivery: { baseDelayMs: 5, maxDelayMs: 10, giveUpAfterMs: 50 },
      deliver: async () => {
        attempts += 1;
        throw new TypeError('fetch failed');
      },
    });
    await sim.pay({ billingCode: await newBilling(sim), channel: 'ATM' });
    await sim.settled();
    expect(attempts).toBeGreaterThan(2);
    expect(attempts).toBeLessThan(15);
  });
});

describe('the simulated SIMPONI over HTTP', () => {
  const hook = webhook();
  let app: FastifyInstance;
  let sim: SimSimponi;
  let remote: SimponiPort;

  beforeAll(async () => {
    sim = simulator(hook.deliver);
    app = Fastify();
    app.setValidatorCompiler(zodValidatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerProblemHandlers(app);
    await app.register(simSimponiRoutes, { prefix: '/sim', simponi: sim });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    remote = createHttpSimponi({
      url: `${address}/sim/simponi`,
      user: 'demo',
      password: 'demo',
      timeoutMs: 2_000,
    });
  });
  afterAll(async () => {
    await sim.settled();
    await app.close();
  });

  it('when the real adapter creates a billing and reads it before and after payment, then it hears what the ledger holds', async () => {
    const request = billingRequest();
    const billing = await remote.createBilling(request);
    expect(isValidBillingCode(billing.billingCode)).toBe(true);
    expect(billing.expiresAt).toEqual(request.expiresAt);
    await expect(remote.getPaymentStatus(billing.billingCode)).resolves.toEqual({ status: 'UNPAID' });
    const receipt = await sim.pay({ billingCode: billing.billingCode, channel: 'ALFAMART' });
    await expect(remote.getPaymentStatus(billing.billingCode)).resolves.toEqual(
      await sim.port.getPaymentStatus(billing.billingCode),
    );
    await expect(remote.getPaymentStatus(billing.billingCode)).resolves.toMatchObject({
      payment: { ntpn: receipt.ntpn },
    });
    await expect(remote.getPaymentStatus('800000000000000')).resolves.toEqual({ status: 'NOT_FOUND' });
  });

  it('when the adapter voids an unpaid code (its application was cancelled), then no channel takes it and a paid one stays paid', async () => {
    const code = await newBilling(sim);
    await remote.voidBilling(code);
    await expect(sim.pay({ billingCode: code, channel: 'INDOMARET' })).rejects.toMatchObject({
      code: 'BILLING_VOIDED',
    });
    expect((await sim.findBilling(code))!.state).toBe('VOIDED');
    const paid = await newBilling(sim);
    await sim.pay({ billingCode: paid, channel: 'ATM' });
    await remote.voidBilling(paid);
    expect((await sim.findBilling(paid))!.state).toBe('PAID');
    await expect(remote.voidBilling('800000000000000')).resolves.toBeUndefined();
  });

  it('when the adapter moves an unpaid code’s deadline (after a payment outage), then the code is payable until then', async () => {
    const code = await newBilling(sim, { expiresAt: clock.now() });
    await expect(sim.pay({ billingCode: code, channel: 'ATM' })).rejects.toMatchObject({
      code: 'BILLING_EXPIRED',
    });
    const later = new Date(clock.now().getTime() + 40 * 60_000);
    await remote.extendBilling(code, later);
    expect((await sim.findBilling(code))!.expiresAt).toEqual(later);
    await expect(sim.pay({ billingCode: code, channel: 'ATM' })).resolves.toMatchObject({
      ntpn: expect.any(String),
    });
    // A paid code keeps its deadline; an unknown one is no error (nothing to keep payable).
    await remote.extendBilling(code, new Date(later.getTime() + 60_000));
    expect((await sim.findBilling(code))!.expiresAt).toEqual(later);
    await expect(remote.extendBilling('800000000000000', later)).resolves.toBeUndefined();
  });

  it('when the adapter replays a billing request (same Idempotency-Key), then the same code comes back', async () => {
    const request = billingRequest();
    const first = await remote.createBilling(request);
    await expect(remote.createBilling(request)).resolves.toEqual(first);
    const other = await remote.createBilling({ ...request, reference: crypto.randomUUID() });
    expect(other.billingCode).not.toBe(first.billingCode);
  });

  it('when POST /sim/simponi/pay is called, then the receipt comes back; for an expired billing, a 409 problem', async () => {
    const code = await newBilling(sim);
    const paid = await app.inject({
      method: 'POST',
      url: '/sim/simponi/pay',
      payload: { billingCode: code, channel: 'ATM' },
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toEqual({
      paymentId: expect.any(String),
      ntpn: expect.stringMatching(/^[A-Z0-9]{16}$/),
      ntb: expect.stringMatching(/^ATM\d{12}$/),
      paidAt: clock.now().toISOString(),
    });
    const late = await newBilling(sim, { expiresAt: clock.now() });
    const refused = await app.inject({
      method: 'POST',
      url: '/sim/simponi/pay',
      payload: { billingCode: late, channel: 'ATM' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'BILLING_EXPIRED' });
  });

  it('when the payment page is opened, then it shows the billing in Bahasa Indonesia and escapes the payer name', async () => {
    const expiresAt = new Date('2026-11-30T05:00:00.000Z');
    const code = await newBilling(sim, { payerName: '<script>alert("x")</script> & Co', expiresAt });
    const page = await app.inject({ method: 'GET', url: `/sim/simponi/pay?code=${code}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="id">');
    expect(page.body).toContain(code);
    expect(page.body).toMatch(/Rp\s650\.000/);
    expect(page.body).toContain('30 November 2026');
    expect(page.body).toContain('12.00 WIB');
    expect(page.body).toContain('Belum dibayar');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(page.body).not.toContain('<script>');
    // An app links to it with the JSON API's parameter name.
    const linked = await app.inject({ method: 'GET', url: `/sim/simponi/pay?billingCode=${code}` });
    expect([linked.statusCode, linked.body.includes(code)]).toEqual([200, true]);
    expect(page.body).toContain('value="MOBILE_BANKING"');
  });

  it('when a channel button is pressed, then the form pays the billing and the page shows its NTPN', async () => {
    const code = await newBilling(sim);
    const result = await app.inject({
      method: 'POST',
      url: '/sim/simponi/pay-form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ code, channel: 'TOKOPEDIA' }).toString(),
    });
    expect(result.statusCode).toBe(200);
    const status = await sim.port.getPaymentStatus(code);
    expect(status.status).toBe('PAID');
    expect(result.body).toContain(status.status === 'PAID' ? status.payment.ntpn : 'unreachable');
    expect(result.body).toContain('href="/"');
    const again = await app.inject({
      method: 'POST',
      url: '/sim/simponi/pay-form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ code, channel: 'TOKOPEDIA' }).toString(),
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Kode billing ini sudah dibayar');
  });

  it('when the page is opened with an unknown or malformed code, then 404 or 400 in Bahasa Indonesia', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/sim/simponi/pay?code=800000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Kode billing tidak ditemukan');
    const malformed = await app.inject({ method: 'GET', url: '/sim/simponi/pay?code=%3Cb%3E' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('15 angka');
  });
});
