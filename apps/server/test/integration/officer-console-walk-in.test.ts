import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '#shared/eligibility.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { jpegWithGps, portraitJpeg } from '../support/files.ts';
import { payAtChannel } from '../support/payments.ts';
import type { Resident } from '../../src/modules/sim/index.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  demoOfficers,
  handOverBody,
  officerCall,
  officerSession,
  type DemoOfficer,
} from '../support/visit.ts';

/**
 * The walk-in counter in real Chromium (issue 16): the counter officer lands on the counter, sees
 * today's quota per lane, files an elderly person in the priority lane, scans the documents at the desk
 * and prints the slip; the lane's quota left drops by one, a full lane is refused on screen, and the
 * walk-in goes through the same visit steps to COLLECTED.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const TODAY = '2026-11-25';
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;
let officers: DemoOfficer[];

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'console', 'index.html')))
    throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  officers = await demoOfficers(t.app);
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'officer-console-walk-in',
    baseURL,
    viewport: { width: 1366, height: 900 },
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

const officer = (username: string) => officers.find((o) => o.username === username)!;
const byTest = (id: string) => browser.page.getByTestId(id);
const quotaLeft = async (lane: string) =>
  Number(await byTest(`walk-in-quota-${lane}`).getAttribute('data-left'));

/** The counter form for one person, filled as the officer would from the KTP in hand. */
async function fileAtCounter(page: Page, lane: string, resident: Resident, group?: string) {
  await byTest(`walk-in-lane-${lane}`).check();
  if (group) await byTest(`walk-in-group-${group}`).check();
  await byTest('walk-in-reason').fill('Pemohon datang langsung ke loket');
  await byTest('walk-in-email').fill(`loket.${resident.nik.slice(-6)}@contoh.id`);
  await byTest('walk-in-phone').fill('081234567890');
  await byTest('walk-in-nik').fill(resident.nik);
  await byTest('walk-in-fullName').fill(resident.fullName);
  await byTest('walk-in-placeOfBirth').fill(resident.placeOfBirth);
  await byTest('walk-in-dateOfBirth').fill(resident.dateOfBirth);
  await byTest(`walk-in-sex-${resident.sex}`).check();
  await byTest('walk-in-type-NEW').check();
  await byTest('walk-in-product').selectOption('ELECTRONIC_5Y');
  await byTest('walk-in-create').click();
  await expect.poll(() => byTest('walk-in-scans').isVisible(), { timeout: 10_000 }).toBe(true);
  const inputs = page.locator('[data-testid^="walk-in-file-"]');
  const kinds = await inputs.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')!));
  expect(kinds.length).toBeGreaterThan(0);
  for (const testId of kinds) {
    const kind = testId.replace('walk-in-file-', '');
    await byTest(testId).setInputFiles({
      name: `${kind}.jpg`,
      mimeType: 'image/jpeg',
      buffer: jpegWithGps(300),
    });
    await expect
      .poll(() => byTest(`walk-in-scan-${kind}`).getAttribute('data-uploaded'), { timeout: 10_000 })
      .toBe('true');
  }
  await byTest('walk-in-submit').click();
}

describe('when a counter officer serves a walk-in in the console', () => {
  it('then the quota shows, the person is filed, scanned and billed on a slip, and the visit ends COLLECTED', async () => {
    const { page } = browser;
    const counter = officer('langsung.jakarta-selatan');
    await page.goto('/console');
    await byTest('login-username').fill(counter.username);
    await byTest('login-password').fill(counter.password);
    await byTest('login-submit').click();
    // An officer who only serves walk-ins lands on the counter.
    await expect.poll(() => byTest('walk-in-form').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => byTest('walk-in-quota-PRIORITY').isVisible()).toBe(true);
    const leftBefore = await quotaLeft('PRIORITY');
    expect(leftBefore).toBeGreaterThan(0);
    // Nothing is chosen for the officer, and the button says what is missing.
    expect(await byTest('walk-in-create').isDisabled()).toBe(true);
    expect(await byTest('walk-in-missing').textContent()).toMatch(/jalur/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-empty');

    const elderly = takeResident((r) => ageOn(r.dateOfBirth, TODAY) >= 62 && r.previousPassport === null);
    await fileAtCounter(page, 'PRIORITY', elderly, 'ELDERLY');
    await expect.poll(() => byTest('walk-in-slip').isVisible(), { timeout: 10_000 }).toBe(true);
    const code = ((await byTest('walk-in-slip-billing').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{15}$/);
    expect(await byTest('walk-in-slip-nik').textContent()).toBe(
      `${elderly.nik.slice(0, 6)}******${elderly.nik.slice(-4)}`,
    );
    expect(await byTest('walk-in-slip-pay-by').textContent()).toMatch(/WIB/);
    await expect.poll(() => quotaLeft('PRIORITY')).toBe(leftBefore - 1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'slip');
    expect(browser.consoleErrors).toEqual([]);

    // The office administrator closes the outage lane for the day; the counter is told, not a seat sold.
    const spv = await officerSession(t.app, officer('spv.jakarta-selatan'));
    expect((await officerCall(t.app, spv, 'PUT', '/walk-in-quotas/APP_OUTAGE', { daily: 0 })).status).toBe(
      200,
    );
    await byTest('walk-in-next').click();
    await fileAtCounter(page, 'APP_OUTAGE', takeResident(adultWithoutPassport));
    await expect
      .poll(() => byTest('walk-in-submit-error').textContent(), { timeout: 10_000 })
      .toMatch(/Kuota layanan langsung/);
    expect(await byTest('walk-in-slip').count()).toBe(0);
    await screenshot(page, 'lane-full');

    // The same visit steps as an online booking, once the slip's code is paid.
    expect((await payAtChannel(t.app, code)).statusCode).toBe(200);
    const list = (await officerCall(t.app, spv, 'GET', '/queue?date=' + TODAY)).body as unknown as {
      id: string;
      number: string;
      fullName: string;
    }[];
    const entry = list.find((e) => e.fullName === elderly.fullName)!;
    const call = (method: 'POST' | 'PUT', url: string, body?: object | Buffer, type?: string) =>
      officerCall(t.app, spv, method, url, body, type);
    await expect
      .poll(async () => (await officerCall(t.app, spv, 'GET', `/applications/${entry.id}`)).body.status, {
        timeout: 10_000,
      })
      .toBe('PAID');
    const steps: [string, object | Buffer | undefined, string?][] = [
      ['/check-ins', { applicationNumber: entry.number }],
      [`/applications/${entry.id}/document-verification`, { decision: 'ACCEPT' }],
      [`/applications/${entry.id}/photo`, portraitJpeg(), 'image/jpeg'],
      [`/applications/${entry.id}/fingerprints`, undefined],
      [
        `/applications/${entry.id}/interview`,
        { notes: 'Lansia, dokumen sesuai.', recommendation: 'APPROVE' },
      ],
      [`/applications/${entry.id}/adjudication`, { decision: 'APPROVE' }],
      [`/applications/${entry.id}/issue`, undefined],
      [`/applications/${entry.id}/hand-over`, await handOverBody(t.app, spv, entry.id)],
    ];
    // Four eyes (issue 17): the supervisor interviews, the office's adjudicator decides.
    const adjudicator = await officerSession(t.app, officer('adjudikator.jakarta-selatan'));
    for (const [url, body, type] of steps) {
      const done = url.endsWith('/adjudication')
        ? await officerCall(t.app, adjudicator, 'POST', url, body)
        : await call(url.endsWith('/photo') ? 'PUT' : 'POST', url, body, type);
      expect([200, 201], `${url}: ${JSON.stringify(done.body)}`).toContain(done.status);
    }
    expect((await officerCall(t.app, spv, 'GET', `/applications/${entry.id}`)).body.status).toBe('COLLECTED');
  });
});
