import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { portraitJpeg } from '../support/files.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { notification, postNotification } from '../support/payments.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { bearer, demoOfficers, paidApplication } from '../support/visit.ts';

/**
 * The officer console in real Chromium (issue 8): an officer logs in, finds the day's queue, checks an
 * applicant in by the typed arrival code and completes the visit to hand-over. Screenshots of every
 * step go to test-output/screenshots/officer-console/.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
let smtp: TestSmtpServer;
let t: TestApp;
let baseURL: string;
let browser: OpenedPage;

beforeAll(async () => {
  // `npm test` builds the web app first (scripts/build-web.ts); this test serves that build.
  if (!existsSync(join(WEB_DIST, 'console', 'index.html')))
    throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({ testName: 'officer-console', baseURL, viewport: { width: 1366, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

describe('when an officer runs a visit in the console', () => {
  it('then login, queue, typed check-in and every step to hand-over work in the browser', async () => {
    const paid = await paidApplication(t.app, smtp, 'JAKARTA_SELATAN');
    const { code } = (
      await t.app.inject({
        url: `/api/v1/applications/${paid.id}/arrival-pass`,
        headers: bearer(paid.applicant),
      })
    ).json() as { code: string };
    const spv = (await demoOfficers(t.app)).find((o) => o.username === 'spv.jakarta-selatan')!;
    const { page } = browser;
    const byTest = (id: string) => page.getByTestId(id);

    await page.goto('/console');
    await byTest('login-username').fill(spv.username);
    await byTest('login-password').fill(spv.password);
    await screenshot(page, 'login');
    await byTest('login-submit').click();
    await expect.poll(() => byTest('officer-name').isVisible(), { timeout: 10_000 }).toBe(true);

    await byTest('queue-date').fill(paid.date);
    await expect.poll(() => byTest('queue-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'queue');

    await byTest('checkin-input').fill(code);
    await byTest('checkin-submit').click();
    const status = byTest('application-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('CHECKED_IN');
    await screenshot(page, 'checked-in');

    // Nothing is decided for the verifier: the button waits for a choice and says so.
    expect(await byTest('verify-submit').isDisabled()).toBe(true);
    expect(await byTest('verify-choose').count()).toBe(1);
    await byTest('verify-decision-ACCEPT').check();
    await byTest('verify-submit').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('VERIFIED');
    await screenshot(page, 'verified');

    await byTest('photo-file').setInputFiles({
      name: 'foto.jpg',
      mimeType: 'image/jpeg',
      buffer: portraitJpeg(),
    });
    await byTest('photo-upload').click();
    await expect.poll(() => byTest('capture-done').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await byTest('fingerprints-submit').click();
    await expect.poll(() => byTest('capture-done').count(), { timeout: 10_000 }).toBe(2);
    await byTest('interview-notes').fill('Tujuan wisata; dokumen asli sesuai.');
    await byTest('interview-recommendation-APPROVE').check();
    await screenshot(page, 'biometrics-and-interview');
    await byTest('interview-submit').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('INTERVIEWED');
    await expect.poll(() => byTest('ready-date').textContent()).toBeTruthy();

    // Four eyes (issue 17): the supervisor interviewed, so the console refuses their adjudication and
    // the office's adjudicator decides, signed in on the same desk.
    expect(await byTest('adjudication-submit').isDisabled()).toBe(true);
    await byTest('adjudication-decision-APPROVE').check();
    await byTest('adjudication-submit').click();
    await expect
      .poll(() => byTest('adjudication-error').textContent(), { timeout: 10_000 })
      .toMatch(/pejabat lain/);
    // The browser logs the refused request itself; that one is expected, nothing else is.
    expect(browser.consoleErrors).toEqual([expect.stringMatching(/403/)]);
    browser.consoleErrors.length = 0;
    const officers = await demoOfficers(t.app);
    const signInAs = async (username: string) => {
      const who = officers.find((o) => o.username === username)!;
      await byTest('logout').click();
      await expect.poll(() => byTest('login-username').isVisible(), { timeout: 10_000 }).toBe(true);
      await byTest('login-username').fill(who.username);
      await byTest('login-password').fill(who.password);
      await byTest('login-submit').click();
      await expect.poll(() => byTest('officer-name').isVisible(), { timeout: 10_000 }).toBe(true);
      await page.goto(`/console#/applications/${paid.id}`);
    };
    await signInAs('adjudikator.jakarta-selatan');
    await byTest('adjudication-decision-APPROVE').check();
    await byTest('adjudication-submit').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('APPROVED');
    await signInAs(spv.username);

    await byTest('issue-submit').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('READY');
    const mrz = (await byTest('passport-mrz').textContent()) ?? '';
    expect(mrz).toMatch(/P<IDN/);
    expect(await byTest('passport-number').textContent()).toMatch(/X\d{7}/);
    await screenshot(page, 'issued');

    // The passport goes to its holder only: the KTP's last NIK digits are typed and checked.
    expect(await byTest('handover-submit').isDisabled()).toBe(true);
    await byTest('handover-nik').fill(paid.applicant.registration.nik.slice(-4));
    await byTest('handover-submit').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('COLLECTED');
    await screenshot(page, 'collected');
    expect(browser.consoleErrors).toEqual([]);
  });

  it('then a payment needing attention is resolved from the payments page and leaves the list', async () => {
    const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const draft = await completeDraft(t.app, applicant);
    const [session] = (await t.app.inject({ url: '/api/v1/offices/JAKARTA_SELATAN/sessions' })).json();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/submit`,
      headers: bearer(applicant),
      payload: { sessionId: session.id },
    });
    const billing = submitted.json().billing as { code: string; amount: number };
    // Paid 1,000 rupiah short: kept and flagged, not applied.
    const short = notification({
      billingCode: billing.code,
      amount: billing.amount - 1000,
      paidAt: t.clock.now().toISOString(),
    });
    expect((await postNotification(t.app, short, { at: t.clock.now() })).json().outcome).toBe(
      'AMOUNT_MISMATCH',
    );

    const { page } = browser;
    await page.goto('/console#/payments');
    const row = page.getByTestId('payment-row').filter({ hasText: billing.code });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.getByTestId('payment-resolution').selectOption('REFUND');
    await row.getByTestId('payment-note').fill('Kurang bayar Rp1.000; dana dikembalikan.');
    await screenshot(page, 'payment-needing-attention');
    await row.getByTestId('payment-resolve').click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    expect(browser.consoleErrors).toEqual([]);
  });

  it('then HQ declares SIMPONI down and recovered from the payments page, and an office admin only reads it', async () => {
    const { page } = browser;
    const byTest = (id: string) => page.getByTestId(id);
    await page.goto('/console#/payments');
    await expect
      .poll(() => byTest('payments-frozen').textContent(), { timeout: 10_000 })
      .toBe('Pembayaran berjalan normal.');
    expect(await page.getByText('Hanya Admin Pusat yang dapat mengubah keadaan mitra.').count()).toBe(1);
    expect(await byTest('partner-outage-SIMPONI').count()).toBe(0);

    await byTest('logout').click();
    const hq = (await demoOfficers(t.app)).find((o) => o.username === 'admin.pusat')!;
    await byTest('login-username').fill(hq.username);
    await byTest('login-password').fill(hq.password);
    await byTest('login-submit').click();
    await expect.poll(() => byTest('officer-name').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.goto('/console#/payments');
    await byTest('partner-reason-SIMPONI').fill('SIMPONI tidak menjawab');
    await byTest('partner-outage-SIMPONI').click();
    await expect
      .poll(() => byTest('payments-frozen').textContent(), { timeout: 10_000 })
      .toMatch(/^Pembayaran dibekukan sejak /);
    expect(await byTest('partner-SIMPONI').textContent()).toContain('SIMPONI tidak menjawab');
    await screenshot(page, 'payments-frozen');
    await byTest('partner-reason-SIMPONI').fill('SIMPONI pulih');
    await byTest('partner-recovery-SIMPONI').click();
    await expect
      .poll(() => byTest('payments-frozen').textContent(), { timeout: 10_000 })
      .toBe('Pembayaran berjalan normal.');
    expect(browser.consoleErrors).toEqual([]);
  });
});
