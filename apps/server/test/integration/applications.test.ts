import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredSession } from '../support/accounts.ts';
import {
  adultWithPassport,
  adultWithoutPassport,
  applicantOf,
  takeResident,
  unmarriedSixteenYearOld,
} from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Applications from draft to a complete file (issue 5; API.md "Applicant", DOMAIN.md). */
let smtp: TestSmtpServer;
let t: TestApp;
let owner: Awaited<ReturnType<typeof registeredSession>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  owner = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const as = (session: { token: string }) => ({ authorization: `Bearer ${session.token}` });
const create = (payload: object, session = owner, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    payload,
    headers: { ...as(session), ...headers },
  });

describe('when the account holder applies for a first passport', () => {
  it('then a DRAFT is created with its number, documents, PP 45/2024 fee and history', async () => {
    const self = owner.registration;
    const response = await create({
      type: 'NEW',
      product: 'ELECTRONIC_10Y',
      service: 'EXPRESS',
      travelPurpose: 'UMRAH',
      applicant: {
        nik: self.nik,
        fullName: self.fullName,
        dateOfBirth: self.dateOfBirth,
        placeOfBirth: self.placeOfBirth,
        sex: self.sex,
      },
    });
    expect(response.statusCode).toBe(201);
    const application = response.json();
    expect(application).toMatchObject({
      number: expect.stringMatching(/^MP2026-\d{8}$/),
      status: 'DRAFT',
      statusLabel: 'Draf',
      type: 'NEW',
      replacementReason: null,
      service: 'EXPRESS',
      product: 'ELECTRONIC_10Y',
      travelPurpose: 'UMRAH',
      applicant: { nik: self.nik, adult: true },
      previousPassport: null,
      requiredDocuments: ['KTP_EL', 'KARTU_KELUARGA', 'IDENTITY_PROOF'],
      documents: [],
      fee: {
        amount: 950_000 + 1_000_000,
        currency: 'IDR',
        legalBasis: expect.stringContaining('PP 45/2024'),
      },
      appointment: null,
      billing: null,
      history: [{ status: 'DRAFT', at: t.clock.now().toISOString() }],
    });
    expect(application.requirements[0]).toEqual({
      kind: 'KTP_EL',
      label: 'KTP elektronik',
      hint: expect.any(String),
      uploaded: false,
    });

    const english = await t.app.inject({
      url: `/api/v1/applications/${application.id}`,
      headers: { ...as(owner), 'accept-language': 'en' },
    });
    expect(english.json()).toMatchObject({
      statusLabel: 'Draft',
      requirements: [{ label: 'Electronic identity card (KTP-el)' }, {}, {}],
    });
    const list = await t.app.inject({ url: '/api/v1/applications', headers: as(owner) });
    expect(list.json().map((a: { id: string }) => a.id)).toContain(application.id);
  });

  it('then a second draft for the same NIK from the same account is 409 ACTIVE_APPLICATION_EXISTS; another account’s draft holds nothing (issue 15)', async () => {
    const applicant = applicantOf(takeResident(adultWithoutPassport));
    const body = { type: 'NEW', product: 'ELECTRONIC_5Y', applicant };
    expect((await create(body)).statusCode).toBe(201);
    const again = await create(body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ACTIVE_APPLICATION_EXISTS');
    const other = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    expect((await create(body, other)).statusCode).toBe(201);
  });

  it('then parallel applications for one NIK give exactly one draft per account', async () => {
    const applicant = applicantOf(takeResident(adultWithoutPassport));
    const sessions = [owner, await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport))];
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        create({ type: 'NEW', product: 'ELECTRONIC_5Y', applicant }, sessions[i % 2]),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 409, 409, 409, 409]);
  });
});

describe('when the choices do not fit the person', () => {
  it('then a 10-year passport for a 16-year-old is refused', async () => {
    const child = applicantOf(takeResident(unmarriedSixteenYearOld));
    const response = await create({ type: 'NEW', product: 'NON_ELECTRONIC_10Y', applicant: child });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'PRODUCT_NOT_ALLOWED', errors: [{ path: 'product' }] });
    const fiveYears = await create({ type: 'NEW', product: 'NON_ELECTRONIC_5Y', applicant: child });
    expect(fiveYears.statusCode).toBe(201);
    expect(fiveYears.json()).toMatchObject({
      applicant: { adult: false },
      requiredDocuments: [
        'PARENT_KTP_EL',
        'KARTU_KELUARGA',
        'BIRTH_CERTIFICATE',
        'PARENTS_MARRIAGE_CERTIFICATE',
        'PARENTS_STATEMENT',
      ],
      fee: { amount: 350_000 },
    });
  });

  it('then "Baru" for someone the registry knows a passport of is refused, naming the passport', async () => {
    const resident = takeResident(adultWithPassport);
    const response = await create({
      type: 'NEW',
      product: 'ELECTRONIC_5Y',
      applicant: applicantOf(resident),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PREVIOUS_PASSPORT_EXISTS');
    expect(response.json().detail).toContain(resident.previousPassport!.number);
  });

  it('then a replacement needs the previous passport number, and an unknown one is refused', async () => {
    const resident = takeResident(adultWithPassport);
    const base = {
      type: 'REPLACEMENT',
      replacementReason: 'LOST',
      product: 'ELECTRONIC_5Y',
      applicant: applicantOf(resident),
    };
    expect((await create(base)).json().code).toBe('PREVIOUS_PASSPORT_REQUIRED');
    expect((await create({ ...base, previousPassportNumber: 'X9999999' })).json().code).toBe(
      'PREVIOUS_PASSPORT_NOT_FOUND',
    );

    const replaced = await create({
      ...base,
      previousPassportNumber: resident.previousPassport!.number.toLowerCase(),
    });
    expect(replaced.statusCode).toBe(201);
    expect(replaced.json()).toMatchObject({
      previousPassport: {
        number: resident.previousPassport!.number,
        issueDate: resident.previousPassport!.issueDate,
        expiryDate: resident.previousPassport!.expiryDate,
      },
      requiredDocuments: ['KTP_EL', 'KARTU_KELUARGA', 'POLICE_LOSS_REPORT'],
      // The biaya beban is billed at the office after the BAP and the decision (issue 16), not here.
      fee: { amount: 650_000, items: [{ code: 'ELECTRONIC_5Y' }] },
    });
  });

  it('then biodata that differs from Dukcapil names the field', async () => {
    const applicant = { ...applicantOf(takeResident(adultWithoutPassport)), placeOfBirth: 'Sorong' };
    const response = await create({ type: 'NEW', product: 'ELECTRONIC_5Y', applicant });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'NIK_DATA_MISMATCH', errors: [{ path: 'placeOfBirth' }] });
  });
});

describe('when an account has 5 applications in progress', () => {
  it('then a sixth is 409 APPLICATION_LIMIT (unlimited applications are how brokers work)', async () => {
    const broker = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    for (let i = 0; i < 5; i++) {
      const response = await create(
        { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(takeResident(adultWithoutPassport)) },
        broker,
      );
      expect(response.statusCode).toBe(201);
    }
    const sixth = await create(
      { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(takeResident(adultWithoutPassport)) },
      broker,
    );
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().code).toBe('APPLICATION_LIMIT');
  });
});

describe('cancelling', () => {
  it('moves a draft to CANCELLED with history, frees the NIK, and a second cancel is 409 INVALID_STATE', async () => {
    // A fresh account: the owner's earlier tests used up its five applications in progress.
    const holder = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const applicant = applicantOf(takeResident(adultWithoutPassport));
    const draft = (await create({ type: 'NEW', product: 'ELECTRONIC_5Y', applicant }, holder)).json();
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/cancel`,
      headers: as(holder),
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'CANCELLED',
      statusLabel: 'Dibatalkan',
      history: [{ status: 'DRAFT' }, { status: 'CANCELLED' }],
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${draft.id}/cancel`,
      headers: as(holder),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect((await create({ type: 'NEW', product: 'ELECTRONIC_5Y', applicant }, holder)).statusCode).toBe(201);
  });
});

describe('another account', () => {
  it('gets 404 for my application, exactly as for one that does not exist', async () => {
    const me = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    const mine = (
      await create(
        { type: 'NEW', product: 'ELECTRONIC_5Y', applicant: applicantOf(takeResident(adultWithoutPassport)) },
        me,
      )
    ).json();
    expect(mine.id).toBeDefined();
    const stranger = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    for (const url of [
      `/api/v1/applications/${mine.id}`,
      '/api/v1/applications/00000000-0000-4000-8000-000000000000',
    ]) {
      const response = await t.app.inject({ url, headers: as(stranger) });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/applications/${mine.id}/cancel`,
          headers: as(stranger),
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/applications', headers: as(stranger) })).json()).toEqual([]);
  });
});
