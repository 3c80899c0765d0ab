import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { completeDraft } from '../support/applications.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { payAtChannel, submittedApplication } from '../support/payments.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * "Saya sudah bayar, tapi status belum berubah" in the applicant PWA (issues 7 and 9): the bank took the
 * money but SIMPONI's notification never came; the applicant types the NTPN from the receipt.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: join(REPO_ROOT, 'apps/web/dist') } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'applicant-payment-claim',
    baseURL,
    viewport: { width: 390, height: 844 },
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

describe('when the payment notification never arrives', () => {
  it('then a wrong NTPN is refused with a reason, and the real one applies the payment', async () => {
    const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const { id } = await completeDraft(t.app, applicant);
    const [session] = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/submit`,
      headers: bearer(applicant),
      payload: { sessionId: session.id },
    });
    const { billing } = submitted.json() as { billing: { code: string } };
    const paid = await payAtChannel(t.app, billing.code, { delivery: { mode: 'NEVER' } });
    const { ntpn } = paid.json() as { ntpn: string };

    const { page } = browser;
    await page.addInitScript(
      `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(applicant.login.json()))})`,
    );
    await page.goto(`/#/applications/${id}/pay`);
    // The countdown follows the server's clock (simulated here), not the browser's.
    await expect.poll(() => page.getByTestId('pay-countdown').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText('Waktu pembayaran habis').count()).toBe(0);
    await page.getByText('Saya sudah bayar, tapi status belum berubah').click();
    const field = page.getByLabel('NTPN (16 karakter pada bukti bayar)');
    await field.fill('ZZZZZZZZZZZZZZZZ');
    await page.getByRole('button', { name: 'Periksa pembayaran saya' }).click();
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'unknown-ntpn');

    await field.fill(ntpn);
    await page.getByRole('button', { name: 'Periksa pembayaran saya' }).click();
    await expect.poll(() => page.getByText('Pembayaran diterima.').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'claimed');
    const view = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(applicant) });
    expect(view.json()).toMatchObject({ status: 'PAID', billing: { ntpn } });
  });
});

describe('when the applicant opens the "I have paid" link from the billing e-mail on another phone', () => {
  it('then, without logging in, the NTPN applies the payment and the screen says so', async () => {
    const { applicant, id, number, billing } = await submittedApplication(t.app, smtp);
    const mail = await smtp.waitFor(applicant.registration.email, (m) => /Kode billing/.test(m.subject));
    const link = /#\/claim\/(\S+)/.exec(mail.text)![1]!;
    const { ntpn } = (await payAtChannel(t.app, billing.code, { delivery: { mode: 'NEVER' } })).json() as {
      ntpn: string;
    };

    const { page } = browser;
    // The first case's refused NTPN (422) is in the log already: only this case's errors count.
    const errorsBefore = browser.consoleErrors.length;
    await page.evaluate(() => localStorage.clear());
    await page.goto(`/#/claim/${link}`);
    const field = page.getByLabel('NTPN (16 karakter pada bukti bayar)');
    await expect.poll(() => field.count(), { timeout: 10_000 }).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await field.fill(ntpn);
    await page.getByRole('button', { name: 'Periksa pembayaran saya' }).click();
    const result = page.getByTestId('claim-result');
    await expect.poll(() => result.count(), { timeout: 10_000 }).toBe(1);
    expect(await result.textContent()).toContain(number);
    expect(await result.getByText('Pembayaran diterima.').count()).toBe(1);
    await screenshot(page, 'claimed-from-link');
    const view = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(applicant) });
    expect(view.json()).toMatchObject({ status: 'PAID', billing: { ntpn } });
    expect(browser.consoleErrors.slice(errorsBefore)).toEqual([]);
  });
});
