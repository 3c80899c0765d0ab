import createClient, { type Client } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { ageOn } from '#shared/eligibility.ts';
import type { ApplicationStatus } from '#shared/statuses.ts';
import { securitySchemes } from '../../src/platform/openapi-operations.ts';
import type { components, paths } from '../contract/api-types.ts';
import { jpegWithGps } from '../support/files.ts';
import { createTestApp, TEST_START, type TestApp } from '../support/test-app.ts';

/**
 * The applicant's journey as a partner's app would drive it: over HTTP, with a client generated
 * from the OpenAPI document (openapi-typescript types, openapi-fetch calls). `npm run typecheck`
 * checks every call against the committed types, and contract-types.test.ts holds those types to
 * the live document, so a changed operation breaks this file before it breaks a partner.
 */
let t: TestApp;
let api: Client<paths>;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  api = createClient<paths>({ baseUrl });
});
afterAll(() => t?.close());

type Problem = components['schemas']['Problem'];

/** The answer's body, or a failure naming the step and the problem the server gave. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }, step: string): T {
  if (result.data === undefined || result.error !== undefined) {
    throw new Error(`${step}: ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const today = TEST_START.slice(0, 10);

describe('when a partner app drives the API with a client generated from the OpenAPI document', () => {
  it('then register, verify, log in, apply, upload, submit and pay work, and errors are typed problems', async () => {
    const residents = ok(
      await api.GET('/sim/dukcapil/residents', { params: { query: { limit: 300 } } }),
      'simListResidents',
    );
    const resident = residents.find(
      (r) => ageOn(r.dateOfBirth, today) >= 20 && r.previousPassportNumber === null,
    );
    if (!resident) throw new Error('no adult resident without a passport');
    const email = `mitra.${process.pid}@contoh.id`;
    const password = 'kopi tubruk pagi hari';

    const account = ok(
      await api.POST('/api/v1/accounts', {
        body: {
          email,
          phone: '081234567890',
          password,
          fullName: resident.fullName,
          nik: resident.nik,
          dateOfBirth: resident.dateOfBirth,
          placeOfBirth: resident.placeOfBirth,
          sex: resident.sex,
        },
      }),
      'registerAccount',
    );
    expect(account).toMatchObject({ email, emailVerified: false });

    const code = await eventually(async () => {
      const mails = ok(await api.GET('/sim/outbox', { params: { query: { to: email } } }), 'simListOutbox');
      return mails.map((mail) => /\b(\d{6})\b/.exec(mail.text)?.[1]).find(Boolean);
    }, 'the verification code');
    const verified = ok(await api.POST('/api/v1/accounts/verify-email', { body: { email, code } }), 'verify');
    expect(verified.emailVerified).toBe(true);

    const refused = await api.POST('/api/v1/sessions', { body: { email, password: 'not the password' } });
    expectTypeOf(refused.error).toEqualTypeOf<Problem | undefined>();
    expect(refused.response.status).toBe(401);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.error?.code).toBe('INVALID_CREDENTIALS');

    const login = await api.POST('/api/v1/sessions', { body: { email, password } });
    const session = ok(login, 'logIn');
    const cookies = login.response.headers.getSetCookie().map((cookie) => cookie.split('=')[0]);
    expect(cookies).toContain(securitySchemes.applicantCookie.name);
    const me = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${session.token}` } });
    expect(ok(await me.GET('/api/v1/me'), 'getMyAccount')).toMatchObject({ email, emailVerified: true });
    expect((await api.GET('/api/v1/me')).error?.code).toBe('UNAUTHENTICATED');

    const draft = ok(
      await me.POST('/api/v1/applications', {
        body: {
          type: 'NEW',
          product: 'ELECTRONIC_5Y',
          applicant: {
            nik: resident.nik,
            fullName: resident.fullName,
            dateOfBirth: resident.dateOfBirth,
            placeOfBirth: resident.placeOfBirth,
            sex: resident.sex,
            married: resident.married,
          },
        },
      }),
      'startApplication',
    );
    expectTypeOf(draft.status).toEqualTypeOf<ApplicationStatus>();
    expect(draft.status).toBe('DRAFT');
    expect(draft.requiredDocuments.length).toBeGreaterThan(0);

    const scan = new Blob([jpegWithGps(300)], { type: 'image/jpeg' });
    for (const kind of draft.requiredDocuments) {
      const uploaded = ok(
        await me.PUT('/api/v1/applications/{id}/documents/{kind}', {
          params: { path: { id: draft.id, kind } },
          body: scan,
          bodySerializer: (file) => file,
          headers: { 'content-type': 'image/jpeg' },
        }),
        'uploadScan',
      );
      expect(uploaded).toMatchObject({ kind, contentType: 'image/jpeg' });
    }
    const [firstKind] = draft.requiredDocuments;
    const stored = ok(
      await me.GET('/api/v1/applications/{id}/documents/{kind}', {
        params: { path: { id: draft.id, kind: firstKind! } },
        parseAs: 'blob',
      }),
      'downloadScan',
    );
    expect(stored.size).toBeGreaterThan(0);

    const office = ok(
      await api.GET('/api/v1/offices/{code}', { params: { path: { code: 'BANDUNG' } } }),
      'getOffice',
    );
    const [seat] = ok(
      await api.GET('/api/v1/offices/{code}/sessions', {
        params: { path: { code: office.code }, query: { product: 'ELECTRONIC_5Y' } },
      }),
      'listOfficeSessions',
    ).filter((s) => s.available > 0);
    if (!seat) throw new Error(`no session with a free seat at ${office.code}`);

    const submitted = ok(
      await me.POST('/api/v1/applications/{id}/submit', {
        params: { path: { id: draft.id } },
        body: { sessionId: seat.id },
      }),
      'submitApplication',
    );
    expect(submitted).toMatchObject({ status: 'AWAITING_PAYMENT', appointment: { sessionId: seat.id } });
    const billing = submitted.billing;
    if (!billing) throw new Error('submitted without a billing code');

    const receipt = ok(
      await api.POST('/sim/simponi/pay', { body: { billingCode: billing.code, channel: 'INDOMARET' } }),
      'simPayBilling',
    );
    const paid = await eventually(async () => {
      const current = ok(
        await me.GET('/api/v1/applications/{id}', { params: { path: { id: draft.id } } }),
        'getMyApplication',
      );
      return current.status === 'PAID' ? current : undefined;
    }, 'the payment to be applied');
    expect(paid.billing).toMatchObject({ status: 'PAID', ntpn: receipt.ntpn, channel: 'INDOMARET' });
    const pass = ok(
      await me.GET('/api/v1/applications/{id}/arrival-pass', { params: { path: { id: draft.id } } }),
      'getArrivalPass',
    );
    expect(pass.code.length).toBeGreaterThan(0);

    const loggedOut = await me.DELETE('/api/v1/sessions/current');
    expect(loggedOut.response.status).toBe(204);
    expect((await me.GET('/api/v1/me')).error?.code).toBe('UNAUTHENTICATED');
  });
});
