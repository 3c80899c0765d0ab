import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * Fees the law sets (issue 16): a first-time Indonesian migrant worker (PMI) with the labour office's
 * recommendation pays Rp0 for the passport (Permenkumham 9/2020); nothing to pay means no billing code
 * and a booking that is settled at once.
 */
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

async function ownDraft(overrides: object) {
  const resident = takeResident(adultWithoutPassport);
  const session = await registeredSession(t.app, smtp, {}, resident);
  const draft = await completeDraft(t.app, session, { applicant: applicantOf(resident), ...overrides });
  return { session, draft };
}
const firstSession = async () =>
  ((await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json() as { id: string }[])[0]!.id;

describe('when a first-time migrant worker applies with the Disnaker recommendation', () => {
  it('then the passport is Rp0, the recommendation is asked for, and the booking is PAID without a billing code', async () => {
    const { session, draft } = await ownDraft({ travelPurpose: 'MIGRANT_WORKER' });
    const view = (
      await t.app.inject({ url: `/api/v1/applications/${draft.id}`, headers: bearer(session) })
    ).json();
    expect(view.requiredDocuments).toContain('DISNAKER_RECOMMENDATION');
    expect(view.fee).toMatchObject({ amount: 0, legalBasis: 'PP 45/2024, Permenkumham 9/2020' });
    expect(view.fee.items).toEqual([expect.objectContaining({ code: 'ELECTRONIC_5Y', amount: 0 })]);

    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/submit`,
      headers: bearer(session),
      payload: { sessionId: await firstSession() },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'PAID', billing: null });
    expect(submitted.json().history.at(-1)).toMatchObject({ status: 'PAID' });
    const pass = await t.app.inject({
      url: `/api/v1/applications/${draft.id}/arrival-pass`,
      headers: bearer(session),
    });
    expect(pass.statusCode).toBe(200);
    await expect
      .poll(
        async () =>
          (
            (await t.app.inject({ url: '/sim/outbox?limit=1000' })).json() as {
              subject: string | null;
              text: string;
            }[]
          )
            .filter((m) => m.text.includes(view.number))
            .map((m) => m.subject),
        { timeout: 10_000 },
      )
      .toContain(`Jadwal paspor ${view.number}: tanpa biaya`);
  });

  it('then percepatan is still charged, and another purpose pays the usual fee', async () => {
    const express = await ownDraft({ travelPurpose: 'MIGRANT_WORKER', service: 'EXPRESS' });
    const expressView = (
      await t.app.inject({
        url: `/api/v1/applications/${express.draft.id}`,
        headers: bearer(express.session),
      })
    ).json();
    expect(expressView.fee.amount).toBe(1_000_000);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${express.draft.id}/submit`,
      headers: bearer(express.session),
      payload: {
        sessionId: (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions?service=EXPRESS' })).json()[0]
          .id,
      },
    });
    expect(submitted.json()).toMatchObject({ status: 'AWAITING_PAYMENT', billing: { amount: 1_000_000 } });

    const tourist = await ownDraft({ travelPurpose: 'TOURISM' });
    const touristView = (
      await t.app.inject({
        url: `/api/v1/applications/${tourist.draft.id}`,
        headers: bearer(tourist.session),
      })
    ).json();
    expect(touristView.fee.amount).toBe(650_000);
    expect(touristView.requiredDocuments).not.toContain('DISNAKER_RECOMMENDATION');
  });
});
