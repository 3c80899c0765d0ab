import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain, registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * Issue 15, "No squatting": drafts expire after 30 days idle, so a draft nobody finishes (or one made
 * to hold someone's NIK) does not block that person for ever.
 */
const DAY = 24 * 60 * 60_000;
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('when a draft is left untouched', () => {
  it('then after 29 days it is still there, after 30 it is cancelled and the NIK is free', async () => {
    const clock = t.clock as SimulatedClock;
    const person = takeResident(adultWithoutPassport);
    const filer = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const draft = await completeDraft(t.app, filer, { applicant: applicantOf(person) });
    const statusAfterJobs = async () => {
      // The job runs every 100 ms in tests; three rounds are plenty for it to have looked.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const again = await logInAgain(t.app, filer);
      return (await t.app.inject({ url: `/api/v1/applications/${draft.id}`, headers: bearer(again) })).json();
    };

    clock.advance(29 * DAY);
    expect((await statusAfterJobs()).status).toBe('DRAFT');

    clock.advance(DAY + 60_000);
    let view = await statusAfterJobs();
    for (let i = 0; i < 20 && view.status === 'DRAFT'; i++) view = await statusAfterJobs();
    expect(view.status).toBe('CANCELLED');
    expect(view.history.at(-1)).toMatchObject({
      status: 'CANCELLED',
      note: 'Draf dibatalkan otomatis: 30 hari tidak diubah',
    });

    const holder = await registeredSession(t.app, smtp, {}, person);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: bearer(holder),
      payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(person) },
    });
    expect(own.statusCode).toBe(201);
  });
});
