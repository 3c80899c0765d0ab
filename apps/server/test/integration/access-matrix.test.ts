import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeReleases, TicketView } from '#shared/contracts/releases.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { registeredSession, residentForRegistration, TEST_PASSWORD } from '../support/accounts.ts';
import {
  accessMatrix,
  callers,
  type Caller,
  type Expected,
  type Fixtures,
  type MatrixRequest,
} from '../support/access-matrix.ts';
import { completeDraft } from '../support/applications.ts';
import { operationsOf } from '../support/fuzz.ts';
import { responseChecker } from '../support/response-schemas.ts';
import { join, moveClockTo, nextRelease, waitFor } from '../support/releases.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  bearer,
  demoOfficers,
  enrolOfficer,
  officerCall,
  officerSession,
  paidApplication,
} from '../support/visit.ts';

/**
 * The access matrix (issue 18, item 4): every operation the OpenAPI document lists is walked as every
 * kind of caller, and each answer is compared with the row of test/support/access-matrix.ts. A route
 * added without a row fails here, so access is decided on purpose, never by accident.
 */
const OFFICE = 'JAKARTA_SELATAN';
let smtp: TestSmtpServer;
let t: TestApp;
let fixtures: Fixtures;
let sessions: Record<Exclude<Caller, 'none'>, { token: string }>;
let operationIds: string[];
let emails = 0;
let fitsContract: ReturnType<typeof responseChecker>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  const document = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
  operationIds = operationsOf(document).map((o) => o.operationId);
  fitsContract = responseChecker(document);
  // The queue of the office's next release is open, so a ticket can be taken, then drawn.
  const releaseAt = await nextRelease(t.app, OFFICE);
  moveClockTo(t.clock as SimulatedClock, new Date(releaseAt.getTime() - 10 * 60_000));
  const paid = await paidApplication(t.app, smtp, OFFICE);
  const owner = paid.applicant;
  const holder = takeResident(adultWithoutPassport);
  const nikHolder = await registeredSession(t.app, smtp, {}, holder);
  const family = await completeDraft(t.app, owner, { applicant: applicantOf(holder) });
  const stranger = await registeredSession(t.app, smtp);

  const demo = await demoOfficers(t.app);
  const login = (username: string) =>
    officerSession(
      t.app,
      demo.find((o) => o.username === username)!,
    );
  const hq = await login('admin.pusat');
  const spv = await login('spv.jakarta-selatan');
  const single = async (prefix: string) => login(`${prefix}.jakarta-selatan`);
  sessions = {
    owner,
    stranger,
    nikHolder,
    CHECK_IN: await single('loket'),
    COUNTER: await single('langsung'),
    VERIFIER: await single('verifikator'),
    BIOMETRICS: await single('wawancara'),
    ADJUDICATOR: await single('adjudikator'),
    ISSUER: await single('penerbitan'),
    OFFICE_ADMIN: (
      await enrolOfficer(t.app, hq, t.clock.now(), {
        username: 'admin.matriks',
        fullName: 'Admin Matriks Jakarta Selatan',
        officeCode: OFFICE,
        roles: ['OFFICE_ADMIN'],
      })
    ).session,
    otherOffice: await login('spv.bandung'),
    HQ: hq,
  };

  const view = await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`);
  const owned = await t.app.inject({ url: `/api/v1/applications/${paid.id}`, headers: bearer(owner) });
  const ticket = await join(t.app, OFFICE, { token: owner.token, applicationId: family.id });
  if (ticket.statusCode !== 201) throw new Error(`release queue: ${ticket.body}`);
  moveClockTo(t.clock as SimulatedClock, new Date(releaseAt.getTime() + 1_000));
  const releases = await waitFor(
    async () => (await t.app.inject({ url: `/api/v1/offices/${OFFICE}/releases` })).json<OfficeReleases>(),
    (list) => list.releases.length > 0,
  );
  const walkIn = await officerCall(t.app, spv, 'POST', '/walk-ins', {
    lane: 'APP_OUTAGE',
    reason: 'Aplikasi sedang gangguan',
    contact: { email: 'matriks.walkin@contoh.id', phone: '081234567890' },
    application: {
      type: 'NEW',
      product: 'ELECTRONIC_5Y',
      applicant: applicantOf(takeResident(adultWithoutPassport)),
    },
  });
  const [session] = (await t.app.inject({ url: `/api/v1/offices/${OFFICE}/sessions` })).json();
  const demoOfficer = demo.find((o) => o.username === 'loket.jakarta-selatan')!;
  fixtures = {
    applicationId: paid.id,
    applicationNumber: view.body.number as string,
    sessionId: session.id,
    visitDate: paid.date,
    familyApplicationId: family.id,
    ticketId: ticket.json<TicketView>().id,
    releaseId: releases.releases[0]!.id,
    walkInId: walkIn.body.id as string,
    ownerEmail: owner.registration.email,
    ownerPassword: TEST_PASSWORD,
    officer: { username: demoOfficer.username, password: demoOfficer.password },
    schedule: (await officerCall(t.app, spv, 'GET', `/offices/${OFFICE}/schedule`)).body,
    newResident: () => residentForRegistration({}, takeResident(adultWithoutPassport)),
    newApplicant: () => applicantOf(takeResident(adultWithoutPassport)),
    newEmail: () => `matriks.${++emails}@contoh.id`,
    billingCode: (owned.json() as { billing: { code: string } }).billing.code,
  };
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function send(operationId: string, request: MatrixRequest, caller: Caller) {
  const response = await t.app.inject({
    method: request.method,
    url: request.url,
    // Each caller comes from their own address, as people do: per-address limits stay out of the way.
    remoteAddress: `10.0.0.${callers.indexOf(caller) + 1}`,
    headers: {
      ...(caller === 'none' ? {} : bearer(sessions[caller])),
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
    },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  const type = String(response.headers['content-type'] ?? '');
  const code = type.includes('json') ? (response.json() as { code?: string } | null)?.code : undefined;
  const mismatch = fitsContract(operationId, response.statusCode, type, response.body);
  return { status: response.statusCode, code, mismatch };
}

function judged(status: number): Expected | number {
  if (status === 401 || status === 403 || status === 404) return status;
  return status >= 500 || status === 429 ? status : 'reached';
}

describe('the access matrix', () => {
  it('has a row for every operation of the OpenAPI document, and none for an operation that is gone', () => {
    const rows = new Set(Object.keys(accessMatrix));
    expect(operationIds.filter((id) => !rows.has(id))).toEqual([]);
    expect([...rows].filter((id) => !operationIds.includes(id))).toEqual([]);
  });

  it('then every operation answers every caller as its row says, in the documented shape', async () => {
    const wrong: string[] = [];
    const lines: string[] = [];
    const rows = Object.entries(accessMatrix);
    for (const [operationId, row] of rows) {
      const seen: string[] = [];
      for (const caller of callers) {
        const { status, code, mismatch } = await send(operationId, row.request(fixtures), caller);
        const got = judged(status);
        seen.push(`${caller}=${status}`);
        // Well-formed requests by every caller: their answers must also be the documented ones.
        if (mismatch) wrong.push(`${operationId} as ${caller}: ${mismatch}`);
        if (got !== row.expected[caller]) {
          wrong.push(
            `${operationId} as ${caller}: expected ${row.expected[caller]}, got ${status} ${code ?? ''}`,
          );
        }
      }
      lines.push(`${operationId}: ${seen.join(' ')}`);
    }
    console.log(
      `access matrix: ${rows.length} operations × ${callers.length} callers = ${rows.length * callers.length} cases, ${wrong.length} wrong\n${lines.join('\n')}`,
    );
    expect(wrong).toEqual([]);
  });
});
