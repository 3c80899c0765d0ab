import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '#shared/eligibility.ts';
import { queryRows } from '../../src/db/database.ts';
import { registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import {
  adultWithValidPassport,
  applicantOf,
  takeResident,
  unmarriedSixteenYearOld,
} from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, demoOfficers, officerCall, officerSession, paidApplication } from '../support/visit.ts';

/**
 * Issue 16: facts from the civil registry (Dukcapil) and the passport registry, not from the form —
 * who is an adult, which replacement reason fits, and what happens to a passport reported lost.
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

const TODAY = '2026-11-25';
const create = async (payload: object) => {
  const session = await registeredSession(t.app, smtp);
  return t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: bearer(session), payload });
};
const registryStatus = async (number: string) =>
  (
    await queryRows<{ status: string }>(
      t.db.db,
      sql`select status from travel_documents where number = ${number}`,
    )
  )[0]?.status;

describe('when a 16-year-old ticks "married" but Dukcapil records them unmarried', () => {
  it('then they are still a minor: 5 years only, and the minor’s documents', async () => {
    const child = { ...applicantOf(takeResident(unmarriedSixteenYearOld)), married: true };
    const tenYears = await create({ type: 'NEW', product: 'ELECTRONIC_10Y', applicant: child });
    expect([tenYears.statusCode, tenYears.json().code]).toEqual([422, 'PRODUCT_NOT_ALLOWED']);

    const fiveYears = await create({ type: 'NEW', product: 'ELECTRONIC_5Y', applicant: child });
    expect(fiveYears.statusCode).toBe(201);
    expect(fiveYears.json()).toMatchObject({
      applicant: { married: false, adult: false, dualCitizenship: false },
      requiredDocuments: expect.arrayContaining(['PARENT_KTP_EL', 'BIRTH_CERTIFICATE', 'PARENTS_STATEMENT']),
      fee: { amount: 650_000 },
    });
  });
});

describe('when Dukcapil records a 16-year-old as married and the form does not say so', () => {
  it('then the adult rules apply: 10 years allowed, the adult’s documents', async () => {
    const resident = takeResident(
      (r) => ageOn(r.dateOfBirth, TODAY) < 17 && r.maritalStatus === 'KAWIN' && r.previousPassport === null,
    );
    const applicant = { ...applicantOf(resident), married: false };
    const response = await create({ type: 'NEW', product: 'ELECTRONIC_10Y', applicant });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      applicant: { married: true, adult: true },
      requiredDocuments: ['KTP_EL', 'KARTU_KELUARGA', 'IDENTITY_PROOF'],
      fee: { amount: 950_000 },
    });
  });
});

describe('when a dual-citizenship child applies (UU 12/2006)', () => {
  it('then Dukcapil’s flag asks for the decree and the foreign passport', async () => {
    const resident = takeResident((r) => r.dualCitizenship && r.previousPassport === null);
    const response = await create({
      type: 'NEW',
      product: 'ELECTRONIC_5Y',
      applicant: applicantOf(resident),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      applicant: { dualCitizenship: true, adult: false },
      requiredDocuments: expect.arrayContaining(['DUAL_CITIZENSHIP_DECREE', 'FOREIGN_PASSPORT']),
    });
  });
});

describe('when "expired" is given as the reason to replace a passport', () => {
  const withPassportExpiring = (from: string, to: string) =>
    takeResident(
      (r) =>
        ageOn(r.dateOfBirth, TODAY) >= 20 &&
        r.previousPassport !== null &&
        r.previousPassport.expiryDate > from &&
        r.previousPassport.expiryDate <= to,
    );
  const replacement = (resident: ReturnType<typeof takeResident>) => ({
    type: 'REPLACEMENT',
    replacementReason: 'EXPIRED',
    previousPassportNumber: resident.previousPassport!.number,
    product: 'ELECTRONIC_5Y',
    applicant: applicantOf(resident),
  });

  it('then a passport the registry shows valid for years is refused with REPLACEMENT_REASON_INVALID', async () => {
    const resident = withPassportExpiring('2029-11-25', '2036-12-31');
    const response = await create(replacement(resident));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'REPLACEMENT_REASON_INVALID',
      errors: [{ path: 'replacementReason' }],
    });
    expect(response.json().detail).toContain(resident.previousPassport!.expiryDate);
  });

  it('then one within 6 months of expiry, or already expired, is accepted', async () => {
    for (const [from, to] of [
      [TODAY, '2027-05-25'],
      ['2015-01-01', '2026-11-24'],
    ] as const) {
      const response = await create(replacement(withPassportExpiring(from, to)));
      expect(response.statusCode).toBe(201);
    }
  });
});

describe('when a lost passport’s replacement is submitted', () => {
  it('then the old passport is blocked in the registry at once (LOST), and stays so', async () => {
    const resident = takeResident(adultWithValidPassport);
    const number = resident.previousPassport!.number;
    const owner = await registeredSession(t.app, smtp, {}, resident);
    const { id } = await completeDraft(t.app, owner, {
      type: 'REPLACEMENT',
      replacementReason: 'LOST',
      previousPassportNumber: number,
      applicant: applicantOf(resident),
    });
    expect(await registryStatus(number)).toBe('VALID');
    const sessions = (await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions' })).json();
    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/submit`,
      headers: bearer(owner),
      payload: { sessionId: sessions[0].id },
    });
    expect(submit.statusCode).toBe(200);
    expect(await registryStatus(number)).toBe('LOST');
    const mine = await t.app.inject({ url: '/api/v1/travel-documents', headers: bearer(owner) });
    expect(mine.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ number, status: 'LOST' })]),
    );

    // Cancelling the application does not make a passport reported lost usable again.
    const cancel = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/cancel`,
      headers: bearer(owner),
    });
    expect(cancel.statusCode).toBe(200);
    expect(await registryStatus(number)).toBe('LOST');
  });
});

describe('when an application replaces a passport because its pages are full', () => {
  it('then the officer must confirm the pages are full before accepting the documents', async () => {
    const resident = takeResident((r) => ageOn(r.dateOfBirth, TODAY) >= 20 && r.previousPassport !== null);
    const paid = await paidApplication(t.app, smtp, 'BANDUNG', {
      type: 'REPLACEMENT',
      replacementReason: 'PAGES_FULL',
      previousPassportNumber: resident.previousPassport!.number,
      applicant: applicantOf(resident),
    });
    const officer = (await demoOfficers(t.app)).find(
      (o) => o.officeCode === 'BANDUNG' && o.username.startsWith('spv.'),
    )!;
    const spv = await officerSession(t.app, officer);
    const view = await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`);
    const checkIn = await officerCall(t.app, spv, 'POST', '/check-ins', {
      applicationNumber: view.body.number,
    });
    expect(checkIn.status).toBe(200);
    const verify = (body: object) =>
      officerCall(t.app, spv, 'POST', `/applications/${paid.id}/document-verification`, body);
    const unconfirmed = await verify({ decision: 'ACCEPT' });
    expect([unconfirmed.status, unconfirmed.body.code]).toEqual([422, 'PAGES_FULL_UNCONFIRMED']);
    expect((await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body.status).toBe('CHECKED_IN');
    const confirmed = await verify({ decision: 'ACCEPT', pagesFullConfirmed: true });
    expect(confirmed.status).toBe(200);
    const after = await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`);
    expect(after.body).toMatchObject({ status: 'VERIFIED', visit: { verification: { decision: 'ACCEPT' } } });
  });
});
