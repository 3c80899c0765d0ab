import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/config.ts';
import { registeredSession, residentForRegistration } from '../support/accounts.ts';
import {
  failureModes,
  PARTNER_PASSWORD,
  PARTNER_USER,
  startFakeDukcapil,
  startFakeSimponi,
  type FakePartner,
} from '../support/misbehaving-partners.ts';
import {
  accountsWithEmail,
  applicationsOf,
  draftSupply,
  expectUnavailable,
  footprint,
  newOwnDraft,
  register,
  roomiestSession,
  submit,
  type ReadyDraft,
  type Session,
} from '../support/partner-calls.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.ts';

/**
 * Issue 18 item 6, "Partners failing": the real app with its real HTTP adapters (chosen by DUKCAPIL_URL
 * and SIMPONI_URL), and Dukcapil and SIMPONI as HTTP servers that hang, fail or answer garbage on
 * command. A caller gets a 503 problem with a stable code in time and nothing is half-written; after
 * repeated failures the circuit opens (calls no longer reach the partner) and it closes once the
 * partner answers again.
 */
const TIMEOUT_MS = 400;
/** A partner call with all its retries, whatever the timeouts (platform/partner-client.ts). */
const PARTNER_BUDGET_MS = 6_000;
/** Failed calls in a row that open a partner's circuit, and how long it stays open (src/adapters.ts). */
const FAILURES_TO_OPEN = 3;
const COOL_DOWN_MS = 30_000;
/** "Fails fast": no partner call at all, only the app's own work (measured: 3–15 ms). */
const FAST_MS = 300;

let dukcapil: FakePartner;
let simponi: Awaited<ReturnType<typeof startFakeSimponi>>;
let smtp: TestSmtpServer;
let t: TestApp;
let readyDraft: () => Promise<ReadyDraft>;

/**
 * Moving Date.now forward stands for waiting out the 30 s cool-down. The circuit breakers keep the
 * Date.now they find when the adapters are made, so the spy is in place before the app is built. The
 * app's business clock is its own and stays put.
 */
const realNow = Date.now;
let skewMs = 0;

/** Both partners over HTTP at the fake servers; without `timeoutMs`, the configuration's defaults. */
function partnerConfig(timeoutMs?: number): Partial<Config> {
  const defaults = testConfig();
  const partner = (url: string, { timeoutMs: byDefault }: Config['dukcapil']) => ({
    url,
    user: PARTNER_USER,
    password: PARTNER_PASSWORD,
    timeoutMs: timeoutMs ?? byDefault,
  });
  return {
    smtpUrl: smtp.url,
    // Some 25 registrations from one address, close to the 30 an hour it may make.
    rateLimitScale: 10,
    dukcapil: partner(dukcapil.url, defaults.dukcapil),
    simponi: partner(simponi.url, defaults.simponi),
  };
}

beforeAll(async () => {
  vi.spyOn(Date, 'now').mockImplementation(() => realNow() + skewMs);
  [dukcapil, simponi, smtp] = await Promise.all([startFakeDukcapil(), startFakeSimponi(), startSmtpServer()]);
  t = await createTestApp({ config: partnerConfig(TIMEOUT_MS) });
  readyDraft = draftSupply(t.app, smtp);
});
afterAll(async () => {
  await t?.close();
  await Promise.all([dukcapil?.close(), simponi?.close(), smtp?.close()]);
  vi.restoreAllMocks();
});
// A test that fails half-way must not leave a partner failing for the next ones.
afterEach(() => {
  dukcapil.mode = 'ok';
  simponi.mode = 'ok';
});

describe('when Dukcapil misbehaves', () => {
  it.each(failureModes)(
    'when it answers "%s", then registration is a 503 DUKCAPIL_UNAVAILABLE inside the budget, no account is made, and the same registration succeeds once Dukcapil is back',
    async (mode) => {
      const registration = residentForRegistration();
      dukcapil.mode = mode;
      const hits = dukcapil.hits;
      const failed = await register(t.app, registration);
      expectUnavailable(failed.response, 'DUKCAPIL_UNAVAILABLE');
      expect(failed.ms).toBeLessThan(PARTNER_BUDGET_MS);
      expect(dukcapil.hits).toBeGreaterThan(hits);
      expect(await accountsWithEmail(t.db.db, registration.email)).toBe(0);

      dukcapil.mode = 'ok';
      expect((await register(t.app, registration)).response.statusCode).toBe(201);
    },
  );
});

describe('when Dukcapil keeps failing', () => {
  let applicant: Session;

  it(`then after ${FAILURES_TO_OPEN} failed calls the circuit opens: registration and new drafts fail in milliseconds without reaching Dukcapil`, async () => {
    applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
    dukcapil.mode = 'error';
    for (let i = 0; i < FAILURES_TO_OPEN; i++) {
      const hits = dukcapil.hits;
      expectUnavailable((await register(t.app, residentForRegistration())).response, 'DUKCAPIL_UNAVAILABLE');
      expect(dukcapil.hits).toBeGreaterThan(hits);
    }
    const hits = dukcapil.hits;
    for (const language of ['id', 'en'] as const) {
      const registration = await register(t.app, residentForRegistration(), language);
      expectUnavailable(registration.response, 'DUKCAPIL_UNAVAILABLE', language);
      expect(registration.ms).toBeLessThan(FAST_MS);
      const draft = await newOwnDraft(t.app, applicant, language);
      expectUnavailable(draft.response, 'DUKCAPIL_UNAVAILABLE', language);
      expect(draft.ms).toBeLessThan(FAST_MS);
    }
    expect(dukcapil.hits).toBe(hits);
    expect(await applicationsOf(t.db.db, applicant.accountId)).toBe(0);
  });

  it('then, once Dukcapil answers again, calls keep failing fast until the cool-down ends, and the next one succeeds', async () => {
    dukcapil.mode = 'ok';
    const hits = dukcapil.hits;
    const early = await register(t.app, residentForRegistration());
    expectUnavailable(early.response, 'DUKCAPIL_UNAVAILABLE');
    expect(early.ms).toBeLessThan(FAST_MS);
    expect(dukcapil.hits).toBe(hits);

    skewMs += COOL_DOWN_MS + 1_000;
    expect((await register(t.app, residentForRegistration())).response.statusCode).toBe(201);
    expect(dukcapil.hits).toBeGreaterThan(hits);
    expect((await newOwnDraft(t.app, applicant)).response.statusCode).toBe(201);
  });
});

describe('when SIMPONI misbehaves', () => {
  it.each(failureModes)(
    'when it answers "%s", then submit is a 503 SIMPONI_UNAVAILABLE inside the budget, the draft keeps no billing and no seat, and the same submit succeeds once SIMPONI is back',
    async (mode) => {
      const draft = await readyDraft();
      const sessionId = await roomiestSession(t.app);
      const before = await footprint(t.db.db, draft.id, sessionId);
      expect(before).toMatchObject({ status: 'DRAFT', billings: 0, bookings: 0 });
      simponi.mode = mode;
      const hits = simponi.hits;
      const failed = await submit(t.app, draft, sessionId, 'en');
      expectUnavailable(failed.response, 'SIMPONI_UNAVAILABLE', 'en');
      expect(failed.ms).toBeLessThan(PARTNER_BUDGET_MS);
      expect(simponi.hits).toBeGreaterThan(hits);
      expect(await footprint(t.db.db, draft.id, sessionId)).toEqual(before);

      simponi.mode = 'ok';
      const submitted = await submit(t.app, draft, sessionId);
      expect(submitted.response.statusCode, submitted.response.body).toBe(200);
      expect(submitted.response.json()).toMatchObject({
        status: 'AWAITING_PAYMENT',
        billing: { code: simponi.issued.get(draft.id)?.billingCode, status: 'PENDING' },
      });
      expect(await footprint(t.db.db, draft.id, sessionId)).toMatchObject({
        status: 'AWAITING_PAYMENT',
        billings: 1,
        bookings: 1,
        booked: before.booked + 1,
      });
    },
  );
});

describe('when SIMPONI keeps failing', () => {
  let draft: ReadyDraft;
  let sessionId: string;
  let before: Awaited<ReturnType<typeof footprint>>;
  const paymentHealth = async () => (await t.app.inject({ url: '/api/v1/payment-health' })).json();

  it(`then after ${FAILURES_TO_OPEN} failed calls submits fail in milliseconds without reaching SIMPONI, and after 5 SIMPONI is declared down`, async () => {
    draft = await readyDraft();
    sessionId = await roomiestSession(t.app);
    before = await footprint(t.db.db, draft.id, sessionId);
    simponi.mode = 'error';
    for (let i = 0; i < FAILURES_TO_OPEN; i++) {
      const hits = simponi.hits;
      expectUnavailable((await submit(t.app, draft, sessionId)).response, 'SIMPONI_UNAVAILABLE');
      expect(simponi.hits).toBeGreaterThan(hits);
    }
    const hits = simponi.hits;
    for (const language of ['id', 'en'] as const) {
      const fast = await submit(t.app, draft, sessionId, language);
      expectUnavailable(fast.response, 'SIMPONI_UNAVAILABLE', language);
      expect(fast.ms).toBeLessThan(FAST_MS);
    }
    expect(simponi.hits).toBe(hits);
    expect(await footprint(t.db.db, draft.id, sessionId)).toEqual(before);
    // Billing README: five failed calls in a row declare SIMPONI down, and no billing expires meanwhile.
    expect(await paymentHealth()).toMatchObject({
      partnersDown: ['SIMPONI'],
      paymentsFrozenSince: expect.any(String),
    });
  });

  it('then, once SIMPONI answers again, submits keep failing fast until the cool-down ends, and the next submit succeeds', async () => {
    simponi.mode = 'ok';
    const hits = simponi.hits;
    const early = await submit(t.app, draft, sessionId);
    expectUnavailable(early.response, 'SIMPONI_UNAVAILABLE');
    expect(early.ms).toBeLessThan(FAST_MS);
    expect(simponi.hits).toBe(hits);

    skewMs += COOL_DOWN_MS + 1_000;
    const submitted = await submit(t.app, draft, sessionId);
    expect(submitted.response.statusCode, submitted.response.body).toBe(200);
    expect(submitted.response.json()).toMatchObject({
      status: 'AWAITING_PAYMENT',
      billing: { status: 'PENDING' },
    });
    expect(simponi.hits).toBeGreaterThan(hits);
    expect(await footprint(t.db.db, draft.id, sessionId)).toMatchObject({
      billings: 1,
      bookings: 1,
      booked: before.booked + 1,
    });
    expect(await paymentHealth()).toEqual({ partnersDown: [], paymentsFrozenSince: null });
  });
});

describe('with the default timeouts', () => {
  it('then a hanging Dukcapil and a hanging SIMPONI are each answered with a 503 inside the 6 s budget, and nothing is written', async () => {
    const draft = await readyDraft();
    const sessionId = await roomiestSession(t.app);
    const before = await footprint(t.db.db, draft.id, sessionId);
    const slow = await createTestApp({ db: t.db, config: partnerConfig() });
    try {
      dukcapil.mode = 'hang';
      simponi.mode = 'hang';
      const registration = residentForRegistration();
      const [registered, submitted] = await Promise.all([
        register(slow.app, registration),
        submit(slow.app, draft, sessionId),
      ]);
      expectUnavailable(registered.response, 'DUKCAPIL_UNAVAILABLE');
      expectUnavailable(submitted.response, 'SIMPONI_UNAVAILABLE');
      // Measured: 6.0 s each (Dukcapil 3 s + 3 s, SIMPONI 5 s + the rest of the budget).
      expect(registered.ms).toBeLessThan(PARTNER_BUDGET_MS + 1_000);
      expect(submitted.ms).toBeLessThan(PARTNER_BUDGET_MS + 1_000);
      expect(await accountsWithEmail(t.db.db, registration.email)).toBe(0);
      expect(await footprint(t.db.db, draft.id, sessionId)).toEqual(before);
    } finally {
      await slow.close();
    }
  });
});
