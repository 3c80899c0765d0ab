import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { jpegWithGps } from '../support/files.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { demoOfficers, officerCall, officerSession, paidApplication } from '../support/visit.ts';

/**
 * A rejection contested in real Chromium (issue 16): the applicant, on the phone, uploads a new document
 * and files the objection; an adjudicator other than the officer who rejected overturns it in the
 * console, with nothing preselected, and the application is back at verification.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const OFFICE = 'JAKARTA_SELATAN';
let smtp: TestSmtpServer;
let t: TestApp;
let phone: OpenedPage;
let desk: OpenedPage;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'sw.js'))) throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  phone = await openPage({ testName: 'contest-applicant', baseURL, viewport: { width: 390, height: 844 } });
  desk = await openPage({ testName: 'contest-console', baseURL, viewport: { width: 1366, height: 900 } });
});
afterAll(async () => {
  await phone?.close();
  await desk?.close();
  await t?.close();
  await smtp?.close();
});

describe('when a rejected applicant contests on the phone and another adjudicator decides in the console', () => {
  it('then the objection is filed with its new document and the overturn reopens verification', async () => {
    const officers = await demoOfficers(t.app);
    const spv = await officerSession(
      t.app,
      officers.find((o) => o.username === 'spv.jakarta-selatan')!,
    );
    const paid = await paidApplication(t.app, smtp, OFFICE);
    const number = (await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body.number as string;
    expect((await officerCall(t.app, spv, 'POST', '/check-ins', { applicationNumber: number })).status).toBe(
      200,
    );
    const rejected = await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/document-verification`, {
      decision: 'REJECT',
      notes: 'Akta kelahiran tidak terbaca',
    });
    expect(rejected.body.status).toBe('REJECTED');

    const { page } = phone;
    await page.addInitScript(
      `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(paid.applicant.login.json()))})`,
    );
    await page.goto(`/#/applications/${paid.id}`);
    await expect.poll(() => page.getByTestId('contest').count(), { timeout: 10_000 }).toBe(1);
    // The button says what is missing until the document and the reason are there.
    expect(await page.getByTestId('contest-submit').isDisabled()).toBe(true);
    await page.getByTestId('contest-evidence').setInputFiles({
      name: 'akta.jpg',
      mimeType: 'image/jpeg',
      buffer: jpegWithGps(800),
    });
    await expect.poll(() => page.getByTestId('contest-evidence-done').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('contest-reason').fill('Saya lampirkan akta kelahiran yang terbaca jelas.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'objection-ready');
    await page.getByTestId('contest-submit').click();
    await expect
      .poll(() => page.getByTestId('contest').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('PENDING');
    await screenshot(page, 'objection-pending');
    expect(phone.consoleErrors).toEqual([]);

    const adjudicator = officers.find((o) => o.username === 'adjudikator.jakarta-selatan')!;
    const office = desk.page;
    await office.goto('/console');
    await office.getByTestId('login-username').fill(adjudicator.username);
    await office.getByTestId('login-password').fill(adjudicator.password);
    await office.getByTestId('login-submit').click();
    await expect.poll(() => office.getByTestId('officer-name').isVisible(), { timeout: 10_000 }).toBe(true);
    await office.goto(`/console#/applications/${paid.id}`);
    await expect
      .poll(() => office.getByTestId('contest-decision-form').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await office.locator('[data-kind="CONTEST_EVIDENCE"]').textContent()).toMatch(/keberatan/);
    expect(await office.getByTestId('contest-decision-submit').isDisabled()).toBe(true);
    expect(await seriousAxeViolations(office)).toEqual([]);
    await office.getByTestId('contest-decision-OVERTURN').check();
    await office.getByTestId('contest-decision-reason').fill('Akta baru terbaca dan sah');
    await office.getByTestId('contest-decision-submit').click();
    await expect
      .poll(() => office.getByTestId('application-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('CHECKED_IN');
    await expect
      .poll(() => office.getByTestId('contest-card').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('OVERTURNED');
    await screenshot(office, 'overturned');
    expect(desk.consoleErrors).toEqual([]);
  });
});
