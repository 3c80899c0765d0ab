import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import { createHttpSimponi } from '../../src/modules/billing/index.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain, registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { notification, payAtChannel, postNotification } from '../support/payments.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { freePort } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** PNBP payments: signed notifications, idempotency, late payments, reconciliation, NTPN claims (issue 7). */
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

const clock = () => t.clock as SimulatedClock;
const bearer = (session: { token: string }) => ({ authorization: `Bearer ${session.token}` });

interface Submitted {
  applicant: Awaited<ReturnType<typeof registeredSession>>;
  id: string;
  billing: { code: string; amount: number; expiresAt: string };
}

/** A fresh applicant with a submitted application awaiting payment. */
async function submitted(): Promise<Submitted> {
  const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
  const draft = await completeDraft(t.app, applicant);
  const [session] = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${draft.id}/submit`,
    headers: bearer(applicant),
    payload: { sessionId: session.id },
  });
  expect(response.statusCode).toBe(200);
  return { applicant, id: draft.id, billing: response.json().billing };
}

const view = async (s: Submitted) => {
  const again = await logInAgain(t.app, s.applicant);
  return (await t.app.inject({ url: `/api/v1/applications/${s.id}`, headers: bearer(again) })).json();
};
const inbox = (code: string) =>
  queryRows<{ outcome: string; needs_attention: boolean }>(
    t.db.db,
    sql`select outcome, needs_attention from payment_notifications where billing_code = ${code} order by received_at`,
  );

describe('when a channel takes the payment', () => {
  it('then SIMPONI notifies us, the application is PAID with its receipt, and the applicant is told', async () => {
    const s = await submitted();
    const paid = await payAtChannel(t.app, s.billing.code, { channel: 'TOKOPEDIA' });
    expect(paid.statusCode).toBe(200);
    const { ntpn } = paid.json();
    expect(ntpn).toMatch(/^[A-Z0-9]{16}$/);
    let application = await view(s);
    for (let i = 0; i < 40 && application.status !== 'PAID'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      application = await view(s);
    }
    expect(application).toMatchObject({
      status: 'PAID',
      statusLabel: 'Sudah Terbayar',
      billing: { status: 'PAID', ntpn, channel: 'TOKOPEDIA', paidAt: clock().now().toISOString() },
    });
    const receipt = await smtp.waitFor(s.applicant.registration.email, (m) => m.text.includes(ntpn));
    expect(receipt.subject).toMatch(/diterima/);
  });

  it('then a code that is already paid, expired or unknown is refused by the channel', async () => {
    const s = await submitted();
    expect((await payAtChannel(t.app, s.billing.code)).statusCode).toBe(200);
    expect((await payAtChannel(t.app, s.billing.code)).json().code).toBe('BILLING_ALREADY_PAID');
    expect((await payAtChannel(t.app, '899999999999999')).json().code).toBe('BILLING_NOT_FOUND');
  });
});

describe('the notification endpoint', () => {
  it('refuses a bad signature, a stale one and a changed body with 401, changing nothing', async () => {
    const s = await submitted();
    const body = notification({ billingCode: s.billing.code, amount: s.billing.amount });
    const now = clock().now();
    const attempts = [
      await postNotification(t.app, body, { at: now, secret: 'wrong-secret' }),
      await postNotification(t.app, body, { at: new Date(now.getTime() - 6 * 60_000) }),
      await postNotification(t.app, { ...body, amount: 1 }, { at: now, signatureBody: JSON.stringify(body) }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks/simponi',
        headers: { 'content-type': 'application/json' },
        payload: body,
      }),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('SIGNATURE_INVALID');
    }
    expect(await inbox(s.billing.code)).toEqual([]);
    expect((await view(s)).status).toBe('AWAITING_PAYMENT');
  });

  it('applies the same notification once, however often it comes', async () => {
    const s = await submitted();
    const body = notification({
      billingCode: s.billing.code,
      amount: s.billing.amount,
      paidAt: clock().now().toISOString(),
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => postNotification(t.app, body, { at: clock().now() })),
    );
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(answers.filter((a) => a.json().duplicate === false)).toHaveLength(1);
    expect(await inbox(s.billing.code)).toEqual([{ outcome: 'APPLIED', needs_attention: false }]);
    const application = await view(s);
    expect(application.status).toBe('PAID');
    expect(application.history.filter((h: { status: string }) => h.status === 'PAID')).toHaveLength(1);
  });

  it('applies exactly one of 50 different payments of one billing arriving at once; the rest wait for a refund', async () => {
    const s = await submitted();
    const bodies = Array.from({ length: 50 }, () =>
      notification({
        billingCode: s.billing.code,
        amount: s.billing.amount,
        paidAt: clock().now().toISOString(),
      }),
    ).sort(() => Math.random() - 0.5);
    await Promise.all(bodies.map((body) => postNotification(t.app, body, { at: clock().now() })));
    const outcomes = await inbox(s.billing.code);
    expect(outcomes).toHaveLength(50);
    expect(outcomes.filter((o) => o.outcome === 'APPLIED')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'ALREADY_PAID' && o.needs_attention)).toHaveLength(49);
  });

  it('refuses a payment of another amount but keeps it for review', async () => {
    const s = await submitted();
    const body = notification({
      billingCode: s.billing.code,
      amount: s.billing.amount - 1,
      paidAt: clock().now().toISOString(),
    });
    const response = await postNotification(t.app, body, { at: clock().now() });
    expect(response.json()).toEqual({ received: true, duplicate: false, outcome: 'AMOUNT_MISMATCH' });
    expect(await inbox(s.billing.code)).toEqual([{ outcome: 'AMOUNT_MISMATCH', needs_attention: true }]);
    expect((await view(s)).status).toBe('AWAITING_PAYMENT');
  });
});

describe('when the deadline passes', () => {
  it('then a payment arriving afterwards is kept and flagged, and the application is not revived', async () => {
    const s = await submitted();
    clock().advance(121 * 60_000);
    let status = '';
    for (let i = 0; i < 40 && status !== 'EXPIRED'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await view(s)).status;
    }
    expect(status).toBe('EXPIRED');
    const late = notification({
      billingCode: s.billing.code,
      amount: s.billing.amount,
      paidAt: clock().now().toISOString(),
    });
    expect((await postNotification(t.app, late, { at: clock().now() })).json().outcome).toBe('LATE');
    expect(await inbox(s.billing.code)).toEqual([{ outcome: 'LATE', needs_attention: true }]);
    expect((await view(s)).status).toBe('EXPIRED');
  });
});

describe('when a notification is lost', () => {
  it('then reconciliation finds the payment with SIMPONI before the deadline expires it', async () => {
    const s = await submitted();
    const paid = await payAtChannel(t.app, s.billing.code, { delivery: { mode: 'NEVER' } });
    expect(paid.statusCode).toBe(200);
    clock().advance(110 * 60_000); // within 15 minutes of the deadline
    let application = await view(s);
    for (let i = 0; i < 40 && application.status !== 'PAID'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      application = await view(s);
    }
    expect(application).toMatchObject({ status: 'PAID', billing: { ntpn: paid.json().ntpn } });
    expect(await inbox(s.billing.code)).toEqual([{ outcome: 'APPLIED', needs_attention: false }]);
  });

  it('then the applicant can apply it with the NTPN from the receipt, and an unknown NTPN is refused', async () => {
    const s = await submitted();
    const paid = await payAtChannel(t.app, s.billing.code, { delivery: { mode: 'NEVER' } });
    const claim = (ntpn: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${s.id}/payment-claims`,
        headers: bearer(s.applicant),
        payload: { ntpn },
      });
    const unknown = await claim('ZZZZZZZZZZZZZZZZ');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('PAYMENT_NOT_FOUND');
    const claimed = await claim(paid.json().ntpn.toLowerCase());
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ status: 'PAID', billing: { ntpn: paid.json().ntpn } });
  });
});

describe('the reminder', () => {
  it('goes out 30 minutes before the deadline while unpaid, and never once paid', async () => {
    const unpaid = await submitted();
    const paid = await submitted();
    await payAtChannel(t.app, paid.billing.code);
    for (let i = 0; i < 40 && (await view(paid)).status !== 'PAID'; i++)
      await new Promise((r) => setTimeout(r, 50));
    clock().advance(91 * 60_000);
    await smtp.waitFor(unpaid.applicant.registration.email, (m) => /Pengingat/.test(m.subject));
    await new Promise((r) => setTimeout(r, 300));
    expect(
      smtp.received.some(
        (m) => m.to.includes(paid.applicant.registration.email) && /Pengingat/.test(m.subject),
      ),
    ).toBe(false);
  });
});

describe('when SIMPONI cannot be reached', () => {
  it('then submitting answers 503 SIMPONI_UNAVAILABLE at once and holds no seat', async () => {
    const down = await createTestApp({
      db: t.db,
      config: { smtpUrl: smtp.url },
      adapters: {
        simponi: createHttpSimponi({
          url: `http://127.0.0.1:${await freePort()}`,
          timeoutMs: 300,
          retries: 0,
        }),
      },
    });
    try {
      const applicant = await registeredSession(down.app, smtp, {}, takeResident(adultWithoutPassport));
      const draft = await completeDraft(down.app, applicant);
      const [session] = (await down.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
      const response = await down.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${draft.id}/submit`,
        headers: bearer(applicant),
        payload: { sessionId: session.id },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('SIMPONI_UNAVAILABLE');
      expect(response.headers['retry-after']).toBeDefined();
      const after = (await down.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
      expect(after.find((x: { id: string }) => x.id === session.id).available).toBe(session.available);
      const application = (
        await down.app.inject({ url: `/api/v1/applications/${draft.id}`, headers: bearer(applicant) })
      ).json();
      expect(application.status).toBe('DRAFT');
    } finally {
      await down.close();
    }
  });
});
