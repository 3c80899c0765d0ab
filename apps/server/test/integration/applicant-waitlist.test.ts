import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { horizontalOverflow, seriousAxeViolations } from '../support/axe.ts';
import { getInProcess, pickTargetSession, prepareApplicants } from '../support/booking-fixtures.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';
import { onlySessionOfItsDay } from '../support/waitlist.ts';

/**
 * The waitlist of freed seats in the applicant PWA (issue 15), in Chromium on a 390×844 phone: a full
 * day, joined from the office screen; the seat someone else frees shows up as an offer on the
 * application screen without a reload, and accepting it leads to the billing code.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const OFFICE = 'BANDUNG';
const HOUR = 3_600_000;
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'sw.js'))) throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'applicant-waitlist',
    baseURL,
    viewport: { width: 390, height: 844 },
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

/** Screenshot, no serious accessibility violation, and no sideways scrolling on a 320 px phone. */
async function check(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `overflow at 320 px on ${name}`).toBe(0);
  await page.setViewportSize({ width: 390, height: 844 });
}

describe('when the only seat of a day is booked and a second applicant joins its waitlist in the app', () => {
  it('then the seat freed by a cancellation is offered on the application screen, and accepting it leads to payment', async () => {
    // X holds the day's only seat.
    const [holder] = await prepareApplicants(t.db.db, 1, { now: t.clock.now() });
    const sessionId = await pickTargetSession(t.db.db, getInProcess(t.app), OFFICE, 1, {
      now: t.clock.now(),
      minLeadMs: 48 * HOUR,
    });
    const day = await onlySessionOfItsDay(t.db.db, sessionId);
    const holderHeaders = { authorization: `Bearer ${holder!.token}` };
    const booked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${holder!.applicationId}/submit`,
      headers: holderHeaders,
      payload: { sessionId },
    });
    expect(booked.statusCode, booked.body).toBe(200);

    // Y, with a complete draft, logs in and opens the office screen.
    const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const { id } = await completeDraft(t.app, applicant);
    const { page } = browser;
    const byTest = (testId: string) => page.getByTestId(testId);
    await page.addInitScript(
      `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(applicant.login.json()))})`,
    );
    await page.goto(`/#/applications/${id}/office`);
    await page.getByLabel('Cari kota atau nama kantor').fill('Bandung');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect.poll(() => byTest('office-option').count(), { timeout: 10_000 }).toBe(1);
    await byTest('office-option').click();
    await expect.poll(() => byTest('waitlist-join-card').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => byTest('day-available').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // The default four weeks still have free seats: the server says to book one instead.
    await byTest('waitlist-join').click();
    const refusal = byTest('waitlist-join-card').getByRole('alert');
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toMatch(/Masih ada kursi kosong/);
    await check(page, 'join-refused-seats-free');
    // The browser logs the refused join (409) as a console error; it is the only one allowed.
    expect(browser.consoleErrors).toEqual([expect.stringMatching(/status of 409/)]);

    await byTest('waitlist-from').fill(day);
    await byTest('waitlist-to').fill(day);
    expect(await byTest('waitlist-radius-0').isChecked()).toBe(true);
    await byTest('waitlist-join').click();

    const waitlist = byTest('waitlist');
    await expect.poll(() => waitlist.getAttribute('data-status'), { timeout: 10_000 }).toBe('WAITING');
    expect(await byTest('waitlist-position').textContent()).toBe('Anda di daftar tunggu, urutan ke-1');
    await expect.poll(() => waitlist.textContent()).toContain('Kantor Imigrasi Kelas I TPI Bandung');
    await check(page, 'waiting');

    // X cancels: the freed seat is held for Y at once, and the screen's refresh shows it without a tap.
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${holder!.applicationId}/cancel`,
      headers: holderHeaders,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const offer = byTest('waitlist-offer');
    await expect.poll(() => offer.count(), { timeout: 25_000, interval: 500 }).toBe(1);
    expect(await offer.getAttribute('data-date')).toBe(day);
    expect(await offer.getAttribute('data-office')).toBe(OFFICE);
    const longDay = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
    expect(await offer.textContent()).toContain('Kantor Imigrasi Kelas I TPI Bandung');
    expect(await offer.textContent()).toContain(longDay);
    expect(await byTest('waitlist-hold').textContent()).toMatch(
      /Ditahan untuk Anda sampai \d{2}[.:]\d{2} WIB/,
    );
    await check(page, 'offered');

    // Declining asks once more; going back keeps the offer.
    await byTest('waitlist-decline').click();
    expect(await page.getByRole('alertdialog').textContent()).toMatch(/Yakin menolak/);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Kembali' }).click();

    await byTest('waitlist-accept').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Pembayaran');
    await expect
      .poll(async () => ((await byTest('billing-code').textContent()) ?? '').replace(/\s/g, ''), {
        timeout: 10_000,
      })
      .toMatch(/^\d{15}$/);
    await screenshot(page, 'accepted-pay');
    const view = await t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(applicant) });
    expect(view.json()).toMatchObject({ status: 'AWAITING_PAYMENT', appointment: { date: day } });
    expect(browser.consoleErrors.slice(1)).toEqual([]);
  });
});
