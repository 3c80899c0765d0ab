import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn, registeredSession, TEST_PASSWORD } from '../support/accounts.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Password reset by e-mailed code: ends every session and tells the owner (issue 4). */
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

const NEW_PASSWORD = 'nasi goreng kampung pedas';
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const login = (email: string, password: string) => post('/api/v1/sessions', { email, password });

describe('when the owner resets a forgotten password', () => {
  it('then the new password works, the old one and every old session stop working, and a notice is sent', async () => {
    const { registration, token } = await registeredSession(t.app, smtp);
    const { token: otherDevice } = (await login(registration.email, TEST_PASSWORD)).json();
    smtp.received.length = 0;

    expect((await post('/api/v1/password-resets', { email: registration.email })).statusCode).toBe(202);
    const code = codeIn((await smtp.waitFor(registration.email)).text);
    const confirmed = await post('/api/v1/password-resets/confirm', {
      email: registration.email,
      code,
      newPassword: NEW_PASSWORD,
    });
    expect(confirmed.statusCode).toBe(204);

    for (const old of [token, otherDevice]) {
      expect(
        (await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${old}` } })).statusCode,
      ).toBe(401);
    }
    expect((await login(registration.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(registration.email, NEW_PASSWORD)).statusCode).toBe(201);
    const notice = await smtp.waitFor(registration.email, (m) => !/\b\d{6}\b/.test(m.text));
    expect(notice.text).toMatch(/kata sandi/i);
  });

  it('then a wrong code changes nothing', async () => {
    const { registration } = await registeredSession(t.app, smtp);
    await post('/api/v1/password-resets', { email: registration.email });
    const code = codeIn(
      (await smtp.waitFor(registration.email, (m) => /reset|atur ulang|sandi/i.test(m.subject))).text,
    );
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const response = await post('/api/v1/password-resets/confirm', {
      email: registration.email,
      code: wrong,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('OTP_INVALID');
    expect((await login(registration.email, TEST_PASSWORD)).statusCode).toBe(201);
  });

  it('then a weak new password is refused without using up the code', async () => {
    const { registration } = await registeredSession(t.app, smtp);
    await post('/api/v1/password-resets', { email: registration.email });
    const code = codeIn(
      (await smtp.waitFor(registration.email, (m) => /reset|atur ulang|sandi/i.test(m.subject))).text,
    );
    const weak = await post('/api/v1/password-resets/confirm', {
      email: registration.email,
      code,
      newPassword: 'password1',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'newPassword' }] });
    const strong = await post('/api/v1/password-resets/confirm', {
      email: registration.email,
      code,
      newPassword: NEW_PASSWORD,
    });
    expect(strong.statusCode).toBe(204);
  });
});
