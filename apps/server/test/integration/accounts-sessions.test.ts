import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { codeIn, registeredSession, TEST_PASSWORD } from '../support/accounts.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Sessions: bearer and cookie, CSRF, expiry, logout, login limits (issue 4; OWASP ASVS 5.0 L2). */
let smtp: TestSmtpServer;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  // Request-rate limits scaled up as a load test would: the per-account limit must not scale.
  t = await createTestApp({ config: { smtpUrl: smtp.url, rateLimitScale: 100 } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const advanceMinutes = (minutes: number) => (t.clock as SimulatedClock).advance(minutes * 60_000);

function cookiesOf(response: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : [raw];
  return Object.fromEntries(
    list.filter(Boolean).map((c: string) => c.split(';')[0]!.split('=') as [string, string]),
  );
}

describe('login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const { login } = await registeredSession(t.app, smtp);
    const raw = ([] as string[]).concat(login.headers['set-cookie'] as string[]);
    const session = raw.find((c) => c.startsWith('mpaspor_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Path=\//);
    expect(session).not.toMatch(/Secure/); // Secure only in production
    const csrf = raw.find((c) => c.startsWith('mpaspor_csrf='))!;
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('answers INVALID_CREDENTIALS alike for a wrong password and an unknown e-mail', async () => {
    const { registration } = await registeredSession(t.app, smtp);
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: registration.email, password: 'salah sekali kata sandinya' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'tidak.ada@contoh.id', password: TEST_PASSWORD },
    });
    for (const response of [wrongPassword, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        title: 'E-mail atau kata sandi salah',
      });
    }
  });

  it('locks a client out of an account after 10 wrong passwords in 15 minutes, but not the owner elsewhere', async () => {
    const { registration } = await registeredSession(t.app, smtp);
    const attempt = (password: string, remoteAddress = '203.0.113.7') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: registration.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 10; i++) expect((await attempt(`salah-${i}-kata-sandi`)).statusCode).toBe(401);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Issue 18: the stranger's wrong passwords do not lock the owner out from their own phone.
    expect((await attempt(TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(201);
    advanceMinutes(15);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(201);
  });
});

describe('when strangers from many addresses try 100 wrong passwords on one account in an hour', () => {
  it('then the account is locked for everyone, saying how the owner gets in: a reset code by e-mail opens it at once', async () => {
    const { registration } = await registeredSession(t.app, smtp);
    const attempt = (password: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: registration.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 100; i++) {
      expect((await attempt(`salah-${i}-kata-sandi`, `203.0.113.${Math.floor(i / 10)}`)).statusCode).toBe(
        401,
      );
    }
    const locked = await attempt(TEST_PASSWORD, '198.51.100.20');
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'RATE_LIMITED']);
    expect(locked.json().detail).toContain('Atur ulang kata sandi');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    // The owner proves the mailbox: the reset code arrives only there.
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, payload, remoteAddress: '198.51.100.20' });
    expect((await post('/api/v1/password-resets', { email: registration.email })).statusCode).toBe(202);
    const mail = await smtp.waitFor(
      registration.email,
      (m) => /\b\d{6}\b/.test(m.text) && /sandi/i.test(m.subject),
    );
    const newPassword = 'teh manis hangat sore';
    const reset = await post('/api/v1/password-resets/confirm', {
      email: registration.email,
      code: codeIn(mail.text),
      newPassword,
    });
    expect(reset.statusCode).toBe(204);
    expect((await attempt(newPassword, '198.51.100.20')).statusCode).toBe(201);
    // The strangers' old failures no longer count; new ones start a fresh count.
    expect((await attempt('salah-lagi-kata-sandi', '203.0.113.50')).statusCode).toBe(401);
  });
});

describe('authenticated requests', () => {
  it('work with the bearer token or the cookie, and without either are 401 UNAUTHENTICATED', async () => {
    const { token, login } = await registeredSession(t.app, smtp);
    const cookies = cookiesOf(login);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/v1/me', cookies: { mpaspor_session: cookies.mpaspor_session! } }))
        .statusCode,
    ).toBe(200);
    const anonymous = await t.app.inject({ url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(`${token}x`) })).statusCode).toBe(401);
  });

  it('refuse a cookie-authenticated write without the CSRF token (403 CSRF_INVALID) and change nothing', async () => {
    const { token, csrfToken, login } = await registeredSession(t.app, smtp);
    const sessionCookie = { mpaspor_session: cookiesOf(login).mpaspor_session! };
    const change = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        cookies: sessionCookie,
        headers,
        payload: { language: 'en' },
      });
    const forged = await change({});
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF_INVALID');
    expect((await change({ 'x-csrf-token': 'not-the-token' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })).json().language).toBe('id');

    const allowed = await change({ 'x-csrf-token': csrfToken });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().language).toBe('en');
  });

  it('with a bearer token need no CSRF token (another site cannot send the header)', async () => {
    const { token } = await registeredSession(t.app, smtp);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(token),
      payload: { language: 'en' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('session expiry and logout', () => {
  it('ends a session idle for 60 minutes, but activity keeps it alive', async () => {
    const active = await registeredSession(t.app, smtp);
    const idle = await registeredSession(t.app, smtp);
    for (let i = 0; i < 3; i++) {
      advanceMinutes(40);
      expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(active.token) })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(idle.token) })).statusCode).toBe(401);
  });

  it('keeps alive every session of a crowd seen at the same moment (their writes go together)', async () => {
    const crowd = await Promise.all(Array.from({ length: 6 }, () => registeredSession(t.app, smtp)));
    const bystander = await registeredSession(t.app, smtp);
    advanceMinutes(40);
    const seen = await Promise.all(
      [...crowd, ...crowd].map((s) => t.app.inject({ url: '/api/v1/me', headers: bearer(s.token) })),
    );
    expect(seen.map((r) => r.statusCode)).toEqual(Array<number>(12).fill(200));
    advanceMinutes(40);
    const later = await Promise.all(
      [...crowd, bystander].map((s) => t.app.inject({ url: '/api/v1/me', headers: bearer(s.token) })),
    );
    expect(later.map((r) => r.statusCode)).toEqual([...Array<number>(6).fill(200), 401]);
  });

  it('ends every session 12 hours after login, however active', async () => {
    const { token } = await registeredSession(t.app, smtp);
    const statuses: number[] = [];
    for (let minutes = 29; minutes <= 25 * 29; minutes += 29) {
      advanceMinutes(29);
      statuses.push((await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode);
    }
    // 24 × 29 minutes = 11 h 36 min: still in; 25 × 29 minutes = 12 h 5 min: out.
    expect(statuses).toEqual([...Array<number>(24).fill(200), 401]);
  });

  it('logs out: the token stops working and the cookies are cleared', async () => {
    const { token } = await registeredSession(t.app, smtp);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: bearer(token),
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/mpaspor_session=;/);
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
  });
});
