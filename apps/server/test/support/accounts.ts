import type { FastifyInstance } from 'fastify';
import type { Resident } from '../../src/modules/sim/index.ts';
import { takeResident } from './residents.ts';

const adult = (r: Resident) => r.dateOfBirth < '2000-01-01';
import type { TestSmtpServer } from './smtp.ts';

/** Helpers for tests that need a person: a synthetic resident as registration data, and a login. */
export const TEST_PASSWORD = 'kopi tubruk pagi hari';

let registrations = 0;

/** An adult resident of the simulated Dukcapil, different on every call within a test file. */
export function residentForRegistration(
  overrides: Record<string, unknown> = {},
  resident = takeResident(adult),
) {
  const tag = `${process.pid}.${++registrations}`;
  return {
    email: `warga.${tag}@contoh.id`,
    phone: '081234567890',
    password: TEST_PASSWORD,
    fullName: resident.fullName,
    nik: resident.nik,
    dateOfBirth: resident.dateOfBirth,
    placeOfBirth: resident.placeOfBirth,
    sex: resident.sex,
    ...overrides,
  };
}

export function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no 6-digit code in: ${text}`);
  return code;
}

/** Registers, reads the code from the real SMTP server, verifies, logs in; returns the session. */
export async function registeredSession(
  app: FastifyInstance,
  smtp: TestSmtpServer,
  overrides = {},
  resident?: Resident,
) {
  const registration = residentForRegistration(overrides, resident);
  const created = await app.inject({ method: 'POST', url: '/api/v1/accounts', payload: registration });
  if (created.statusCode !== 201) throw new Error(`registration failed: ${created.body}`);
  const mail = await smtp.waitFor(registration.email);
  const verified = await app.inject({
    method: 'POST',
    url: '/api/v1/accounts/verify-email',
    payload: { email: registration.email, code: codeIn(mail.text) },
  });
  if (verified.statusCode !== 200) throw new Error(`verification failed: ${verified.body}`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email: registration.email, password: registration.password },
  });
  if (login.statusCode !== 201) throw new Error(`login failed: ${login.body}`);
  const body = login.json() as { token: string; csrfToken: string; account: { id: string } };
  return { registration, token: body.token, csrfToken: body.csrfToken, accountId: body.account.id, login };
}

/** Logs in again (after the test clock jumped past the session lifetime); returns the new token. */
export async function logInAgain(
  app: FastifyInstance,
  session: { registration: { email: string; password: string } },
) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email: session.registration.email, password: session.registration.password },
  });
  if (login.statusCode !== 201) throw new Error(`login failed: ${login.body}`);
  return { ...session, token: (login.json() as { token: string }).token };
}
