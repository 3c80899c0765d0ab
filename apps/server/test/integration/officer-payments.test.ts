import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain, registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { notification, postNotification } from '../support/payments.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, demoOfficers, officerCall, officerSession } from '../support/visit.ts';

/** Payments needing attention reach the office they belong to, and HQ (issue 8, item 5). */
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

describe('when a payment arrives after its billing expired', () => {
  it("then it is listed for that office's admin and HQ, and not for another office", async () => {
    const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const draft = await completeDraft(t.app, applicant);
    const [session] = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/submit`,
      headers: bearer(applicant),
      payload: { sessionId: session.id },
    });
    const billing = submitted.json().billing as { code: string; amount: number };
    const clock = t.clock as SimulatedClock;
    clock.advance(121 * 60_000);
    let status = '';
    for (let i = 0; i < 40 && status !== 'EXPIRED'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const again = await logInAgain(t.app, applicant);
      status = (
        await t.app.inject({ url: `/api/v1/applications/${draft.id}`, headers: bearer(again) })
      ).json().status;
    }
    expect(status).toBe('EXPIRED');
    const late = notification({
      billingCode: billing.code,
      amount: billing.amount,
      paidAt: clock.now().toISOString(),
    });
    expect((await postNotification(t.app, late, { at: clock.now() })).json().outcome).toBe('LATE');

    const demo = await demoOfficers(t.app);
    const listFor = async (username: string) => {
      const session = await officerSession(
        t.app,
        demo.find((o) => o.username === username)!,
      );
      const answer = await officerCall(t.app, session, 'GET', '/payments/attention');
      expect(answer.status).toBe(200);
      return answer.body as unknown as { billingCode: string; outcome: string; officeCode: string | null }[];
    };
    expect((await listFor('spv.bandung')).filter((p) => p.billingCode === billing.code)).toEqual([
      expect.objectContaining({ outcome: 'LATE', officeCode: 'BANDUNG', applicationId: draft.id }),
    ]);
    expect((await listFor('admin.pusat')).map((p) => p.billingCode)).toContain(billing.code);
    expect((await listFor('spv.jakarta-selatan')).map((p) => p.billingCode)).not.toContain(billing.code);

    // Resolving it: not from another office (404), once from this office, then it leaves the list.
    const resolve = async (username: string) => {
      const session = await officerSession(
        t.app,
        demo.find((o) => o.username === username)!,
      );
      return officerCall(t.app, session, 'POST', `/payments/${late.paymentId}/resolution`, {
        resolution: 'REFUND',
        note: 'Pemohon mengajukan permohonan baru; dana dikembalikan.',
      });
    };
    expect((await resolve('spv.jakarta-selatan')).status).toBe(404);
    expect((await resolve('spv.bandung')).status).toBe(200);
    expect((await resolve('spv.bandung')).body.code).toBe('INVALID_STATE');
    expect((await listFor('spv.bandung')).map((p) => p.billingCode)).not.toContain(billing.code);
  });
});
