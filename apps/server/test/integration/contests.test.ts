import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invariantViolations } from '../../src/db/invariants.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain } from '../support/accounts.ts';
import { jpegWithGps, portraitJpeg } from '../support/files.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  bearer,
  demoOfficers,
  officerCall,
  officerSession,
  paidApplication,
  type DemoOfficer,
} from '../support/visit.ts';

/**
 * A rejection contested once (keberatan, issue 16; UU 30/2014 Pasal 77): a new document and a reason
 * within 21 working days, decided by an adjudicator other than the officer who rejected; an overturn
 * reopens the step it was rejected at, an upheld rejection stays final.
 */
const OFFICE = 'JAKARTA_SELATAN';
let smtp: TestSmtpServer;
let t: TestApp;
let officers: DemoOfficer[];
let spv: { token: string };
let adjudicator: { token: string };

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url, jobIntervalMs: 50 } });
  officers = await demoOfficers(t.app);
  const named = (prefix: string) => officers.find((o) => o.username === `${prefix}.jakarta-selatan`)!;
  spv = await officerSession(t.app, named('spv'));
  adjudicator = await officerSession(t.app, named('adjudikator'));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

type Paid = Awaited<ReturnType<typeof paidApplication>>;
const office = (
  session: { token: string },
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: object | Buffer,
  type?: string,
) => officerCall(t.app, session, method, url, body, type);
const applicant = (
  paid: { id: string; applicant: { token: string } },
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object | Buffer,
) =>
  t.app.inject({
    method,
    url: `/api/v1/applications/${paid.id}${url}`,
    headers: {
      ...bearer(paid.applicant),
      ...(Buffer.isBuffer(payload) ? { 'content-type': 'image/jpeg' } : {}),
    },
    ...(payload ? { payload } : {}),
  });

/** Checked in today, then refused at verification by the supervisor. */
async function rejectedAtVerification(): Promise<Paid> {
  const paid = await paidApplication(t.app, smtp, OFFICE);
  const number = (await office(spv, 'GET', `/applications/${paid.id}`)).body.number as string;
  expect((await office(spv, 'POST', '/check-ins', { applicationNumber: number })).status).toBe(200);
  const rejected = await office(spv, 'POST', `/applications/${paid.id}/document-verification`, {
    decision: 'REJECT',
    notes: 'Akta kelahiran tidak terbaca',
  });
  expect(rejected.body.status).toBe('REJECTED');
  return paid;
}

async function contest(paid: Paid) {
  expect((await applicant(paid, 'PUT', '/contest/evidence', jpegWithGps(500))).statusCode).toBe(201);
  const filed = await applicant(paid, 'POST', '/contest', {
    reason: 'Saya lampirkan akta kelahiran yang terbaca jelas.',
  });
  expect(filed.statusCode, filed.body).toBe(201);
  return filed.json() as { contest: { status: string; decideBy: string } };
}

describe('when a rejected applicant contests the rejection', () => {
  it('then the new document and reason are filed once, and another adjudicator overturns it: verification starts again', async () => {
    const paid = await rejectedAtVerification();
    const state = (await applicant(paid, 'GET', '/contest')).json() as { canFile: boolean; fileBy: string };
    expect(state.canFile).toBe(true);
    // 21 working days: more than four calendar weeks ahead of the rejection day.
    expect(state.fileBy > '2026-12-20').toBe(true);

    const bare = await applicant(paid, 'POST', '/contest', {
      reason: 'Akta kelahiran saya lengkap dan terbaca.',
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().code).toBe('CONTEST_EVIDENCE_REQUIRED');
    const filed = await contest(paid);
    expect(filed.contest.status).toBe('PENDING');
    expect(filed.contest.decideBy > paid.date).toBe(true);
    const again = await applicant(paid, 'POST', '/contest', {
      reason: 'Sekali lagi, mohon diperiksa ulang.',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('CONTEST_NOT_ALLOWED');

    // The officer who rejected does not judge the objection to their own decision.
    const own = await office(spv, 'POST', `/applications/${paid.id}/contest-decision`, {
      decision: 'OVERTURN',
      reason: 'Saya keliru',
    });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('CONTEST_OWN_REJECTION');
    const seen = await office(adjudicator, 'GET', `/applications/${paid.id}`);
    expect((seen.body.documents as { kind: string }[]).map((d) => d.kind)).toContain('CONTEST_EVIDENCE');

    const overturned = await office(adjudicator, 'POST', `/applications/${paid.id}/contest-decision`, {
      decision: 'OVERTURN',
      reason: 'Akta baru terbaca dan sah',
    });
    expect(overturned.status, JSON.stringify(overturned.body)).toBe(200);
    expect((overturned.body.contest as { status: string }).status).toBe('OVERTURNED');
    expect((await office(spv, 'GET', `/applications/${paid.id}`)).body.status).toBe('CHECKED_IN');
    const mail = await smtp.waitFor(paid.applicant.registration.email, (m) =>
      /keberatan Anda diterima/.test(m.text),
    );
    expect(mail.text).toContain('Akta baru terbaca dan sah');

    const accepted = await office(spv, 'POST', `/applications/${paid.id}/document-verification`, {
      decision: 'ACCEPT',
    });
    expect(accepted.body.status).toBe('VERIFIED');
    const twice = await office(adjudicator, 'POST', `/applications/${paid.id}/contest-decision`, {
      decision: 'UPHOLD',
      reason: 'Ulang',
    });
    expect(twice.status).toBe(409);
  });

  it('then a rejection at adjudication that another adjudicator upholds stays final, and cannot be contested again', async () => {
    const paid = await paidApplication(t.app, smtp, OFFICE);
    const id = paid.id;
    const number = (await office(spv, 'GET', `/applications/${id}`)).body.number as string;
    const steps: [string, string, object | Buffer | undefined, string?][] = [
      ['POST', '/check-ins', { applicationNumber: number }],
      ['POST', `/applications/${id}/document-verification`, { decision: 'ACCEPT' }],
      ['PUT', `/applications/${id}/photo`, portraitJpeg(), 'image/jpeg'],
      ['POST', `/applications/${id}/fingerprints`, undefined],
      ['POST', `/applications/${id}/interview`, { notes: 'Tujuan tidak jelas', recommendation: 'REJECT' }],
    ];
    for (const [method, url, body, type] of steps) {
      const done = await office(spv, method as 'POST' | 'PUT', url, body, type);
      expect([200, 201], `${url}: ${JSON.stringify(done.body)}`).toContain(done.status);
    }
    const refused = await office(adjudicator, 'POST', `/applications/${id}/adjudication`, {
      decision: 'REJECT',
      reason: 'Indikasi pekerja migran nonprosedural',
    });
    expect(refused.body.status).toBe('REJECTED');
    await contest(paid);
    const upheld = await office(spv, 'POST', `/applications/${id}/contest-decision`, {
      decision: 'UPHOLD',
      reason: 'Dokumen baru tidak mengubah hasil wawancara',
    });
    expect(upheld.status, JSON.stringify(upheld.body)).toBe(200);
    const state = (await applicant(paid, 'GET', '/contest')).json() as {
      canFile: boolean;
      contest: { status: string; rejectedFrom: string };
    };
    expect(state).toMatchObject({
      canFile: false,
      contest: { status: 'UPHELD', rejectedFrom: 'INTERVIEWED' },
    });
    expect((await office(spv, 'GET', `/applications/${id}`)).body.status).toBe('REJECTED');
    const late = await applicant(paid, 'PUT', '/contest/evidence', jpegWithGps(500));
    expect(late.statusCode).toBe(422);
  });

  it('then an application never rejected cannot be contested, and after 21 working days a rejection cannot either', async () => {
    const other = await paidApplication(t.app, smtp, OFFICE);
    const notRejected = await applicant(other, 'POST', '/contest', {
      reason: 'Saya ingin mengajukan keberatan.',
    });
    expect(notRejected.statusCode).toBe(422);
    expect(notRejected.json().code).toBe('CONTEST_NOT_ALLOWED');

    const rejected = await rejectedAtVerification();
    const { fileBy } = (await applicant(rejected, 'GET', '/contest')).json() as { fileBy: string };
    const clock = t.clock as SimulatedClock;
    const days = Math.ceil((Date.parse(`${fileBy}T00:00:00+07:00`) - clock.now().getTime()) / 86_400_000) + 1;
    clock.advance(days * 86_400_000);
    const paid = { ...rejected, applicant: await logInAgain(t.app, rejected.applicant) };
    const state = (await applicant(paid, 'GET', '/contest')).json() as { canFile: boolean };
    expect(state.canFile).toBe(false);
    const closed = await applicant(paid, 'PUT', '/contest/evidence', jpegWithGps(500));
    expect(closed.statusCode).toBe(422);
    expect(closed.json().detail).toContain(fileBy);
  });
});

describe('after these journeys', () => {
  it('then the database invariants hold (seats, one holder per NIK, paid receipts, allowed transitions)', async () => {
    // The jobs (no-shows past the jump of the clock, expiries) have had their turn.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await invariantViolations(t.db.db)).toEqual([]);
  });
});
