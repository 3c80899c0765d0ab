import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { jpegPixels } from '../support/files.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, demoOfficers, officerCall, officerSession, paidApplication } from '../support/visit.ts';

/**
 * Screens a citizen can trust, in real Chromium at 390×844 (issue 17): the arrival pass says who, where
 * and when with a short code and can be saved; a 9 MB camera photo uploads under 5 MB and stays
 * legible; a "session full" refusal shows fresh seats with the message in focus; a cancelled billing
 * code is refused at the channel.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const OFFICE = 'JAKARTA_SELATAN';
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'sw.js'))) throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST, jobIntervalMs: 200 } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({ testName: 'applicant-screens', baseURL, viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

/** Opens a screen signed in as this applicant (replacing whoever was signed in before). */
async function openAs(login: unknown, hash: string) {
  const { page } = browser;
  await page.goto('/');
  await page.evaluate(
    `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(login))})`,
  );
  await page.goto(`/${hash}`);
  await page.reload();
}

/**
 * A 12-megapixel camera frame drawn in the page: a document's text on a grainy background, as phones
 * store it (about 9 MB at quality 0.9), answered as base64.
 */
const CAMERA_PHOTO = `(async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 4000;
  canvas.height = 3000;
  const context = canvas.getContext('2d');
  const noise = context.createImageData(4000, 3000);
  let seed = 7;
  for (let i = 0; i < noise.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    noise.data[i] = 100 + (seed % 150);
    noise.data[i + 1] = 100 + ((seed >> 8) % 150);
    noise.data[i + 2] = 90 + ((seed >> 16) % 150);
    noise.data[i + 3] = 255;
  }
  context.putImageData(noise, 0, 0);
  context.fillStyle = '#111';
  context.font = 'bold 120px sans-serif';
  for (let line = 0; line < 12; line++) context.fillText('KARTU KELUARGA NO 3171010101700001', 200, 300 + line * 220);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
})()`;

describe('when an applicant opens the arrival pass on the phone', () => {
  it('then it shows the holder, office, date and a short code the office accepts, and it can be saved as an image', async () => {
    const paid = await paidApplication(t.app, smtp, OFFICE);
    await openAs(paid.applicant.login.json(), `#/applications/${paid.id}/pass`);
    const { page } = browser;
    await expect.poll(() => page.getByTestId('pass-short-code').count(), { timeout: 10_000 }).toBe(1);
    const shortCode = (await page.getByTestId('pass-short-code').textContent())!;
    expect(shortCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}$/);
    expect(await page.getByTestId('pass-when').getAttribute('data-date')).toBe(paid.date);
    expect(await page.getByTestId('pass-when').textContent()).toMatch(/WIB/);
    await expect.poll(() => page.getByTestId('pass-office').textContent()).toMatch(/Jakarta Selatan/);
    // The pass names the person the application is for (here a relative who consented), NIK masked.
    const holder = (
      await t.app.inject({ url: `/api/v1/applications/${paid.id}`, headers: bearer(paid.applicant) })
    ).json().applicant as { fullName: string; nik: string };
    const shown = (await page.getByTestId('pass-holder').textContent()) ?? '';
    expect(shown).toContain(holder.fullName);
    expect(shown).toContain(`${holder.nik.slice(0, 6)}******${holder.nik.slice(-4)}`);
    expect(shown).not.toContain(holder.nik);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'arrival-pass');

    const download = page.waitForEvent('download');
    await page.getByTestId('pass-save').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^kode-kedatangan-MP\d{4}-\d+\.png$/);
    const stream = await saved.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const png = Buffer.concat(chunks);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(5_000);

    // Read out at the desk instead of scanned: the office finds the booking of the day by it.
    const spv = await officerSession(
      t.app,
      (await demoOfficers(t.app)).find((o) => o.username === 'spv.jakarta-selatan')!,
    );
    const checkedIn = await officerCall(t.app, spv, 'POST', '/check-ins', {
      shortCode: shortCode.toLowerCase(),
    });
    expect(checkedIn.body.status, JSON.stringify(checkedIn.body)).toBe('CHECKED_IN');
    const wrong = await officerCall(t.app, spv, 'POST', '/check-ins', { shortCode: 'AAAA-AAAA' });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'ARRIVAL_PASS_INVALID']);
  });
});

describe('when an applicant uploads a 9 MB photo straight from the camera', () => {
  it('then the phone sends it under 5 MB, at 1600 px or more on the long side, with the limit told before choosing', async () => {
    const resident = takeResident(adultWithoutPassport);
    const applicant = await registeredSession(t.app, smtp, {}, resident);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: bearer(applicant),
      payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(resident) },
    });
    const { id, requiredDocuments } = created.json() as { id: string; requiredDocuments: string[] };
    const kind = requiredDocuments[0]!;
    await openAs(applicant.login.json(), `#/applications/${id}/upload`);
    const { page } = browser;
    await expect.poll(() => page.getByTestId(`upload-${kind}-limit`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId(`upload-${kind}-limit`).textContent()).toContain('5 MB');

    // A 12-megapixel camera frame: a document's text on a grainy background, as phones store it.
    const base64 = (await page.evaluate(CAMERA_PHOTO)) as string;
    const camera = Buffer.from(base64, 'base64');
    expect(camera.length).toBeGreaterThan(8 * 1024 * 1024);
    await page.getByTestId(`upload-${kind}-file`).setInputFiles({
      name: 'IMG_20261125_101500.jpg',
      mimeType: 'image/jpeg',
      buffer: camera,
    });
    await expect
      .poll(() => page.getByTestId(`upload-${kind}-card`).getAttribute('data-state'), { timeout: 30_000 })
      .toBe('done');
    const stored = await t.app.inject({
      url: `/api/v1/applications/${id}/documents/${kind}`,
      headers: bearer(applicant),
    });
    expect(stored.statusCode).toBe(200);
    expect(stored.rawPayload.length).toBeLessThan(5 * 1024 * 1024);
    const pixels = jpegPixels(stored.rawPayload);
    expect(Math.max(pixels.width, pixels.height)).toBeGreaterThanOrEqual(1600);
    expect(pixels.width / pixels.height).toBeCloseTo(4000 / 3000, 2);
    await screenshot(page, 'camera-photo-uploaded');
  });
});

describe('when the chosen session fills up before the applicant confirms', () => {
  it('then the refusal is in focus and nothing stays selected', async () => {
    const resident = takeResident(adultWithoutPassport);
    const applicant = await registeredSession(t.app, smtp, {}, resident);
    const { id } = await completeDraft(t.app, applicant, { applicant: applicantOf(resident) });
    await openAs(applicant.login.json(), `#/applications/${id}/office`);
    const { page } = browser;
    await page.getByLabel('Cari kota atau nama kantor').fill('Jakarta Selatan');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByTestId('office-option').first().click();
    await expect
      .poll(() => page.getByTestId('day-available').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('session-confirm').isDisabled()).toBe(true);
    await page.getByTestId('day-available').first().click();
    const radio = page.locator('input[data-testid^="session-"]:not([disabled])').first();
    const sessionId = ((await radio.getAttribute('data-testid')) ?? '').replace(/^session-/, '');
    await radio.check();
    // Someone else takes the last seats between the pick and the tap (given back at the end).
    const [before] = await queryRows<{ booked: number }>(
      t.db.db,
      sql`select booked from sessions where id = ${sessionId}`,
    );
    await t.db.db.execute(sql`update sessions set booked = capacity where id = ${sessionId}`);
    await page.getByTestId('session-confirm').click();
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("data-testid")'), { timeout: 10_000 })
      .toBe('error');
    expect(await page.getByTestId('error').first().textContent()).toBeTruthy();
    expect(await page.locator('input[data-testid^="session-"]:checked').count()).toBe(0);
    expect(await page.getByTestId('session-confirm').isDisabled()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'session-full');
    await t.db.db.execute(sql`update sessions set booked = ${before!.booked} where id = ${sessionId}`);
  });
});

describe('when a link leads nowhere or the session has ended', () => {
  it('then the phone says so: a not-found page, an unknown application, and a login that returns to the screen', async () => {
    const paid = await paidApplication(t.app, smtp, OFFICE);
    await openAs(paid.applicant.login.json(), '#/nowhere/at/all');
    const { page } = browser;
    await expect.poll(() => page.getByTestId('not-found').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#screen-title').textContent()).toBe('Halaman tidak ditemukan');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/#/applications/00000000-0000-4000-8000-000000000000');
    await expect.poll(() => page.getByTestId('back-to-applications').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#screen-title').textContent()).toBe('Permohonan tidak ditemukan');

    // The server no longer knows the token: the login says why and returns to the application.
    await page.evaluate(`(() => {
      const stored = JSON.parse(localStorage.getItem('mpaspor.applicant.session'));
      localStorage.setItem('mpaspor.applicant.session', JSON.stringify({ ...stored, token: 'ended' }));
    })()`);
    await page.goto(`/#/applications/${paid.id}`);
    await page.reload();
    await expect.poll(() => page.getByTestId('session-expired').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'session-expired');
    await page.getByTestId('login-email').fill(paid.applicant.registration.email);
    await page.getByTestId('login-password').fill(paid.applicant.registration.password);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('application-status').count(), { timeout: 10_000 }).toBe(1);
    expect(page.url()).toContain(`#/applications/${paid.id}`);

    // English mode: the history's notes are translated and their dates formatted.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.locator('.timeline').textContent(), { timeout: 10_000 })
      .toContain('consented');
    expect(await page.locator('.timeline').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
