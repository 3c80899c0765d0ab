import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payAtChannel, submittedApplication } from '../support/payments.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * Issue 15 item 4, "paid but still unpaid": the billing e-mail carries a signed link where the NTPN is
 * checked and applied without logging in; the link names one application and shows nothing personal.
 */
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, publicUrl: 'https://m-paspor.example' } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const claim = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/payment-claims', payload });

describe('when the payment notification is lost and the applicant opens the e-mail’s link', () => {
  it('then a forged link and a wrong NTPN are refused, and the real NTPN applies the payment once', async () => {
    const { applicant, id, number, billing } = await submittedApplication(t.app, smtp);
    const mail = await smtp.waitFor(applicant.registration.email, (m) => /Kode billing/.test(m.subject));
    const link = /https:\/\/m-paspor\.example\/#\/claim\/(\S+)/.exec(mail.text)?.[1];
    expect(link).toMatch(new RegExp(`^${id}\\.\\d+\\.[A-Za-z0-9_-]+$`));
    const paid = await payAtChannel(t.app, billing.code, { delivery: { mode: 'NEVER' } });
    const { ntpn } = paid.json() as { ntpn: string };

    // Another application's id under this signature, or an altered expiry: refused, nothing applied.
    const [, seconds, signature] = link!.split('.');
    const forged = [
      `${crypto.randomUUID()}.${seconds}.${signature}`,
      `${id}.${Number(seconds) + 1}.${signature}`,
      'not-a-link',
    ];
    for (const bad of forged) {
      const refused = await claim({ link: bad, ntpn });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('CLAIM_LINK_INVALID');
    }
    const wrong = await claim({ link, ntpn: 'ZZZZZZZZZZZZZZZZ' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('PAYMENT_NOT_FOUND');
    expect((await claim({ link, ntpn: 'short' })).statusCode).toBe(422);
    const view = () => t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(applicant) });
    expect((await view()).json().status).toBe('AWAITING_PAYMENT');

    const applied = await claim({ link, ntpn: ntpn.toLowerCase() });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toEqual({ applicationNumber: number, status: 'PAID' });
    expect((await view()).json()).toMatchObject({ status: 'PAID', billing: { ntpn } });
    // Again: nothing more to apply, the same answer.
    expect((await claim({ link, ntpn })).json()).toEqual({ applicationNumber: number, status: 'PAID' });
  });
});
