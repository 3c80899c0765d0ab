import { parseNik } from '#shared/nik.ts';
import { officerRoles } from '#shared/roles.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officers } from '../../src/db/schema/officer.ts';
import { regionDirectory } from '../../src/modules/offices/index.ts';
import { FixedClock, SimulatedClock } from '../../src/platform/clock.ts';
import { verifyPassword } from '../../src/platform/passwords.ts';
import { residentForRegistration } from '../support/accounts.ts';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.ts';

/** The /sim endpoints of API.md "Simulation mode only" (issue 3, item 5). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the simulated clock', () => {
  it('reads the injected time and moves forward by whole minutes', async () => {
    expect((await t.app.inject({ url: '/sim/clock' })).json()).toEqual({ now: TEST_START, offsetMinutes: 0 });
    const advanced = await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      payload: { advanceMinutes: 121 },
    });
    expect(advanced.statusCode).toBe(200);
    expect(advanced.json()).toEqual({ now: '2026-11-25T05:01:00.000Z', offsetMinutes: 121 });
    expect(t.clock.now().toISOString()).toBe('2026-11-25T05:01:00.000Z');
  });

  it('refuses to move backwards and changes nothing', async () => {
    const before = (await t.app.inject({ url: '/sim/clock' })).json();
    const response = await t.app.inject({
      method: 'POST',
      url: '/sim/clock',
      payload: { advanceMinutes: -5 },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].path).toBe('advanceMinutes');
    expect((await t.app.inject({ url: '/sim/clock' })).json()).toEqual(before);
  });

  it('keeps the offset in the database, so a restarted (or second) instance sees the same time', async () => {
    const before = (await t.app.inject({ url: '/sim/clock' })).json();
    const second = await createTestApp({
      db: t.db,
      clock: new SimulatedClock(0, new FixedClock(TEST_START)),
    });
    try {
      expect((await second.app.inject({ url: '/sim/clock' })).json()).toEqual(before);
      await second.app.inject({ method: 'POST', url: '/sim/clock', payload: { advanceMinutes: 60 } });
      const after = (await t.app.inject({ url: '/sim/clock' })).json();
      expect(after.offsetMinutes).toBe(before.offsetMinutes + 60);
    } finally {
      await second.close();
    }
  });
});

describe('the simulated civil registry', () => {
  it('lists at least 500 residents whose NIKs parse and agree with their biodata', async () => {
    const response = await t.app.inject({ url: '/sim/dukcapil/residents?limit=100000' });
    expect(response.statusCode).toBe(200);
    const residents = response.json() as {
      nik: string;
      dateOfBirth: string;
      sex: string;
      fullName: string;
    }[];
    expect(residents.length).toBeGreaterThanOrEqual(500);
    for (const resident of residents) {
      const parsed = parseNik(resident.nik, { today: '2026-11-25', regions: regionDirectory() });
      expect(parsed.ok && parsed.warnings.length === 0, resident.nik).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.dateOfBirth).toBe(resident.dateOfBirth);
      expect(parsed.value.sex).toBe(resident.sex);
    }
  });

  it('pages with limit and offset', async () => {
    const all = (await t.app.inject({ url: '/sim/dukcapil/residents?limit=10' })).json();
    const page = (await t.app.inject({ url: '/sim/dukcapil/residents?limit=3&offset=4' })).json();
    expect(page).toEqual(all.slice(4, 7));
  });
});

describe('demo officers', () => {
  it('has one supervisor per office and an HQ admin, each able to log in with the listed password', async () => {
    const response = await t.app.inject({ url: '/sim/officers' });
    expect(response.statusCode).toBe(200);
    const list = response.json() as {
      username: string;
      password: string;
      officeCode: string | null;
      roles: string[];
    }[];
    const supervisors = list.filter((o) => o.username.startsWith('spv.'));
    expect(supervisors).toHaveLength(151);
    expect(new Set(supervisors.map((o) => o.officeCode)).size).toBe(151);
    expect(list.find((o) => o.username === 'admin.pusat')).toMatchObject({
      officeCode: null,
      roles: ['HQ_ADMIN'],
    });
    for (const officer of list) for (const role of officer.roles) expect(officerRoles).toContain(role);

    for (const username of ['spv.jakarta-selatan', 'admin.pusat', 'loket.jakarta-selatan']) {
      const listed = list.find((o) => o.username === username);
      const [stored] = await t.db.db.select().from(officers).where(eq(officers.username, username));
      expect(stored, username).toBeDefined();
      expect(await verifyPassword(listed!.password, stored!.passwordHash)).toBe(true);
      expect(await verifyPassword(`${listed!.password}x`, stored!.passwordHash)).toBe(false);
    }
  });
});

describe('the outbox', () => {
  it('shows the e-mails sent to an address, newest first, in the simulated time', async () => {
    const registration = residentForRegistration();
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/accounts', payload: registration })).statusCode,
    ).toBe(201);
    let messages: { to: string; channel: string; subject: string; text: string; createdAt: string }[] = [];
    for (let i = 0; i < 100 && messages.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      messages = (
        await t.app.inject({ url: `/sim/outbox?to=${encodeURIComponent(registration.email.toUpperCase())}` })
      ).json();
    }
    expect(messages).toEqual([
      {
        to: registration.email,
        channel: 'EMAIL',
        subject: expect.any(String),
        text: expect.stringMatching(/\b\d{6}\b/),
        attachments: [],
        createdAt: t.clock.now().toISOString(),
      },
    ]);
    expect((await t.app.inject({ url: '/sim/outbox?to=nobody%40example.com' })).json()).toEqual([]);
  });
});

describe('with SIMULATION=off', () => {
  it('then every /sim path is 404 and absent from the API document', async () => {
    const off = await createTestApp({
      db: t.db,
      config: { simulation: false, simponi: { ...t.config.simponi, url: 'http://127.0.0.1:9/simponi' } },
    });
    try {
      for (const url of ['/sim/clock', '/sim/outbox', '/sim/dukcapil/residents', '/sim/officers']) {
        const response = await off.app.inject({ url });
        expect(response.statusCode, url).toBe(404);
        expect(response.json().code).toBe('NOT_FOUND');
      }
      expect(
        (await off.app.inject({ method: 'POST', url: '/sim/clock', payload: { advanceMinutes: 1 } }))
          .statusCode,
      ).toBe(404);
      const doc = (await off.app.inject({ url: '/api/v1/openapi.json' })).json();
      expect(Object.keys(doc.paths).some((p) => p.startsWith('/sim'))).toBe(false);
    } finally {
      await off.close();
    }
  });
});
