import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invariantViolations } from '../../src/db/invariants.ts';
import { ageOn } from '#shared/eligibility.ts';
import { queryRows } from '../../src/db/database.ts';
import { jpegWithGps, portraitJpeg } from '../support/files.ts';
import { payAtChannel } from '../support/payments.ts';
import {
  adultWithValidPassport,
  adultWithoutPassport,
  applicantOf,
  takeResident,
} from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  demoOfficers,
  handOverBody,
  officerCall,
  officerSession,
  type DemoOfficer,
} from '../support/visit.ts';

/** The office counter (issue 16): walk-in lanes with their own daily quota, through to hand-over. */
let smtp: TestSmtpServer;
let t: TestApp;
let officers: DemoOfficer[];
let spv: { token: string };
let adjudicator: { token: string };
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  officers = await demoOfficers(t.app);
  spv = await officerSession(t.app, supervisorOf(OFFICE));
  adjudicator = await officerSession(
    t.app,
    officers.find((o) => o.username === 'adjudikator.jakarta-selatan')!,
  );
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const OFFICE = 'JAKARTA_SELATAN';
const TODAY = '2026-11-25';
const supervisorOf = (code: string) =>
  officers.find((o) => o.officeCode === code && o.username.startsWith('spv.'))!;
let emails = 0;
const walkIn = (lane: string, application: object, extra: object = {}) => ({
  lane,
  reason: 'Pemohon datang langsung ke loket',
  contact: { email: `walkin${++emails}@contoh.id`, phone: '081234567890' },
  application: { type: 'NEW', product: 'ELECTRONIC_5Y', ...application },
  ...extra,
});
const elderly = () => takeResident((r) => ageOn(r.dateOfBirth, TODAY) >= 62 && r.previousPassport === null);
const call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: object | Buffer, type?: string) =>
  officerCall(t.app, spv, method, url, body, type);

async function fileWalkIn(body: object) {
  const created = await call('POST', '/walk-ins', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const kind of created.body.requiredDocuments as string[]) {
    const scan = await call('PUT', `/walk-ins/${id}/documents/${kind}`, jpegWithGps(300), 'image/jpeg');
    expect(scan.status).toBe(201);
  }
  return { id, number: created.body.number as string };
}

/** A lost passport's examination (BAP), the decision to issue and its fine paid (losses.test.ts). */
async function settleLoss(id: string) {
  const report = { circumstances: 'Paspor hilang saat pindah rumah, laporan polisi terlampir.' };
  expect((await call('PUT', `/applications/${id}/loss-report`, report)).status).toBe(200);
  const decided = await call('POST', `/applications/${id}/loss-decision`, {
    decision: 'ISSUE',
    reason: 'Sesuai BAP',
  });
  const fine = decided.body.fine as { code: string };
  expect((await payAtChannel(t.app, fine.code)).statusCode).toBe(200);
  await expect
    .poll(
      async () =>
        ((await call('GET', `/applications/${id}/loss-report`)).body.fine as { paidAt: unknown }).paidAt,
    )
    .not.toBeNull();
}

async function visitThrough(id: string, number: string, lost: boolean) {
  const steps: [string, string, object | Buffer | undefined, string | undefined][] = [
    ['POST', '/check-ins', { applicationNumber: number }, undefined],
    ['POST', `/applications/${id}/document-verification`, { decision: 'ACCEPT' }, undefined],
    ['PUT', `/applications/${id}/photo`, portraitJpeg(), 'image/jpeg'],
    ['POST', `/applications/${id}/fingerprints`, undefined, undefined],
    [
      'POST',
      `/applications/${id}/interview`,
      { notes: 'Lansia, dokumen sesuai.', recommendation: 'APPROVE' },
      undefined,
    ],
    ['POST', `/applications/${id}/adjudication`, { decision: 'APPROVE' }, undefined],
    ['POST', `/applications/${id}/issue`, undefined, undefined],
    ['POST', `/applications/${id}/hand-over`, await handOverBody(t.app, spv, id), undefined],
  ];
  for (const [method, url, body, type] of steps) {
    if (lost && url.endsWith('/document-verification')) await settleLoss(id);
    // Four eyes (issue 17): the supervisor interviewed, so the office's adjudicator decides.
    const session = url.endsWith('/adjudication') ? adjudicator : spv;
    const done = await officerCall(t.app, session, method as 'POST' | 'PUT', url, body, type);
    expect([200, 201], `${url}: ${JSON.stringify(done.body)}`).toContain(done.status);
  }
  return (await call('GET', `/applications/${id}`)).body;
}

async function paid(id: string, code: string) {
  expect((await payAtChannel(t.app, code)).statusCode).toBe(200);
  await expect
    .poll(async () => (await call('GET', `/applications/${id}`)).body.status, { timeout: 10_000 })
    .toBe('PAID');
}

describe('when a person walks in to the counter, in each lane', () => {
  it('then the officer files, scans and bills them, and the same visit steps take them to COLLECTED', async () => {
    const lost = takeResident(adultWithValidPassport);
    const cases = [
      walkIn('PRIORITY', { applicant: applicantOf(elderly()) }, { priorityGroup: 'ELDERLY' }),
      walkIn('LOST_DAMAGED', {
        type: 'REPLACEMENT',
        replacementReason: 'LOST',
        previousPassportNumber: lost.previousPassport!.number,
        applicant: applicantOf(lost),
      }),
      walkIn('APP_OUTAGE', { applicant: applicantOf(takeResident(adultWithoutPassport)) }),
    ];
    for (const body of cases) {
      const { id, number } = await fileWalkIn(body);
      const slip = await call('POST', `/walk-ins/${id}/submit`, {});
      expect(slip.status, JSON.stringify(slip.body)).toBe(200);
      expect(slip.body).toMatchObject({
        applicationId: id,
        number,
        lane: body.lane,
        date: TODAY,
        timeZone: 'Asia/Jakarta',
        billing: { code: expect.stringMatching(/^\d{15}$/), amount: expect.any(Number) },
        holder: { nik: expect.stringMatching(/^\d{6}\*{6}\d{4}$/) },
      });
      const expiresAt = new Date((slip.body.billing as { expiresAt: string }).expiresAt).getTime();
      expect(expiresAt - t.clock.now().getTime()).toBe(2 * 3600_000);
      const view = (await call('GET', `/applications/${id}`)).body;
      expect(view).toMatchObject({
        status: 'AWAITING_PAYMENT',
        appointment: { walkInLane: body.lane, date: TODAY },
      });
      await paid(id, (slip.body.billing as { code: string }).code);
      const done = await visitThrough(id, number, body.lane === 'LOST_DAMAGED');
      expect(done.status).toBe('COLLECTED');
    }
    // The lost passport was blocked the moment its walk-in was billed, and stays so.
    const [lostRow] = await queryRows<{ status: string }>(
      t.db.db,
      sql`select status from travel_documents where number = ${lost.previousPassport!.number}`,
    );
    expect(lostRow?.status).toBe('LOST');
    // Every walk-in is audited with the officer's reason.
    const audited = await queryRows<{ action: string; details: { lane?: string; reason?: string } }>(
      t.db.db,
      sql`select action, details from audit_log where action = 'walk-in' and office_code = ${OFFICE}`,
    );
    expect(audited.map((a) => a.details.lane).sort()).toEqual(['APP_OUTAGE', 'LOST_DAMAGED', 'PRIORITY']);
    expect(audited.every((a) => a.details.reason === 'Pemohon datang langsung ke loket')).toBe(true);
    // Walk-in lanes are never offered online.
    const online = (await t.app.inject({ url: `/api/v1/offices/${OFFICE}/sessions` })).json() as {
      start: string;
    }[];
    const priority = (
      await t.app.inject({ url: `/api/v1/offices/${OFFICE}/sessions?service=PRIORITY` })
    ).json();
    const lanes = await queryRows<{ id: string }>(
      t.db.db,
      sql`select id from sessions where office_code = ${OFFICE} and service like 'WALK_IN_%'`,
    );
    const listed = new Set([...online, ...priority].map((s) => (s as unknown as { id: string }).id));
    expect(lanes.length).toBe(3);
    expect(lanes.some((l) => listed.has(l.id))).toBe(false);
  });
});

describe('when a lane’s quota for the day is used up', () => {
  it('then the next walk-in of that lane is refused, exactly, however many counters submit at once', async () => {
    const set = await call('PUT', '/walk-in-quotas/APP_OUTAGE', { daily: 3 });
    expect(set.status).toBe(200);
    const before = (set.body as unknown as { lane: string; used: number; left: number }[]).find(
      (q) => q.lane === 'APP_OUTAGE',
    )!;
    const room = before.left;
    const filed = [];
    for (let i = 0; i < room + 2; i++) {
      filed.push(
        await fileWalkIn(
          walkIn('APP_OUTAGE', { applicant: applicantOf(takeResident(adultWithoutPassport)) }),
        ),
      );
    }
    const answers = await Promise.all(filed.map(({ id }) => call('POST', `/walk-ins/${id}/submit`, {})));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(room);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => [a.status, a.body.code])).toEqual([
      [409, 'WALK_IN_QUOTA_FULL'],
      [409, 'WALK_IN_QUOTA_FULL'],
    ]);
    const quotas = (await call('GET', '/walk-in-quotas')).body as unknown as {
      lane: string;
      daily: number;
      used: number;
      left: number;
    }[];
    expect(quotas.find((q) => q.lane === 'APP_OUTAGE')).toEqual({
      lane: 'APP_OUTAGE',
      daily: 3,
      used: 3,
      left: 0,
    });
    // The refused stay drafts, holding nothing; other lanes are untouched.
    const refusedId = filed[answers.findIndex((a) => a.status !== 200)]!.id;
    expect((await call('GET', `/applications/${refusedId}`)).body.status).toBe('DRAFT');
    expect(quotas.find((q) => q.lane === 'PRIORITY')!.left).toBeGreaterThan(0);
  });
});

describe('when the person or the officer does not fit the lane', () => {
  it('then 422 WALK_IN_NOT_ELIGIBLE for a 30-year-old in the elderly lane or a new passport in the lost lane, and nothing is made', async () => {
    const young = takeResident((r) => adultWithoutPassport(r) && ageOn(r.dateOfBirth, TODAY) < 40);
    const asElderly = await call(
      'POST',
      '/walk-ins',
      walkIn('PRIORITY', { applicant: applicantOf(young) }, { priorityGroup: 'ELDERLY' }),
    );
    expect([asElderly.status, asElderly.body.code]).toEqual([422, 'WALK_IN_NOT_ELIGIBLE']);
    const newInLost = await call(
      'POST',
      '/walk-ins',
      walkIn('LOST_DAMAGED', { applicant: applicantOf(young) }),
    );
    expect([newInLost.status, newInLost.body.code]).toEqual([422, 'WALK_IN_NOT_ELIGIBLE']);
    const noGroup = await call('POST', '/walk-ins', walkIn('PRIORITY', { applicant: applicantOf(young) }));
    expect([noGroup.status, noGroup.body.code]).toEqual([422, 'WALK_IN_NOT_ELIGIBLE']);
    const [count] = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from applications where applicant_nik = ${young.nik}`,
    );
    expect(count?.n).toBe(0);
  });

  it('then an officer without the COUNTER role gets 403, and another office’s officer never finds the walk-in', async () => {
    const checkInOnly = await officerSession(
      t.app,
      officers.find((o) => o.username.startsWith('loket.'))!,
    );
    const body = walkIn('APP_OUTAGE', { applicant: applicantOf(takeResident(adultWithoutPassport)) });
    const forbidden = await officerCall(t.app, checkInOnly, 'POST', '/walk-ins', body);
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);
    const setByCounter = await officerCall(t.app, checkInOnly, 'PUT', '/walk-in-quotas/PRIORITY', {
      daily: 99,
    });
    expect(setByCounter.status).toBe(403);

    const { id } = await fileWalkIn(body);
    const bandung = await officerSession(t.app, supervisorOf('BANDUNG'));
    expect((await officerCall(t.app, bandung, 'POST', `/walk-ins/${id}/submit`, {})).status).toBe(404);
    expect((await officerCall(t.app, bandung, 'GET', `/applications/${id}`)).status).toBe(404);
    expect((await call('GET', `/applications/${id}`)).body).toMatchObject({ status: 'DRAFT' });
  });
});

describe('after these journeys', () => {
  it('then the database invariants hold (seats, one holder per NIK, paid receipts, allowed transitions)', async () => {
    expect(await invariantViolations(t.db.db)).toEqual([]);
  });
});
