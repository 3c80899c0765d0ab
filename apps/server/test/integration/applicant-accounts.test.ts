import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession, TEST_PASSWORD } from '../support/accounts.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Account screens of the applicant PWA (issue 9) beyond the main journey: the field Dukcapil disagrees
 * with is marked at registration, and a forgotten password is reset with the e-mailed code.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: join(REPO_ROOT, 'apps/web/dist') } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'applicant-accounts',
    baseURL,
    viewport: { width: 390, height: 844 },
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

describe('when a citizen registers with a date of birth that differs from Dukcapil', () => {
  it('then the date of birth field is marked with the reason', async () => {
    const resident = takeResident(adultWithoutPassport);
    const { page } = browser;
    const byTest = (id: string) => page.getByTestId(id);
    await page.goto('/#/register');
    await byTest('register-fullName').fill(resident.fullName);
    await byTest('register-nik').fill(resident.nik);
    await byTest('register-dateOfBirth').fill('1970-01-01');
    await byTest('register-placeOfBirth').fill(resident.placeOfBirth);
    await byTest(`register-sex-${resident.sex}`).check();
    await byTest('register-email').fill(`beda.${Date.now()}@contoh.id`);
    await byTest('register-phone').fill('081234567890');
    await byTest('register-password').fill(TEST_PASSWORD);
    await byTest('register-submit').click();
    const dateOfBirth = byTest('register-dateOfBirth');
    await expect.poll(() => dateOfBirth.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await byTest('register-fullName').getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'register-mismatch');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('when a citizen forgets the password', () => {
  it('then the e-mailed code sets a new one and the login works with it', async () => {
    const { registration } = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const { page } = browser;
    await page.goto('/#/login');
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByLabel('Alamat e-mail').fill(registration.email);
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    const mail = await smtp.waitFor(registration.email, (m) => /sandi/i.test(m.subject + m.text));
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
    await page.getByLabel('Kode 6 angka').fill(code);
    await page.getByLabel('Kata sandi baru').fill('teh manis sore hari');
    await screenshot(page, 'forgot-password');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();

    await expect.poll(() => page.getByText('Kata sandi telah diubah').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('login-email').fill(registration.email);
    await page.getByTestId('login-password').fill('teh manis sore hari');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Permohonan saya');
  });
});
