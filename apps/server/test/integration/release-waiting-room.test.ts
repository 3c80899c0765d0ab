import { existsSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { horizontalOverflow, seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { prepareApplicants, type ReadyApplicant } from '../support/booking-fixtures.ts';
import { join, limitReleaseSeats, moveClockTo, nextRelease } from '../support/releases.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.ts';
import { demoOfficers } from '../support/visit.ts';

/**
 * The quota release waiting room in real Chromium (issue 14): an applicant with a complete draft opens
 * the office before the release, joins, keeps the ticket across a reload, the clock passes the instant,
 * sees a place, then the turn, picks a session of the release and gets the billing code; an officer of
 * the office follows the queue's figures on the console's "Pembukaan kuota" page.
 */
const WEB_DIST = joinPath(REPO_ROOT, 'apps/web/dist');
const OFFICE = 'JAKARTA_SELATAN';
const JAKARTA_SELATAN = { latitude: -6.2615, longitude: 106.8106 };
const OTHERS = 5;
const base = testConfig();
let t: TestApp;
let baseURL: string;
let applicant: OpenedPage;
let officer: OpenedPage;
let releaseAt: Date;
const clock = () => t.clock as SimulatedClock;

/** What the page hears when the phone wakes: the waiting room reads its ticket at once. */
const wake = `document.dispatchEvent(new Event('visibilitychange'))`;

beforeAll(async () => {
  if (!existsSync(joinPath(WEB_DIST, 'sw.js'))) throw new Error('apps/web/dist missing: run npm run build');
  // One admission per second of the (standing) simulated clock: the test moves it to admit the next.
  t = await createTestApp({
    config: { webDistDir: WEB_DIST, releases: { ...base.releases, tickMs: 50, admitPerSecond: 1 } },
  });
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  applicant = await openPage({
    testName: 'release-waiting-room',
    baseURL,
    viewport: { width: 390, height: 844 },
    permissions: ['geolocation'],
  });
  await applicant.context.setGeolocation(JAKARTA_SELATAN);
  officer = await openPage({ testName: 'release-waiting-room-console', baseURL });
});
afterAll(async () => {
  await applicant?.close();
  await officer?.close();
  await t?.close();
});

/** Screenshot, no serious accessibility violation, and no sideways scrolling on a 320 px phone. */
async function check(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `overflow at 320 px on ${name}`).toBe(0);
  await page.setViewportSize({ width: 390, height: 844 });
}

/** Signs the prepared applicant in as the app itself would keep it (api/client.ts sessionStore). */
async function signIn(page: Page, person: ReadyApplicant) {
  await page.goto('/');
  const session = {
    token: person.token,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    account: {
      email: 'antre@contoh.id',
      fullName: 'Pemohon Antrean',
      nik: person.nik,
      dateOfBirth: '1990-01-01',
      placeOfBirth: 'Jakarta',
      sex: 'F',
    },
  };
  await page.evaluate(
    `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(session))})`,
  );
}

describe('when an office releases its quota through the waiting room', () => {
  it('then the applicant joins before the instant, gets a place, then the turn, and books with it; the console follows', async () => {
    releaseAt = await nextRelease(t.app, OFFICE);
    moveClockTo(clock(), new Date(releaseAt.getTime() - 10 * 60_000));
    const [person, ...others] = await prepareApplicants(t.db.db, 1 + OTHERS, { now: clock().now() });
    const sessionId = await limitReleaseSeats(t.db.db, OFFICE, releaseAt, 1 + OTHERS);
    const [{ date }] = (await queryRows<{ date: string }>(
      t.db.db,
      sql`select date::text as date from sessions where id = ${sessionId}`,
    )) as [{ date: string }];
    for (const other of others) expect((await join(t.app, OFFICE, other)).statusCode).toBe(201);

    const { page } = applicant;
    // The waiting phone follows the release's public progress, not its own ticket, between its turns.
    let progressReads = 0;
    page.on('request', (request) => {
      if (/\/releases\/[0-9a-f-]+\/progress$/.test(request.url())) progressReads++;
    });
    const byTest = (id: string) => page.getByTestId(id);
    // Read without waiting: null while the element is not on the page.
    const text = (id: string) =>
      page.evaluate<string | null>(`document.querySelector('[data-testid="${id}"]')?.textContent ?? null`);
    await signIn(page, person!);
    await page.goto(`/#/applications/${person!.applicationId}/office`);
    // The app read the (empty) session when it started: start it again, signed in.
    await page.reload();
    await byTest('office-locate').click();
    await expect.poll(() => byTest('office-option').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await byTest('office-option').first().click();
    await expect
      .poll(() => byTest('release-countdown').textContent(), { timeout: 10_000 })
      .toMatch(/^\d+:\d{2}$/);
    await check(page, 'waiting-room-before-joining');

    await byTest('release-join').click();
    const state = byTest('release-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('WAITING_FOR_DRAW');
    expect(await byTest('release-seed-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    // A reload returns to the same ticket, kept on the phone.
    await page.reload();
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('WAITING_FOR_DRAW');
    await check(page, 'waiting-for-the-draw');

    const desk = officer.page;
    const spv = (await demoOfficers(t.app)).find((o) => o.username === 'spv.jakarta-selatan')!;
    await desk.goto('/console');
    await desk.getByTestId('login-username').fill(spv.username);
    await desk.getByTestId('login-password').fill(spv.password);
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('nav-releases').click();
    await expect
      .poll(() => desk.getByTestId('live-tickets').textContent(), { timeout: 10_000 })
      .toBe(String(1 + OTHERS));
    expect(await desk.getByTestId('releases-countdown').textContent()).toMatch(/^\d+:\d{2}$/);
    await screenshot(desk, 'console-before-the-draw');

    moveClockTo(clock(), new Date(releaseAt.getTime() + 1_000));
    // The app's next read was timed on the clock before the jump (up to 6 s away); a phone woken at the
    // instant reads at once, as this one does. The generous timeout is for CI's loaded cores.
    // Drawn first, the applicant is admitted in the draw's own tick: the banner replaces the ticket.
    const shown = () =>
      page.evaluate<string | null>(
        `document.querySelector('[data-testid="admission"]') ? 'ADMITTED'
           : (document.querySelector('[data-testid="release-state"]')?.getAttribute('data-state') ?? null)`,
      );
    await expect
      .poll(async () => (await page.evaluate(wake), shown()), { timeout: 30_000 })
      .toMatch(/^(QUEUED|ADMITTED)$/);
    if ((await shown()) === 'QUEUED') {
      expect(await byTest('release-position').textContent()).toMatch(/^[1-6]$/);
      expect(await state.textContent()).toMatch(/Nomor urut \d, \d orang di depan Anda/);
      await check(page, 'queued-with-a-place');
    }
    // Each second of the clock admits one more ticket, until the applicant's turn comes.
    for (let i = 0; i < OTHERS && (await text('admission')) === null; i++) {
      const ahead = await text('release-ahead');
      clock().advance(1_000);
      await expect
        .poll(async () => (await text('admission')) !== null || (await text('release-ahead')) !== ahead, {
          timeout: 8_000,
        })
        .toBe(true);
    }
    await expect.poll(() => byTest('admission').count(), { timeout: 10_000 }).toBe(1);
    // On the server's clock (read again when the ticket changed state): ten minutes at most.
    await expect
      .poll(() => byTest('admission-countdown').textContent(), { timeout: 5_000 })
      .toMatch(/^(10:00|9:\d{2})$/);
    await expect
      .poll(() => desk.getByTestId('live-admitted').textContent(), { timeout: 10_000 })
      .not.toBe('0');
    // Past the instant the console says the quota is open, not a countdown stuck at 0:00.
    expect(await desk.getByTestId('releases-countdown').textContent()).toBe(
      'Kuota sudah dibuka; antrean berjalan',
    );
    await screenshot(desk, 'console-admitting');

    await page.locator(`[data-date="${date}"]`).click();
    await byTest(`session-${sessionId}`).check();
    await check(page, 'admitted-choosing-a-session');
    await byTest('session-confirm').click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('Pembayaran');
    expect(((await byTest('billing-code').textContent()) ?? '').replace(/\s/g, '')).toMatch(/^\d{15}$/);
    expect(
      await page.evaluate(`localStorage.getItem('mpaspor.releaseTicket.${person!.applicationId}')`),
    ).toBeNull();

    expect(progressReads).toBeGreaterThan(0);
    await expect.poll(() => desk.getByTestId('live-booked').textContent(), { timeout: 10_000 }).toBe('1');
    await screenshot(desk, 'console-booked');
    expect(applicant.consoleErrors).toEqual([]);
    expect(officer.consoleErrors).toEqual([]);
  }, 120_000);

  it('then one who joins late reads "Kuota habis" when the seats are gone, and may look at other dates', async () => {
    const [late] = await prepareApplicants(t.db.db, 1, { now: clock().now() });
    const { page } = applicant;
    await signIn(page, late!);
    await page.goto(`/#/applications/${late!.applicationId}/office`);
    await page.reload();
    await page.getByTestId('office-locate').click();
    await page.getByTestId('office-option').first().click();
    await page.getByTestId('release-join').click();
    const state = page.getByTestId('release-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('QUEUED');

    await limitReleaseSeats(t.db.db, OFFICE, releaseAt, 0);
    const ended = page.getByTestId('release-ended');
    await expect.poll(() => ended.getAttribute('data-state'), { timeout: 15_000 }).toBe('SOLD_OUT');
    expect(await ended.textContent()).toMatch(/^Kuota habis/);
    await check(page, 'sold-out');
    await page.getByRole('button', { name: 'Lihat tanggal lain' }).click();
    await expect.poll(() => page.getByTestId('day-full').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(applicant.consoleErrors).toEqual([]);
  }, 60_000);
});
