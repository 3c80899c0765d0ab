import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type OpenedPage } from '../support/browser.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The applicant app loads its screens lazily; the service worker must still hold every one of them after
 * a first visit, so a screen never opened before opens offline too (the phone in the office's queue).
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  t = await createTestApp({ config: { webDistDir: WEB_DIST } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'applicant-offline-screens',
    baseURL,
    viewport: { width: 390, height: 844 },
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

function precacheList(): string[] {
  const list = readFileSync(join(WEB_DIST, 'sw.js'), 'utf8').match(/const PRECACHE = (\[.*\]);/)?.[1];
  return JSON.parse(list ?? '[]') as string[];
}

describe('when the applicant app has been opened once and the network then goes', () => {
  it('then the service worker holds every screen, and one never opened before opens offline', async () => {
    const { page, context } = browser;
    await page.goto('/');
    await expect
      .poll(() => page.evaluate<boolean>('Boolean(navigator.serviceWorker.controller)'), { timeout: 10_000 })
      .toBe(true);
    const files = precacheList();
    expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(2);
    const cached = await page.evaluate<boolean[]>(
      `Promise.all(${JSON.stringify(files)}.map((url) => caches.match(url).then(Boolean)))`,
    );
    expect(cached.every(Boolean)).toBe(true);

    await context.setOffline(true);
    try {
      await page.reload();
      const heading = page.locator('#screen-title');
      // The route changes once the app is up: a hash set while it mounts could be read before it listens.
      await expect.poll(() => heading.textContent(), { timeout: 10_000 }).toBe('Selamat datang di M-Paspor');
      await page.evaluate("location.hash = '#/advisor'");
      await expect.poll(() => heading.textContent(), { timeout: 10_000 }).toBe('Apa yang saya perlukan?');
      // The screen arrived after the route changed; focus still moves to its heading.
      await expect.poll(() => page.evaluate<string>('document.activeElement.id')).toBe('screen-title');
    } finally {
      await context.setOffline(false);
    }
    // Offline, the calls the app makes in passing fail (the simulated clock, the fee table); nothing else.
    expect(
      browser.consoleErrors.filter((error) => !error.includes('net::ERR_INTERNET_DISCONNECTED')),
    ).toEqual([]);
  });
});
