import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { payAtChannel } from '../support/payments.ts';
import { adultWithValidPassport, applicantOf, takeResident } from '../support/residents.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { demoOfficers, officerCall, officerSession, paidApplication } from '../support/visit.ts';

/**
 * A lost passport in the console, in real Chromium (issue 16): the verifier records the BAP, the head
 * of office decides, the fine's billing code shows, and once it is paid the documents can be accepted.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'console', 'index.html')))
    throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'officer-console-loss',
    baseURL,
    viewport: { width: 1366, height: 900 },
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

describe('when a lost passport’s holder is checked in and the office opens the application', () => {
  it('then the BAP, the head of office’s decision and the fine are done in the console', async () => {
    const resident = takeResident(adultWithValidPassport);
    const paid = await paidApplication(t.app, smtp, 'BANDUNG', {
      type: 'REPLACEMENT',
      replacementReason: 'LOST',
      previousPassportNumber: resident.previousPassport!.number,
      applicant: applicantOf(resident),
    });
    const spv = (await demoOfficers(t.app)).find((o) => o.username === 'spv.bandung')!;
    const api = await officerSession(t.app, spv);
    const number = (await officerCall(t.app, api, 'GET', `/applications/${paid.id}`)).body.number as string;
    expect((await officerCall(t.app, api, 'POST', '/check-ins', { applicationNumber: number })).status).toBe(
      200,
    );

    const { page } = browser;
    const byTest = (id: string) => page.getByTestId(id);
    await page.goto('/console');
    await byTest('login-username').fill(spv.username);
    await byTest('login-password').fill(spv.password);
    await byTest('login-submit').click();
    await expect.poll(() => byTest('officer-name').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.goto(`/console#/applications/${paid.id}`);
    await expect.poll(() => byTest('loss-report-form').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await byTest('loss-decision-form').count()).toBe(0);

    await byTest('loss-circumstances').fill('Tas berisi paspor tertinggal di kereta dan tidak ditemukan.');
    await byTest('loss-report-submit').click();
    await expect.poll(() => byTest('loss-decision-form').isVisible(), { timeout: 10_000 }).toBe(true);
    // Nothing is decided for the head of office: the button waits for a choice.
    expect(await byTest('loss-decision-submit').isDisabled()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'bap-recorded');

    await byTest('loss-decision-ISSUE').check();
    await byTest('loss-decision-reason').fill('Kehilangan pertama, sesuai surat kepolisian.');
    await byTest('loss-decision-submit').click();
    await expect.poll(() => byTest('loss-fine').textContent(), { timeout: 10_000 }).toMatch(/\d{15}/);
    expect(await byTest('loss-fine').textContent()).toMatch(/1\.000\.000/);
    await screenshot(page, 'fine-billed');

    const code = /(\d{15})/.exec((await byTest('loss-fine').textContent()) ?? '')![1]!;
    expect((await payAtChannel(t.app, code)).statusCode).toBe(200);
    await page.reload();
    await expect.poll(() => byTest('loss-fine').textContent(), { timeout: 10_000 }).toMatch(/NTPN/);
    await byTest('verify-decision-ACCEPT').check();
    await byTest('verify-submit').click();
    await expect
      .poll(() => byTest('application-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('VERIFIED');
    expect(browser.consoleErrors).toEqual([]);
  });
});
