import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { payAtChannel } from '../support/payments.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { bearer } from '../support/visit.ts';

/**
 * A cancelled or expired application's billing code is voided at SIMPONI (issue 17): the channel page
 * refuses it and says not to pay, so nobody pays for a seat that is gone.
 */
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, jobIntervalMs: 100 } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Submitted at Bandung: AWAITING_PAYMENT with a billing code. */
async function submittedApplication() {
  const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
  const { id } = await completeDraft(t.app, applicant);
  const sessions = (
    await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions?service=REGULAR' })
  ).json() as {
    id: string;
  }[];
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/submit`,
    headers: bearer(applicant),
    payload: { sessionId: sessions[0]!.id },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return { id, applicant, billingCode: (submitted.json() as { billing: { code: string } }).billing.code };
}

async function refusedAtChannel(code: string) {
  // The page is only read until the void lands: paying before it would be a (flagged) late payment.
  const page = () => t.app.inject({ url: `/sim/simponi/pay?code=${code}` });
  await expect.poll(async () => (await page()).body, { timeout: 10_000 }).toContain('jangan dibayar');
  expect((await page()).body).not.toContain('name="channel"');
  const paid = await payAtChannel(t.app, code);
  expect([paid.statusCode, paid.json().code]).toEqual([409, 'BILLING_VOIDED']);
}

describe('when an application waiting for payment is cancelled or expires', () => {
  it('then its billing code is voided at SIMPONI and the channel refuses it', async () => {
    const cancelled = await submittedApplication();
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${cancelled.id}/cancel`,
      headers: bearer(cancelled.applicant),
    });
    expect(answer.json().status).toBe('CANCELLED');
    await refusedAtChannel(cancelled.billingCode);

    const lapsing = await submittedApplication();
    (t.clock as SimulatedClock).advance(2 * 3600_000 + 60_000);
    await refusedAtChannel(lapsing.billingCode);
  });
});
