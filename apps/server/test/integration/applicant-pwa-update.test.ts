import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * A new deployment of the applicant PWA (issue 9): the open app learns of the new service worker, asks
 * before reloading, and reloads into the new version when the user agrees. Serves a copy of the build
 * so the "deployment" can change its service worker without touching apps/web/dist.
 */
let distCopy: string;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  distCopy = await mkdtemp(join(tmpdir(), 'mpaspor-web-'));
  await cp(join(REPO_ROOT, 'apps/web/dist'), distCopy, { recursive: true });
  t = await createTestApp({ config: { webDistDir: distCopy } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({
    testName: 'applicant-pwa-update',
    baseURL,
    viewport: { width: 390, height: 844 },
  });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (distCopy) await rm(distCopy, { recursive: true, force: true });
});

describe('when a new version of the applicant app is deployed while it is open', () => {
  it('then the app offers to reload, and reloads into the new version only when asked', async () => {
    const { page } = browser;
    await page.goto('/');
    await expect
      .poll(() => page.evaluate<boolean>('Boolean(navigator.serviceWorker.controller)'), { timeout: 10_000 })
      .toBe(true);
    expect(await page.getByTestId('update-reload').count()).toBe(0);

    const worker = join(distCopy, 'sw.js');
    const source = await readFile(worker, 'utf8');
    await writeFile(
      worker,
      source.replace(/const BUILD_ID = '[^']*';/, "const BUILD_ID = 'next-deployment';"),
    );
    // A real build writes the worker's .br/.gz copies too; these are the old deployment's, so they go.
    await Promise.all(['sw.js.br', 'sw.js.gz'].map((copy) => rm(join(distCopy, copy), { force: true })));
    await page.evaluate('window.beforeUpdate = true');
    await page.evaluate('navigator.serviceWorker.getRegistration().then((r) => r.update())');

    await expect.poll(() => page.getByTestId('update-reload').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate<boolean>('window.beforeUpdate === true')).toBe(true);
    await screenshot(page, 'update-offered');
    await page.getByTestId('update-reload').click();

    await expect
      .poll(() => page.evaluate<boolean>('window.beforeUpdate === undefined'), { timeout: 10_000 })
      .toBe(true);
    const caches = await page.evaluate<string[]>('caches.keys()');
    expect(caches).toContain('mpaspor-shell-next-deployment');
    expect(caches.filter((name) => name.startsWith('mpaspor-shell-'))).toHaveLength(1);
    expect(await page.getByTestId('update-reload').count()).toBe(0);
    expect(browser.consoleErrors).toEqual([]);
  });
});
