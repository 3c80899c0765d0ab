import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ADULT_AGE, ageOn } from '#shared/eligibility.ts';
import { queryRows } from '../../src/db/database.ts';
import { familyCardNumber, simResidents, verifiedPhone } from '../../src/modules/sim/index.ts';
import { codeIn, registeredSession } from '../support/accounts.ts';
import { completeDraft, consentCodeFor } from '../support/applications.ts';
import { jpegWithGps } from '../support/files.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';

/**
 * Issue 15: booking under another adult's NIK needs that person's consent, by a code sent to their own
 * verified contact; a minor on the account holder's family card (KK) needs none; one account gets
 * consent for at most 2 other adults in 30 days. Every refusal is recorded and counted.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let filer: Awaited<ReturnType<typeof registeredSession>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  filer = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A complete draft for someone, without asking their consent. */
async function draftFor(session: { token: string }, person: ReturnType<typeof takeResident>) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: bearer(session),
    payload: { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(person) },
  });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json() as { id: string; requiredDocuments: string[] };
  for (const kind of draft.requiredDocuments)
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/applications/${draft.id}/documents/${kind}`,
      headers: { ...bearer(session), 'content-type': 'image/jpeg' },
      payload: jpegWithGps(300),
    });
  return draft.id;
}
const call = (session: { token: string }, id: string, path: string, payload?: object) =>
  t.app.inject({
    method: payload || path !== '/consent' ? 'POST' : 'GET',
    url: `/api/v1/applications/${id}${path}`,
    headers: bearer(session),
    ...(payload ? { payload } : {}),
  });
async function firstSession() {
  const sessions = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
  return sessions.find((s: { available: number }) => s.available > 0).id as string;
}
const refusals = async (reason: string) =>
  Number(
    (
      await queryRows<{ n: number }>(
        t.db.db,
        sql`select count(*)::int as n from booking_refusals where account_id = ${filer.accountId} and reason = ${reason}`,
      )
    )[0]?.n,
  );

describe('when an account applies for another adult', () => {
  it('then no submit without consent (403); with the code sent to the holder’s verified phone it works', async () => {
    const other = takeResident(adultWithoutPassport);
    const id = await draftFor(filer, other);
    const sessionId = await firstSession();

    const refused = await call(filer, id, '/submit', { sessionId });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('CONSENT_REQUIRED');
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const waiting = await call(filer, id, '/waitlist', {
      officeCode: 'BANDUNG',
      from: '2027-01-04',
      to: '2027-01-08',
    });
    expect(waiting.json().code).toBe('CONSENT_REQUIRED');
    expect(await refusals('CONSENT_REQUIRED')).toBe(2);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/booking_refusals_total\{reason="CONSENT_REQUIRED"\} 2/);
    expect((await call(filer, id, '/consent')).json()).toEqual({ needed: 'CONSENT', consentedAt: null });

    const requested = await call(filer, id, '/consent/request');
    expect(requested.statusCode).toBe(202);
    const phone = verifiedPhone(other);
    expect(requested.json().channel).toBe('SMS');
    const { destination } = requested.json() as { destination: string };
    expect(destination.startsWith(phone.slice(0, 4)) && destination.endsWith(phone.slice(-4))).toBe(true);
    expect(destination).not.toContain(phone.slice(4, -4));
    const again = await call(filer, id, '/consent/request');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);

    const { number } = (
      await t.app.inject({ url: `/api/v1/applications/${id}`, headers: bearer(filer) })
    ).json();
    const code = await consentCodeFor(t.app, number, phone);
    const wrong = await call(filer, id, '/consent', { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('CONSENT_CODE_INVALID');
    const given = await call(filer, id, '/consent', { code });
    expect(given.statusCode).toBe(200);
    expect(given.json().consentedAt).toBe(t.clock.now().toISOString());

    const submitted = await call(filer, id, '/submit', { sessionId });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('AWAITING_PAYMENT');
    expect(
      submitted
        .json()
        .history.some((h: { note?: string }) => h.note === 'Pemilik NIK menyetujui permohonan ini'),
    ).toBe(true);
  });

  it('then a holder with an M-Paspor account gets the code by e-mail there', async () => {
    const other = takeResident(adultWithoutPassport);
    const own = await registeredSession(t.app, smtp, {}, other);
    const id = await draftFor(filer, other);
    const requested = await call(filer, id, '/consent/request');
    expect(requested.json().channel).toBe('EMAIL');
    const mail = await smtp.waitFor(own.registration.email, (m) => m.text.includes('persetujuan'));
    expect((await call(filer, id, '/consent', { code: codeIn(mail.text) })).statusCode).toBe(200);
  });

  it('then past 2 other adults in 30 days the next consent is refused (429 CONSENT_LIMIT), and recorded', async () => {
    const id = await draftFor(filer, takeResident(adultWithoutPassport));
    const refused = await call(filer, id, '/consent/request');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('CONSENT_LIMIT');
    expect(await refusals('CONSENT_LIMIT')).toBe(1);
  });
});

describe('when a parent applies for a child under 17 on their family card (KK)', () => {
  it('then no consent is needed; a child on another card needs it', async () => {
    const residents = simResidents(1000);
    const cardOf = new Map(residents.map((r, i) => [r.nik, familyCardNumber(residents, i)]));
    const minor = (r: (typeof residents)[number]) =>
      ageOn(r.dateOfBirth, '2026-11-25') < ADULT_AGE &&
      ageOn(r.dateOfBirth, '2026-11-25') >= 1 &&
      r.maritalStatus === 'BELUM_KAWIN' &&
      r.previousPassport === null;
    const parent = takeResident(
      (r) =>
        adultWithoutPassport(r) && residents.some((c) => minor(c) && cardOf.get(c.nik) === cardOf.get(r.nik)),
    );
    const child = takeResident((r) => minor(r) && cardOf.get(r.nik) === cardOf.get(parent.nik));
    const stranger = takeResident((r) => minor(r) && cardOf.get(r.nik) !== cardOf.get(parent.nik));
    const session = await registeredSession(t.app, smtp, {}, parent);

    const { id } = await completeDraft(t.app, session, { applicant: applicantOf(child) });
    expect((await call(session, id, '/consent')).json()).toEqual({
      needed: 'FAMILY_MINOR',
      consentedAt: null,
    });
    expect((await call(session, id, '/consent/request')).json().code).toBe('CONSENT_NOT_NEEDED');
    const submitted = await call(session, id, '/submit', { sessionId: await firstSession() });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const other = await draftFor(session, stranger);
    expect((await call(session, other, '/consent')).json().needed).toBe('CONSENT');
  });

  it('then the holder’s own NIK needs none either', async () => {
    const me = takeResident(adultWithoutPassport);
    const session = await registeredSession(t.app, smtp, {}, me);
    const { id } = await completeDraft(t.app, session, { applicant: applicantOf(me) });
    expect((await call(session, id, '/consent')).json()).toEqual({ needed: 'OWN', consentedAt: null });
    expect((await call(session, id, '/submit', { sessionId: await firstSession() })).statusCode).toBe(200);
  });
});
