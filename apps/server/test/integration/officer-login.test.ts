import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { demoOfficers } from '../support/visit.ts';

/** Officer log-in: separate sessions, wrong passwords capped per username (not scaled). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimitScale: 1000 } });
});
afterAll(async () => {
  await t.close();
});

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/officer/sessions', payload: { username, password } });

describe('when an officer password is guessed', () => {
  it('then after 5 wrong passwords even the right one is refused for a while, whatever the scale', async () => {
    const officer = (await demoOfficers(t.app)).find((o) => o.username === 'loket.jakarta-selatan')!;
    for (let i = 0; i < 5; i++) {
      const wrong = await login(officer.username, `salah-${i}`);
      expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'INVALID_CREDENTIALS']);
    }
    const right = await login(officer.username, officer.password);
    expect([right.statusCode, right.json().code]).toEqual([429, 'RATE_LIMITED']);
    const other = (await demoOfficers(t.app)).find((o) => o.username === 'verifikator.jakarta-selatan')!;
    expect((await login(other.username, other.password)).statusCode).toBe(201);
  });
});
