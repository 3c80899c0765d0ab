import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpDukcapil } from '../../src/modules/identity/index.ts';
import { codeIn, residentForRegistration, TEST_PASSWORD } from '../support/accounts.ts';
import { freePort } from '../support/server-process.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Registration with biodata, the NIK checks and the e-mailed code (issue 4; API.md "Applicant"). */
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

const register = (payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/accounts', payload, headers });

describe('when a resident registers with their own biodata', () => {
  it('then the account exists unverified, the code arrives over SMTP, and verifying it allows login and /me', async () => {
    const registration = residentForRegistration({ email: 'Budi.Santoso@Contoh.ID' });
    const created = await register(registration);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      email: 'budi.santoso@contoh.id',
      emailVerified: false,
    });

    const mail = await smtp.waitFor('budi.santoso@contoh.id');
    expect(mail.subject).toMatch(/kode/i);
    expect(mail.text).toContain(registration.fullName);
    const code = codeIn(mail.text);

    const early = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: registration.email, password: TEST_PASSWORD },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('EMAIL_NOT_VERIFIED');

    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/verify-email',
      payload: { email: 'budi.santoso@contoh.id', code },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ emailVerified: true });

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'BUDI.santoso@contoh.id', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(201);
    const session = login.json();
    expect(session.token.length).toBeGreaterThanOrEqual(43);
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(t.clock.now().getTime());

    const me = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: created.json().id,
      email: 'budi.santoso@contoh.id',
      phone: '+6281234567890',
      fullName: registration.fullName,
      nik: registration.nik,
      dateOfBirth: registration.dateOfBirth,
      placeOfBirth: registration.placeOfBirth,
      sex: registration.sex,
      language: 'id',
      emailVerified: true,
    });
  });

  it('then the e-mail comes in English when the registration was made in English', async () => {
    const registration = residentForRegistration();
    expect((await register(registration, { 'accept-language': 'en' })).statusCode).toBe(201);
    const mail = await smtp.waitFor(registration.email);
    expect(mail.text).toMatch(/code/i);
    expect(mail.text).not.toMatch(/Kode verifikasi/);
  });
});

describe('when the e-mail address already has an account', () => {
  it('then a second registration is 409 EMAIL_TAKEN, whatever the case of the address', async () => {
    const first = residentForRegistration();
    expect((await register(first)).statusCode).toBe(201);
    const again = await register(residentForRegistration({ email: first.email.toUpperCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EMAIL_TAKEN', errors: [{ path: 'email' }] });
  });
});

describe('when the NIK or biodata do not check out', () => {
  it('then a malformed NIK is 422 NIK_INVALID', async () => {
    for (const nik of ['32730560109000', '32730560109O0009', '3273053210900009']) {
      const response = await register(residentForRegistration({ nik }));
      expect(response.statusCode, nik).toBe(422);
      expect(response.json().code).toBe('NIK_INVALID');
    }
  });

  it('then a date of birth that differs from NIK digits 7–12 names both fields', async () => {
    const registration = residentForRegistration();
    const response = await register({ ...registration, dateOfBirth: '1999-01-01' });
    expect(response.statusCode).toBe(422);
    const paths = (response.json().errors as { path: string }[]).map((e) => e.path);
    expect(response.json().code).toBe('NIK_INVALID');
    expect(paths).toEqual(expect.arrayContaining(['nik', 'dateOfBirth']));
  });

  it('then a NIK the registry does not know is 422 NIK_NOT_FOUND', async () => {
    const registration = residentForRegistration();
    const unknown = `${registration.nik.slice(0, 12)}9999`;
    const response = await register({ ...registration, nik: unknown });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'NIK_NOT_FOUND', errors: [{ path: 'nik' }] });
  });

  it.each([
    ['fullName', { fullName: 'Nama Yang Lain' }],
    ['placeOfBirth', { placeOfBirth: 'Merauke' }],
  ])(
    'then a %s that differs from Dukcapil is NIK_DATA_MISMATCH naming that field and what to do',
    async (field, change) => {
      const response = await register(residentForRegistration(change));
      expect(response.statusCode).toBe(422);
      const body = response.json();
      expect(body.code).toBe('NIK_DATA_MISMATCH');
      expect(body.errors).toEqual([{ path: field, message: expect.stringContaining('Disdukcapil') }]);
    },
  );

  it('then the name may differ in case, spacing and punctuation (ICAO: "M. Firman" = "M FIRMAN")', async () => {
    const registration = residentForRegistration();
    const loose = registration.fullName.toUpperCase().replace(/ /g, '  ').replace(/\./g, '');
    expect((await register({ ...registration, fullName: ` ${loose} ` })).statusCode).toBe(201);
  });
});

describe('when the password or phone number is not acceptable', () => {
  it('then a common password is refused with the field named, and nothing is created', async () => {
    const registration = residentForRegistration({ password: 'indonesia123' });
    const response = await register(registration);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'password' }] });
    expect((await register({ ...registration, password: TEST_PASSWORD })).statusCode).toBe(201);
  });

  it('then a landline number is refused', async () => {
    const response = await register(residentForRegistration({ phone: '0215551234' }));
    expect(response.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'phone' }] });
  });
});

describe('when Dukcapil is down', () => {
  it('then registration answers 503 DUKCAPIL_UNAVAILABLE fast, and creates nothing', async () => {
    const closedPort = await freePort();
    const down = await createTestApp({
      db: t.db,
      config: { smtpUrl: smtp.url },
      adapters: {
        dukcapil: createHttpDukcapil({
          url: `http://127.0.0.1:${closedPort}`,
          timeoutMs: 500,
          retries: 1,
          sleep: async () => {},
        }),
      },
    });
    try {
      const registration = residentForRegistration();
      const started = performance.now();
      const response = await down.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: registration,
      });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('DUKCAPIL_UNAVAILABLE');
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect((await register(registration)).statusCode).toBe(201);
    } finally {
      await down.close();
    }
  });
});
