import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { codeIn, residentForRegistration } from '../support/accounts.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** E-mail codes: 10 minutes, single use, 5 wrong tries, limited resends, no enumeration (issue 4). */
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

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const verify = (email: string, code: string) => post('/api/v1/accounts/verify-email', { email, code });
const resend = (email: string) => post('/api/v1/accounts/resend-verification', { email });
const advanceMinutes = (minutes: number) => (t.clock as SimulatedClock).advance(minutes * 60_000);

async function registered() {
  const registration = residentForRegistration();
  expect((await post('/api/v1/accounts', registration)).statusCode).toBe(201);
  const mail = await smtp.waitFor(registration.email);
  return { email: registration.email, code: codeIn(mail.text) };
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('when wrong codes are entered', () => {
  it('then each says how many tries are left, the fifth locks the code, and even the right code is refused until a new one', async () => {
    const { email, code } = await registered();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await verify(email, wrong(code));
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'OTP_INVALID',
        detail: `Kode salah. Sisa percobaan: ${5 - attempt}.`,
      });
    }
    const fifth = await verify(email, wrong(code));
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('OTP_TOO_MANY_ATTEMPTS');
    expect((await verify(email, code)).json().code).toBe('OTP_TOO_MANY_ATTEMPTS');

    advanceMinutes(1.1);
    smtp.received.length = 0;
    expect((await resend(email)).statusCode).toBe(202);
    const fresh = codeIn((await smtp.waitFor(email)).text);
    expect(fresh).not.toBe(code);
    expect((await verify(email, fresh)).statusCode).toBe(200);
  });

  it('then parallel guesses all count: no more than 5 wrong tries get through', async () => {
    const { email, code } = await registered();
    const guesses = Array.from({ length: 12 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const answers = await Promise.all(guesses.map((guess) => verify(email, guess)));
    expect(answers.filter((a) => a.json().code === 'OTP_INVALID').length).toBeLessThanOrEqual(4);
    expect((await verify(email, code)).json().code).toBe('OTP_TOO_MANY_ATTEMPTS');
  });
});

describe('when a code is older than 10 minutes', () => {
  it('then it is refused as expired, and a new one works', async () => {
    const { email, code } = await registered();
    advanceMinutes(10);
    const response = await verify(email, code);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('OTP_EXPIRED');
    expect((await resend(email)).statusCode).toBe(202);
    expect(
      (await verify(email, codeIn((await smtp.waitFor(email, (m) => !m.text.includes(code))).text)))
        .statusCode,
    ).toBe(200);
  });
});

describe('when a code has been used', () => {
  it('then using it again is refused', async () => {
    const { email, code } = await registered();
    expect((await verify(email, code)).statusCode).toBe(200);
    const again = await verify(email, code);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('OTP_INVALID');
  });

  it('then a code for e-mail verification cannot reset the password', async () => {
    const { email, code } = await registered();
    const response = await post('/api/v1/password-resets/confirm', {
      email,
      code,
      newPassword: 'teh manis hangat sekali',
    });
    expect(response.json().code).toBe('OTP_INVALID');
  });
});

describe('when codes are asked for again and again', () => {
  it('then an address gets one per minute and five per hour, with Retry-After', async () => {
    const { email } = await registered();
    advanceMinutes(1);
    expect((await resend(email)).statusCode).toBe(202);
    const tooSoon = await resend(email);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().code).toBe('RATE_LIMITED');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(tooSoon.headers['retry-after'])).toBeLessThanOrEqual(60);

    let accepted = 1;
    for (let minute = 0; minute < 8; minute++) {
      advanceMinutes(1);
      if ((await resend(email)).statusCode === 202) accepted++;
    }
    // Counted within the clock hour of the limiter's fixed window: at most 5.
    expect(accepted).toBeLessThanOrEqual(5);
  });
});

describe('account enumeration', () => {
  it('resend and password reset answer the same for a known and an unknown address', async () => {
    const { email } = await registered();
    advanceMinutes(1);
    // Everything but the request id, which differs for every request anyway.
    const strip = (r: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
      const { requestId: _, ...body } = r.json() as Record<string, unknown>;
      return { status: r.statusCode, body, type: r.headers['content-type'] };
    };
    const unknown = `nobody.${Date.now()}@contoh.id`;
    expect(strip(await resend(email))).toEqual(strip(await resend(unknown)));
    expect(strip(await resend(email))).toEqual(strip(await resend(unknown)));
    advanceMinutes(1);
    const reset = (address: string) => post('/api/v1/password-resets', { email: address });
    expect(strip(await reset(email))).toEqual(strip(await reset(unknown)));
    const verifyUnknown = await verify(unknown, '123456');
    expect(verifyUnknown.statusCode).toBe(422);
    expect(verifyUnknown.json().code).toBe('OTP_INVALID');
  });
});
