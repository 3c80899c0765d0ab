import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { demoOfficers, officerCall, officerSession, paidApplication } from '../support/visit.ts';

/**
 * Every console screen an office supervisor opens, in real Chromium (issue 17): no serious or critical
 * axe violation anywhere, and the office's own audit trail in words — no raw codes, no `{}`.
 */
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
const OFFICE = 'JAKARTA_SELATAN';
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;

beforeAll(async () => {
  if (!existsSync(join(WEB_DIST, 'console', 'index.html')))
    throw new Error('apps/web/dist missing: run npm run build');
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: WEB_DIST } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({ testName: 'console-screens', baseURL, viewport: { width: 1366, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

describe('when an office supervisor opens every screen of the console', () => {
  it('then none has a serious accessibility violation, and the audit trail of the office reads in words', async () => {
    const officers = await demoOfficers(t.app);
    const spv = officers.find((o) => o.username === 'spv.jakarta-selatan')!;
    const paid = await paidApplication(t.app, smtp, OFFICE);
    const api = await officerSession(t.app, spv);
    await officerCall(t.app, api, 'GET', `/applications/${paid.id}`);
    await officerCall(t.app, api, 'PUT', '/visit-rules', { fourEyes: true });

    const { page } = browser;
    const byTest = (id: string) => page.getByTestId(id);
    await page.goto('/console');
    await byTest('login-username').fill(spv.username);
    await byTest('login-password').fill(spv.password);
    await byTest('login-submit').click();
    await expect.poll(() => byTest('officer-name').isVisible(), { timeout: 10_000 }).toBe(true);

    const screens = ['queue', 'walk-in', 'schedule', 'releases', 'payments', 'audit'] as const;
    for (const screen of screens) {
      await byTest(`nav-${screen}`).click();
      await expect.poll(() => page.locator('.page-heading').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      expect(await seriousAxeViolations(page), screen).toEqual([]);
      await screenshot(page, screen);
    }
    await page.goto(`/console#/applications/${paid.id}`);
    await expect.poll(() => byTest('application-status').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await seriousAxeViolations(page), 'application').toEqual([]);

    await byTest('nav-audit').click();
    await expect.poll(() => byTest('audit-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const actions = await byTest('audit-action').allTextContents();
    expect(actions).toContain('Membuka permohonan');
    expect(actions).toContain('Mengubah aturan kunjungan kantor');
    expect(actions.some((a) => /^[a-z.-]+$/.test(a))).toBe(false);
    const table = (await byTest('audit-table').textContent()) ?? '';
    expect(table).not.toContain('{}');
    expect(table).toContain('empat mata: ya');
    await screenshot(page, 'audit-in-words');
    expect(browser.consoleErrors).toEqual([]);
  });
});
