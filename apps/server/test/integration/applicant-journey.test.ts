import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '#shared/eligibility.ts';
import { horizontalOverflow, seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { jpegWithGps, minimalPdf } from '../support/files.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The applicant PWA in real Chromium on a 390×844 phone in Bahasa Indonesia (issue 9): register, the
 * code from the simulated mailbox, login, apply, upload, nearest office and a session, billing code and
 * countdown, payment at the simulated channel, PAID and the arrival QR, then English; and offline, the
 * last known status. Every screen is screenshotted, checked with axe-core and measured at 320 px.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const JAKARTA_SELATAN = { latitude: -6.2615, longitude: 106.8106 };
let smtp: TestSmtpServer;
let t: TestApp;
let baseURL: string;
let browser: OpenedPage;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'sw.js'))) throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'applicant-journey',
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    permissions: ['geolocation'],
  });
  await browser.context.setGeolocation(JAKARTA_SELATAN);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

interface SimResident {
  nik: string;
  fullName: string;
  dateOfBirth: string;
  placeOfBirth: string;
  sex: 'M' | 'F';
  previousPassportNumber: string | null;
}

async function adultWithoutPassport(): Promise<SimResident> {
  const residents = (
    await t.app.inject({ url: '/sim/dukcapil/residents?limit=200' })
  ).json() as SimResident[];
  const found = residents.find(
    (r) =>
      ageOn(r.dateOfBirth, '2026-11-25') >= 20 &&
      r.previousPassportNumber === null &&
      !r.fullName.includes("'"),
  );
  if (!found) throw new Error('no adult resident without a passport');
  return found;
}

async function codeFromOutbox(email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mails = (await t.app.inject({ url: `/sim/outbox?to=${encodeURIComponent(email)}` })).json() as {
      text: string;
    }[];
    const code = mails.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]).find(Boolean);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code for ${email} in /sim/outbox`);
}

/** Screenshot, no serious accessibility violation, and no sideways scrolling on a 320 px phone. */
async function check(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `overflow at 320 px on ${name}`).toBe(0);
  await page.setViewportSize({ width: 390, height: 844 });
}

const heading = (page: Page) => page.locator('h1').textContent();

describe('when a citizen applies for a passport on a phone', () => {
  it('then register, apply, upload, book, pay and the arrival QR work in Bahasa Indonesia, and in English', async () => {
    const { page } = browser;
    const byTest = (id: string) => page.getByTestId(id);
    const resident = await adultWithoutPassport();
    const email = `pemohon.${Date.now()}@contoh.id`;

    await page.goto('/');
    await expect.poll(() => heading(page)).toBe('Selamat datang di M-Paspor');
    await check(page, 'home');

    await byTest('home-register').click();
    await byTest('register-fullName').fill(resident.fullName);
    await byTest('register-nik').fill(resident.nik);
    await byTest('register-dateOfBirth').fill(resident.dateOfBirth);
    await byTest('register-placeOfBirth').fill(resident.placeOfBirth);
    await byTest(`register-sex-${resident.sex}`).check();
    await byTest('register-email').fill(email);
    await byTest('register-phone').fill('081234567890');
    await byTest('register-password').fill('kopi tubruk pagi hari');
    await check(page, 'register');
    await byTest('register-submit').click();

    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Masukkan kode verifikasi');
    await byTest('verify-code').fill(await codeFromOutbox(email));
    await check(page, 'verify-code');
    await byTest('verify-submit').click();

    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Masuk ke akun Anda');
    await byTest('login-email').fill(email);
    await byTest('login-password').fill('kopi tubruk pagi hari');
    await check(page, 'login');
    await byTest('login-submit').click();

    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Permohonan saya');
    await check(page, 'applications-empty');
    await byTest('new-application').click();
    await expect.poll(() => byTest('fee-total').textContent()).toMatch(/950\.000/);
    await byTest('choice-type-REPLACEMENT').check();
    await byTest('choice-type-NEW').check();
    await check(page, 'new-application');
    await byTest('apply-submit').click();

    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Unggah dokumen');
    const inputs = page.locator('input[data-testid$="-file"]');
    await expect.poll(() => inputs.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await inputs.count()); i++) {
      const pdf = i % 2 === 1;
      await inputs.nth(i).setInputFiles({
        name: pdf ? 'dokumen.pdf' : 'foto.jpg',
        mimeType: pdf ? 'application/pdf' : 'image/jpeg',
        buffer: pdf ? minimalPdf() : jpegWithGps(4_000),
      });
    }
    const cards = page.locator('[data-testid$="-card"]');
    await expect
      .poll(
        async () => (await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(),
        {
          timeout: 15_000,
        },
      )
      .toMatch(/^(done,)*done$/);
    await check(page, 'upload');
    await byTest('upload-next').click();

    await expect.poll(() => heading(page)).toBe('Pilih kantor imigrasi');
    await byTest('office-locate').click();
    await expect.poll(() => byTest('office-option').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await byTest('office-option').first().textContent()).toMatch(/Jakarta Selatan/);
    await check(page, 'offices-nearest');
    await byTest('office-option').first().click();
    await expect.poll(() => byTest('day-available').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await byTest('day-available').first().textContent()).toMatch(/tersedia/);
    await byTest('day-available').first().click();
    await page.locator('input[data-testid^="session-"]:not([disabled])').first().check();
    await check(page, 'calendar-and-session');
    await byTest('session-confirm').click();

    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Pembayaran');
    const billingCode = ((await byTest('billing-code').textContent()) ?? '').replace(/\s/g, '');
    expect(billingCode).toMatch(/^\d{15}$/);
    const first = await byTest('pay-countdown').textContent();
    expect(first).toMatch(/^[12]:\d{2}:\d{2}$/);
    await expect.poll(() => byTest('pay-countdown').textContent(), { timeout: 5_000 }).not.toBe(first);
    await check(page, 'payment');

    await byTest('pay-simulated').click();
    await page.getByRole('button', { name: 'Tokopedia' }).click();
    await expect.poll(() => page.getByText('Pembayaran berhasil').count()).toBe(1);
    await screenshot(page, 'simulated-channel-paid');
    await page.getByRole('link', { name: 'Kembali ke M-Paspor' }).click();

    const status = byTest('application-status').first();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('PAID');
    expect(await status.textContent()).toBe('Sudah Terbayar');
    await check(page, 'applications-paid');
    await byTest('application-next').first().click();
    await expect.poll(() => byTest('arrival-qr').isVisible(), { timeout: 10_000 }).toBe(true);
    const qrWidth = (await byTest('arrival-qr').boundingBox())?.width ?? 0;
    expect(qrWidth).toBeGreaterThan(300);
    await check(page, 'arrival-pass');

    await byTest('language-switch').click();
    await expect.poll(() => heading(page)).toBe('Arrival pass');
    expect(await byTest('application-status').textContent()).toBe('Paid');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await check(page, 'arrival-pass-english');
    await page.goto('/#/applications');
    await expect.poll(() => heading(page)).toBe('My applications');
    await check(page, 'applications-english');
    expect(browser.consoleErrors).toEqual([]);
  });

  it('then, with the network cut after that visit, the app opens and shows the last known status', async () => {
    const { page, context } = browser;
    await expect.poll(() => page.evaluate<boolean>('Boolean(navigator.serviceWorker.controller)')).toBe(true);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.getByTestId('offline-banner').isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await page.getByTestId('application-status').first().getAttribute('data-status')).toBe('PAID');
      await screenshot(page, 'offline-last-status');
      await page.getByTestId('application-next').first().click();
      await expect.poll(() => page.getByTestId('arrival-qr').isVisible(), { timeout: 10_000 }).toBe(true);
      await screenshot(page, 'offline-arrival-pass');
    } finally {
      await context.setOffline(false);
    }
  });

  it('then the app is installable: manifest, icons for Android and iOS, a service worker', async () => {
    const manifest = await t.app.inject({ url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    const body = manifest.json() as {
      name: string;
      display: string;
      theme_color: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(body).toMatchObject({ display: 'standalone', theme_color: '#0b3d91', start_url: '/#/' });
    expect(body.name).toMatch(/M-Paspor/);
    const sizes = body.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    const page = (await t.app.inject({ url: '/' })).body;
    expect(page).toMatch(/rel="manifest"/);
    expect(page).toMatch(/rel="apple-touch-icon" sizes="180x180"/);
    for (const src of [...body.icons.map((icon) => icon.src), '/icons/apple-touch-icon-180.png']) {
      expect((await t.app.inject({ url: src })).statusCode, src).toBe(200);
    }
    const worker = await t.app.inject({ url: '/sw.js' });
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.body).not.toMatch(/BUILD_ID = 'dev'/);
  });

  it('then the first screen is interactive within 6 s on a throttled 3G connection', async () => {
    const context = await browser.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'id-ID',
    });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      // Lighthouse's mobile profile as DevTools applies it: 562.5 ms round trip, 1.47 Mbit/s down.
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 562.5,
        downloadThroughput: (1474.5 * 1024) / 8,
        uploadThroughput: (675 * 1024) / 8,
      });
      const started = Date.now();
      await page.goto(`${baseURL}/`);
      await page.getByTestId('home-register').click();
      await page.getByTestId('register-fullName').waitFor();
      const elapsed = Date.now() - started;
      console.log(`first screen interactive on throttled 3G: ${elapsed} ms`);
      expect(elapsed).toBeLessThan(6_000);
    } finally {
      await context.close();
    }
  });

  it('then "what do I need?" works without login: a child gets 5 years only, and the fee follows', async () => {
    const context = await browser.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'id-ID',
    });
    try {
      const page = await context.newPage();
      await page.goto(`${baseURL}/#/advisor`);
      await page.getByTestId('advisor-dob').fill('2015-03-01');
      const tenYears = page.locator('input[name="validity"][value="10"]');
      await expect.poll(() => tenYears.isDisabled()).toBe(true);
      await expect.poll(() => page.getByTestId('fee-total').textContent()).toMatch(/650\.000/);
      expect(await page.getByText('Akta kelahiran anak', { exact: true }).count()).toBe(1);
      await page.locator('input[name="service"][value="EXPRESS"]').check();
      await expect.poll(() => page.getByTestId('fee-total').textContent()).toMatch(/1\.650\.000/);
      await screenshot(page, 'advisor-child');
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
