import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe.ts';
import { openPage, screenshot, type OpenedPage } from '../support/browser.ts';
import { REPO_ROOT } from '../support/server-process.ts';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * Issue 15, "No squatting": an application filed under someone's NIK from another account (a broker's)
 * used to block the real holder with ACTIVE_APPLICATION_EXISTS, unseen and uncancellable. The holder's
 * own account now sees it (never who filed it) and may cancel it while the visit is ahead.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let browser: OpenedPage;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, webDistDir: join(REPO_ROOT, 'apps/web/dist') } });
  const baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await openPage({ testName: 'nik-holder', baseURL, viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

describe('when a broker books under my NIK from their account', () => {
  it('then I see it from my own account, cancel it, and can apply myself', async () => {
    const me = takeResident(adultWithoutPassport);
    const holder = await registeredSession(t.app, smtp, {}, me);
    const broker = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const stranger = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const squatted = await completeDraft(t.app, broker, { applicant: applicantOf(me) });
    const [session] = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${squatted.id}/submit`,
      headers: bearer(broker),
      payload: { sessionId: session.id },
    });
    expect(submitted.statusCode).toBe(200);
    const mine = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: bearer(holder),
        payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(me) },
      });
    expect((await mine()).json().code).toBe('ACTIVE_APPLICATION_EXISTS');

    const list = (who: { token: string }) =>
      t.app.inject({ url: '/api/v1/me/nik-applications', headers: bearer(who) });
    const seen = await list(holder);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual([
      {
        id: squatted.id,
        number: submitted.json().number,
        status: 'AWAITING_PAYMENT',
        createdAt: expect.any(String),
        appointment: expect.objectContaining({ date: session.date }),
      },
    ]);
    // Nothing about the broker's account in it, and nobody else sees it.
    expect(JSON.stringify(seen.json())).not.toContain(broker.accountId);
    expect((await list(stranger)).json()).toEqual([]);
    expect((await list(broker)).json()).toEqual([]);

    const cancel = (who: { token: string }, id: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/me/nik-applications/${id}/cancel`, headers: bearer(who) });
    expect((await cancel(stranger, squatted.id)).statusCode).toBe(404);
    expect((await cancel(broker, squatted.id)).statusCode).toBe(404);
    const cancelled = await cancel(holder, squatted.id);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: squatted.id, status: 'CANCELLED' });
    expect((await cancel(holder, squatted.id)).json().code).toBe('INVALID_STATE');

    // The broker's copy says who cancelled it; the seat went back; the holder applies.
    const theirs = (
      await t.app.inject({ url: `/api/v1/applications/${squatted.id}`, headers: bearer(broker) })
    ).json();
    expect(theirs.status).toBe('CANCELLED');
    expect(theirs.history.at(-1)).toMatchObject({
      status: 'CANCELLED',
      note: 'Dibatalkan oleh pemilik NIK dari akunnya sendiri',
    });
    const after = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
    expect(after.find((s: { id: string }) => s.id === session.id).available).toBe(session.available);
    expect((await mine()).statusCode).toBe(201);
  });
});

describe('when I open my applications in the app and one was filed under my NIK elsewhere', () => {
  it('then it is listed apart, and two taps cancel it', async () => {
    const me = takeResident(adultWithoutPassport);
    const holder = await registeredSession(t.app, smtp, {}, me);
    const broker = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const squatted = await completeDraft(t.app, broker, { applicant: applicantOf(me) });

    const { page } = browser;
    await page.addInitScript(
      `localStorage.setItem('mpaspor.applicant.session', ${JSON.stringify(JSON.stringify(holder.login.json()))})`,
    );
    await page.goto('/#/applications');
    const section = page.getByTestId('nik-applications');
    await expect.poll(() => section.count(), { timeout: 10_000 }).toBe(1);
    expect(await section.getByTestId('nik-application').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await section.getByTestId('nik-cancel').click();
    await screenshot(page, 'confirm-cancel');
    await section.getByTestId('nik-cancel-confirm').click();
    // The confirm step hides the first button too, so wait for the list to reload with neither.
    const statusOfTheirs = async () =>
      (await t.app.inject({ url: `/api/v1/applications/${squatted.id}`, headers: bearer(broker) })).json()
        .status;
    await expect.poll(statusOfTheirs, { timeout: 10_000 }).toBe('CANCELLED');
    await expect.poll(() => section.getByTestId('nik-cancel-confirm').count(), { timeout: 10_000 }).toBe(0);
    expect(await section.getByTestId('nik-cancel').count()).toBe(0);
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe('when someone made a draft under my NIK on their account (issue 15: a draft holds nothing)', () => {
  it('then I can still apply and submit; their draft can no longer be submitted', async () => {
    const me = takeResident(adultWithoutPassport);
    const holder = await registeredSession(t.app, smtp, {}, me);
    const squatter = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    // Complete, and even with my consent code (say I was tricked into giving it).
    const theirs = await completeDraft(t.app, squatter, { applicant: applicantOf(me) });

    const mine = await completeDraft(t.app, holder, { applicant: applicantOf(me) });
    const sessions = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
    const session = sessions.find((s: { available: number }) => s.available > 0);
    const submit = (who: { token: string }, id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/submit`,
        headers: bearer(who),
        payload: { sessionId: session.id },
      });
    expect((await submit(holder, mine.id)).statusCode).toBe(200);
    // The NIK is now held by my own submitted application: theirs cannot take it.
    const refused = await submit(squatter, theirs.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ACTIVE_APPLICATION_EXISTS');
  });
});
