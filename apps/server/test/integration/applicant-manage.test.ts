import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { seriousAxeViolations } from '../support/axe.ts';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { payAtChannel } from '../support/payments.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * "My applications" in the applicant PWA (issue 9): a paid application booked for a later day is
 * rescheduled once through the UI (the rule is shown, the second time is not offered), then cancelled
 * after the warning that a paid fee is not refunded.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: join(REPO_ROOT, 'apps/web/dist') } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({ testName: 'applicant-manage', baseURL, viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

/** A PAID application whose appointment is on the first day after today that has sessions. */
async function paidForLaterDay() {
  const applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
  const { id } = await completeDraft(t.app, applicant, {});
  const sessions = (await t.app.inject({ url: '/api/v1/offices/JAKARTA_SELATAN/sessions' })).json() as {
    id: string;
    date: string;
  }[];
  const later = sessions.find((s) => s.date > sessions[0]!.date)!;
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/submit`,
    headers: bearer(applicant),
    payload: { sessionId: later.id },
  });
  const { billing } = submitted.json() as { billing: { code: string } };
  expect((await payAtChannel(t.app, billing.code)).statusCode).toBe(200);
  return { id, date: later.date, login: applicant.login.json() as unknown };
}

describe('when an applicant manages a paid application', () => {
  it('then the timeline shows, a reschedule is taken once, and cancelling releases it', async () => {
    const paid = await paidForLaterDay();
    const { page } = browser;
    await page.addInitScript(
      `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(paid.login))})`,
    );
    await page.goto(`/#/applications/${paid.id}`);
    const status = page.getByTestId('application-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('PAID');
    expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('appointment').getAttribute('data-date')).toBe(paid.date);
    await screenshot(page, 'paid-details');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Issue 17: the reschedule shows the current booking and starts at its office, no empty search.
    await page.getByTestId('reschedule').click();
    await page.getByTestId('current-booking').waitFor();
    await expect.poll(() => page.getByTestId('chosen-office').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('office-locate').count()).toBe(0);
    expect(await page.getByTestId('session-confirm').isDisabled()).toBe(true);
    const otherDay = page.locator(`[data-testid="day-available"]:not([data-date="${paid.date}"])`).last();
    await otherDay.click();
    await page.locator('input[data-testid^="session-"]:not([disabled])').first().check();
    await screenshot(page, 'reschedule');
    await page.getByTestId('session-confirm').click();
    // The one change is spent only after the question that says so.
    const ask = page.getByTestId('reschedule-ask');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('hanya dapat diubah satu kali');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('reschedule-confirm').click();

    const appointment = page.getByTestId('appointment');
    await expect.poll(() => appointment.getAttribute('data-date'), { timeout: 10_000 }).not.toBe(paid.date);
    expect(await page.getByTestId('flash').textContent()).toContain('Jadwal berhasil diubah');
    expect(await page.getByTestId('reschedule').count()).toBe(0);
    await screenshot(page, 'rescheduled');

    await page.getByTestId('cancel').click();
    // Paid: the question says the fee is not refunded (issue 16), before anything is cancelled.
    const warning = page.getByTestId('cancel-no-refund');
    await warning.waitFor();
    expect(await warning.textContent()).toBe(
      'Biaya PNBP yang sudah dibayar tidak dikembalikan bila permohonan dibatalkan.',
    );
    expect(await page.getByRole('alertdialog').getAttribute('aria-describedby')).toBe('cancel-no-refund');
    expect(await status.getAttribute('data-status')).toBe('PAID');
    await screenshot(page, 'cancel-no-refund');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('cancel-confirm').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('CANCELLED');
    await screenshot(page, 'cancelled');
    expect(browser.consoleErrors).toEqual([]);
  });
});
