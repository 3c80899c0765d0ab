import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentChannels } from '#shared/contracts/payments.ts';
import { simSimponiBillings } from '../../src/db/schema/sim.ts';
import { SimponiUnavailableError, type SimponiPort } from '../../src/modules/billing/index.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain, registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { notification, postNotification, submittedApplication } from '../support/payments.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, demoOfficers, officerCall, officerSession } from '../support/visit.ts';

/**
 * Issue 15, "Payment-outage freeze": while SIMPONI or every channel is declared down no billing
 * expires, and when it ends every pending deadline inside it moves by its length (history note,
 * e-mail, SIMPONI told); a payment during the outage is applied once.
 */
const MINUTE = 60_000;
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function officer(app: FastifyInstance, username: string) {
  const demo = await demoOfficers(app);
  return officerSession(
    app,
    demo.find((o) => o.username === username)!,
  );
}

const booked = (app: FastifyInstance) => submittedApplication(app, smtp);

async function read(app: FastifyInstance, who: Awaited<ReturnType<typeof booked>>) {
  const again = await logInAgain(app, who.applicant);
  return (await app.inject({ url: `/api/v1/applications/${who.id}`, headers: bearer(again) })).json();
}

describe('when SIMPONI is declared down for 40 minutes inside a billing’s 2 hours', () => {
  it('then nothing expires meanwhile, a payment is applied once, and the other deadline moves 40 minutes', async () => {
    const clock = t.clock as SimulatedClock;
    const payer = await booked(t.app);
    const waiter = await booked(t.app);
    const deadline = Date.parse(waiter.billing.expiresAt);

    clock.advance(100 * MINUTE);
    let hq = await officer(t.app, 'admin.pusat');
    const down = await officerCall(t.app, hq, 'POST', '/partner-health/SIMPONI/outage', {
      reason: 'SIMPONI tidak menjawab sejak 09.40',
    });
    expect(down.status).toBe(201);
    const frozenSince = (down.body as { health: { paymentsFrozenSince: string } }).health.paymentsFrozenSince;
    expect(Date.parse(frozenSince)).toBe(clock.now().getTime());
    // What every pay screen reads, without logging in.
    expect((await t.app.inject({ url: '/api/v1/payment-health' })).json()).toEqual({
      paymentsFrozenSince: frozenSince,
      partnersDown: ['SIMPONI'],
    });
    // Declaring it twice changes nothing.
    expect(
      (await officerCall(t.app, hq, 'POST', '/partner-health/SIMPONI/outage', { reason: 'lagi' })).status,
    ).toBe(409);

    // 30 minutes in, both deadlines have passed: neither expires.
    clock.advance(30 * MINUTE);
    expect((await read(t.app, payer)).status).toBe('AWAITING_PAYMENT');
    expect((await read(t.app, waiter)).status).toBe('AWAITING_PAYMENT');
    const paid = notification({
      billingCode: payer.billing.code,
      amount: payer.billing.amount,
      paidAt: clock.now().toISOString(),
    });
    expect((await postNotification(t.app, paid, { at: clock.now() })).json().outcome).toBe('APPLIED');
    expect((await postNotification(t.app, paid, { at: clock.now() })).json()).toMatchObject({
      duplicate: true,
    });
    expect((await read(t.app, payer)).status).toBe('PAID');

    clock.advance(10 * MINUTE);
    hq = await officer(t.app, 'admin.pusat');
    const up = await officerCall(t.app, hq, 'POST', '/partner-health/SIMPONI/recovery', {
      reason: 'SIMPONI pulih',
    });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ extended: 1, health: { paymentsFrozenSince: null } });
    expect((await t.app.inject({ url: '/api/v1/payment-health' })).json()).toEqual({
      paymentsFrozenSince: null,
      partnersDown: [],
    });

    const after = await read(t.app, waiter);
    expect(after.status).toBe('AWAITING_PAYMENT');
    expect(Date.parse(after.billing.expiresAt)).toBe(deadline + 40 * MINUTE);
    expect(after.history.at(-1)).toMatchObject({
      status: 'AWAITING_PAYMENT',
      note: 'Batas bayar diperpanjang 40 menit karena gangguan pembayaran',
    });
    const mail = await smtp.waitFor(waiter.applicant.registration.email, (m) =>
      /diperpanjang/.test(m.subject),
    );
    expect(mail.text).toContain('40 menit');
    const [simBill] = await t.db.db
      .select()
      .from(simSimponiBillings)
      .where(eq(simSimponiBillings.billingCode, waiter.billing.code));
    expect(simBill!.expiresAt.getTime()).toBe(deadline + 40 * MINUTE);

    // Past the old deadline, before the new one: the channel takes the code.
    const pay = await t.app.inject({
      method: 'POST',
      url: '/sim/simponi/pay',
      payload: { billingCode: waiter.billing.code, channel: 'ATM' },
    });
    expect(pay.statusCode).toBe(200);

    // The audit trail names who declared what.
    const audit = await officerCall(t.app, hq, 'GET', '/audit?officer=admin.pusat');
    const actions = (audit.body as unknown as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['partner.down', 'partner.up']));
  });
});

describe('when every channel is down', () => {
  it('then payment freezes, and one channel back ends it', async () => {
    const hq = await officer(t.app, 'admin.pusat');
    for (const channel of paymentChannels.slice(0, -1)) {
      await officerCall(t.app, hq, 'POST', `/partner-health/${channel}/outage`, { reason: 'gangguan' });
    }
    let health = (await officerCall(t.app, hq, 'GET', '/partner-health')).body as {
      paymentsFrozenSince: string | null;
      partners: { partner: string; down: boolean }[];
    };
    expect(health.paymentsFrozenSince).toBeNull();
    const publicHealth = (await t.app.inject({ url: '/api/v1/payment-health' })).json();
    expect(publicHealth.paymentsFrozenSince).toBeNull();
    expect(publicHealth.partnersDown).toHaveLength(paymentChannels.length - 1);
    const last = paymentChannels.at(-1)!;
    await officerCall(t.app, hq, 'POST', `/partner-health/${last}/outage`, { reason: 'gangguan' });
    health = (await officerCall(t.app, hq, 'GET', '/partner-health')).body as typeof health;
    expect(health.paymentsFrozenSince).not.toBeNull();
    expect(health.partners.filter((p) => p.down)).toHaveLength(paymentChannels.length);

    await officerCall(t.app, hq, 'POST', '/partner-health/ATM/recovery', { reason: 'pulih' });
    health = (await officerCall(t.app, hq, 'GET', '/partner-health')).body as typeof health;
    expect(health.paymentsFrozenSince).toBeNull();
    for (const channel of paymentChannels.filter((c) => c !== 'ATM')) {
      await officerCall(t.app, hq, 'POST', `/partner-health/${channel}/recovery`, { reason: 'pulih' });
    }
  });
});

describe('who may switch a partner', () => {
  it('an office admin reads the health but cannot declare; bad input is refused', async () => {
    const office = await officer(t.app, 'spv.bandung');
    expect((await officerCall(t.app, office, 'GET', '/partner-health')).status).toBe(200);
    const refused = await officerCall(t.app, office, 'POST', '/partner-health/SIMPONI/outage', {
      reason: 'coba-coba',
    });
    expect(refused.status).toBe(403);
    const hq = await officer(t.app, 'admin.pusat');
    expect(
      (await officerCall(t.app, hq, 'POST', '/partner-health/GOPAY/outage', { reason: 'tidak ada' })).status,
    ).toBe(422);
    expect((await officerCall(t.app, hq, 'POST', '/partner-health/SIMPONI/outage', {})).status).toBe(422);
    expect(
      (await officerCall(t.app, hq, 'POST', '/partner-health/SIMPONI/recovery', { reason: 'tidak turun' }))
        .status,
    ).toBe(409);
    const health = (await officerCall(t.app, hq, 'GET', '/partner-health')).body as {
      partners: { down: boolean }[];
    };
    expect(health.partners.some((p) => p.down)).toBe(false);
  });
});

describe('when SIMPONI fails call after call', () => {
  it('then it is declared down automatically, and its first answer ends that', async () => {
    let failing = true;
    let issued = 0;
    const flaky: SimponiPort = {
      async createBilling(request) {
        if (failing) throw new SimponiUnavailableError('timeout');
        issued++;
        return { billingCode: `9${String(issued).padStart(14, '0')}`, expiresAt: request.expiresAt };
      },
      async getPaymentStatus() {
        if (failing) throw new SimponiUnavailableError('timeout');
        return { status: 'UNPAID' };
      },
      async extendBilling() {},
      async voidBilling() {},
    };
    const app = await createTestApp({
      db: t.db,
      config: { smtpUrl: smtp.url },
      adapters: { simponi: flaky },
    });
    try {
      const hq = await officer(app.app, 'admin.pusat');
      const applicant = await registeredSession(app.app, smtp, {}, takeResident(adultWithoutPassport));
      const draft = await completeDraft(app.app, applicant);
      const sessions = (await app.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
      const session = sessions.find((s: { available: number }) => s.available > 0);
      const submit = () =>
        app.app.inject({
          method: 'POST',
          url: `/api/v1/applications/${draft.id}/submit`,
          headers: bearer(applicant),
          payload: { sessionId: session.id },
        });
      for (let i = 0; i < 5; i++) expect((await submit()).statusCode).toBe(503);
      let health = (await officerCall(app.app, hq, 'GET', '/partner-health')).body as {
        paymentsFrozenSince: string | null;
        partners: { partner: string; down: boolean; declaredBy: string | null }[];
      };
      expect(health.partners.find((p) => p.partner === 'SIMPONI')).toMatchObject({
        down: true,
        declaredBy: 'AUTOMATIC',
      });
      expect(health.paymentsFrozenSince).not.toBeNull();

      failing = false;
      expect((await submit()).statusCode).toBe(200);
      health = (await officerCall(app.app, hq, 'GET', '/partner-health')).body as typeof health;
      expect(health.partners.find((p) => p.partner === 'SIMPONI')!.down).toBe(false);
      expect(health.paymentsFrozenSince).toBeNull();
    } finally {
      await app.close();
    }
  });
});
