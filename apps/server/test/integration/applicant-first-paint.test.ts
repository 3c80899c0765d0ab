import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type OpenedPage } from '../support/browser.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The applicant page arrives with its home screen already drawn (apps/web/build/prerender.ts), in the
 * browser's language: it paints before the script is in, and the app then adopts those very elements
 * (hydration) instead of drawing them again. A returning visit through the service worker gets the
 * page without it, so a signed-in user never glimpses the home screen.
 */
let t: TestApp;
let baseURL: string;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  t = await createTestApp({ config: { webDistDir: join(REPO_ROOT, 'apps/web/dist') } });
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const browser of opened) await browser.close();
  await t?.close();
});

async function open(locale: string): Promise<OpenedPage> {
  const browser = await openPage({ testName: 'applicant-first-paint', baseURL, locale });
  opened.push(browser);
  return browser;
}

/** Opens `/` with the app's script held back, so the page is seen as the HTML alone drew it. */
async function openWithScriptHeld(browser: OpenedPage): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await browser.page.route(/\/assets\/applicant-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await browser.page.goto('/', { waitUntil: 'commit' });
  await browser.page.waitForSelector('#screen-title');
  return release;
}

describe('when a phone opens the applicant app for the first time', () => {
  it.each([
    ['id-ID', 'Selamat datang di M-Paspor', 'English'],
    ['en-GB', 'Welcome to M-Paspor', 'Bahasa Indonesia'],
  ])(
    'then in %s the home screen shows before the script runs, and the app adopts it',
    async (locale, title, other) => {
      const browser = await open(locale);
      const { page } = browser;
      const release = await openWithScriptHeld(browser);
      expect(await page.locator('#screen-title').textContent()).toBe(title);
      await page.evaluate("window.firstHeading = document.getElementById('screen-title')");

      release();
      // The app's first effect moves focus to the heading: the app is running.
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.id'), { timeout: 10_000 })
        .toBe('screen-title');
      expect(
        await page.evaluate<boolean>("window.firstHeading === document.getElementById('screen-title')"),
      ).toBe(true);
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.getByTestId('language-switch').textContent()).not.toBe(other);
      expect(browser.consoleErrors).toEqual([]);
    },
  );

  it('then on the next visit, through the service worker, the page comes without the drawn home screen', async () => {
    const browser = await open('id-ID');
    const { page } = browser;
    await page.goto('/');
    expect(
      await page.evaluate<string | undefined>("document.getElementById('root').dataset.prerendered"),
    ).toBe('id');
    await expect
      .poll(() => page.evaluate<boolean>('Boolean(navigator.serviceWorker.controller)'), { timeout: 10_000 })
      .toBe(true);
    await page.reload();
    await page.waitForSelector('#screen-title');
    expect(
      await page.evaluate<string | undefined>("document.getElementById('root').dataset.prerendered"),
    ).toBe(undefined);
    expect(await page.locator('#screen-title').textContent()).toBe('Selamat datang di M-Paspor');
    expect(browser.consoleErrors).toEqual([]);
  });
});
