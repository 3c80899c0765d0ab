import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { consentCodeFor } from '../support/applications.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { jpegWithGps } from '../support/files.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * Issue 15 in the applicant app: a draft for another adult shows the consent step; the code sent to the
 * NIK holder's own contact, entered here, lets the application be submitted.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'sw.js'))) throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({ testName: 'applicant-consent', baseURL, viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

describe('when an applicant opens a draft made for another adult', () => {
  it('then the app asks for the holder’s code, and once entered the consent shows as given', async () => {
    const filer = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: bearer(filer),
      payload: {
        type: 'NEW',
        product: 'ELECTRONIC_5Y',
        applicant: applicantOf(takeResident(adultWithoutPassport)),
      },
    });
    const { id, number, requiredDocuments } = created.json() as {
      id: string;
      number: string;
      requiredDocuments: string[];
    };
    for (const kind of requiredDocuments)
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/applications/${id}/documents/${kind}`,
        headers: { ...bearer(filer), 'content-type': 'image/jpeg' },
        payload: jpegWithGps(300),
      });

    const { page } = browser;
    await page.addInitScript(
      `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(filer.login.json()))})`,
    );
    await page.goto(`/#/applications/${id}`);
    const card = page.getByTestId('consent');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Kirim kode ke pemilik NIK' }).click();
    await expect.poll(() => card.getByRole('status').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'consent-code-sent');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const code = await consentCodeFor(t.app, number);
    await page.getByLabel('Kode persetujuan (6 angka)').fill(code);
    await page.getByRole('button', { name: 'Konfirmasi persetujuan' }).click();
    await expect.poll(() => page.getByTestId('consent-given').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'consent-given');

    const consent = await t.app.inject({ url: `/api/v1/applications/${id}/consent`, headers: bearer(filer) });
    expect(consent.json().consentedAt).not.toBeNull();
    expect(browser.consoleErrors).toEqual([]);
  });
});
