import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import { portraitJpeg } from '../support/files.ts';
import { payAtChannel } from '../support/payments.ts';
import { adultWithValidPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  demoOfficers,
  handOverBody,
  officerCall,
  officerSession,
  paidApplication,
} from '../support/visit.ts';

/**
 * A lost or damaged passport as the law has it (issue 16): BAP at the visit, the head of office's
 * decision, the fine billed after it (not up front), force majeure without fine, then the visit.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let spv: { token: string };
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  const officer = (await demoOfficers(t.app)).find(
    (o) => o.officeCode === OFFICE && o.username.startsWith('spv.'),
  )!;
  spv = await officerSession(t.app, officer);
  // Bandung has one demo officer: the office waives four eyes (issue 17), as an office with one
  // adjudicating supervisor may; the rule itself is tested in officer-visit.test.ts.
  expect((await officerCall(t.app, spv, 'PUT', '/visit-rules', { fourEyes: false })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const OFFICE = 'BANDUNG';
const call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: object | Buffer, type?: string) =>
  officerCall(t.app, spv, method, url, body, type);
const withPassport = () => takeResident(adultWithValidPassport);
const bap = {
  circumstances: 'Tas berisi paspor hilang di terminal bus pada perjalanan pulang.',
  occurredOn: '2026-11-20',
  place: 'Terminal Leuwipanjang, Bandung',
  policeReportNumber: 'SKH/123/XI/2026/Polrestabes Bandung',
};

async function checkedIn(replacementReason: string, resident = withPassport()) {
  const paid = await paidApplication(t.app, smtp, OFFICE, {
    type: 'REPLACEMENT',
    replacementReason,
    previousPassportNumber: resident.previousPassport!.number,
    applicant: applicantOf(resident),
  });
  const number = (await call('GET', `/applications/${paid.id}`)).body.number as string;
  expect((await call('POST', '/check-ins', { applicationNumber: number })).status).toBe(200);
  return { ...paid, resident };
}

describe('when a lost passport’s holder comes to the office', () => {
  it('then BAP → decision to issue → the fine billed and paid → the visit goes on to COLLECTED', async () => {
    const { id, applicant } = await checkedIn('LOST');
    // Nothing of the fine was billed in the app.
    const own = (
      await t.app.inject({
        url: `/api/v1/applications/${id}`,
        headers: { authorization: `Bearer ${applicant.token}` },
      })
    ).json();
    expect(own.fee.items.map((i: { code: string }) => i.code)).toEqual(['ELECTRONIC_5Y']);

    const accept = () => call('POST', `/applications/${id}/document-verification`, { decision: 'ACCEPT' });
    expect((await accept()).body.code).toBe('LOSS_DECISION_PENDING');
    const early = await call('POST', `/applications/${id}/loss-decision`, {
      decision: 'ISSUE',
      reason: 'Sesuai BAP',
    });
    expect([early.status, early.body.code]).toEqual([409, 'LOSS_REPORT_REQUIRED']);

    expect((await call('PUT', `/applications/${id}/loss-report`, bap)).status).toBe(200);
    const decided = await call('POST', `/applications/${id}/loss-decision`, {
      decision: 'ISSUE',
      reason: 'Kehilangan pertama, keterangan sesuai surat kepolisian.',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      kind: 'LOST',
      decision: 'ISSUE',
      fine: { code: expect.stringMatching(/^\d{15}$/), amount: 1_000_000, paidAt: null },
    });
    const again = await call('POST', `/applications/${id}/loss-decision`, {
      decision: 'REFUSE',
      reason: 'Ubah',
    });
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);
    expect((await accept()).body.code).toBe('FINE_UNPAID');

    const fine = decided.body.fine as { code: string };
    expect((await payAtChannel(t.app, fine.code)).statusCode).toBe(200);
    await expect
      .poll(
        async () =>
          ((await call('GET', `/applications/${id}/loss-report`)).body.fine as { paidAt: string | null })
            .paidAt,
        {
          timeout: 10_000,
        },
      )
      .not.toBeNull();

    expect((await accept()).status).toBe(200);
    const rest: [string, string, object | Buffer | undefined, string | undefined][] = [
      ['PUT', `/applications/${id}/photo`, portraitJpeg(), 'image/jpeg'],
      ['POST', `/applications/${id}/fingerprints`, undefined, undefined],
      [
        'POST',
        `/applications/${id}/interview`,
        { notes: 'Sesuai BAP.', recommendation: 'APPROVE' },
        undefined,
      ],
      ['POST', `/applications/${id}/adjudication`, { decision: 'APPROVE' }, undefined],
      ['POST', `/applications/${id}/issue`, undefined, undefined],
      ['POST', `/applications/${id}/hand-over`, await handOverBody(t.app, spv, id), undefined],
    ];
    for (const [method, url, body, type] of rest) {
      const done = await call(method as 'POST' | 'PUT', url, body, type);
      expect([200, 201], `${url}: ${JSON.stringify(done.body)}`).toContain(done.status);
    }
    expect((await call('GET', `/applications/${id}`)).body.status).toBe('COLLECTED');
    // The fine's payment is applied, not flagged for an officer as a payment of an unknown code.
    const notes = await queryRows<{ outcome: string; needs_attention: boolean }>(
      t.db.db,
      sql`select outcome, needs_attention from payment_notifications where billing_code = ${fine.code}`,
    );
    expect(notes).toEqual([{ outcome: 'APPLIED', needs_attention: false }]);
  });
});

describe('when the officer confirms force majeure, or the head of office refuses or defers', () => {
  it('then force majeure issues without a fine; refusal rejects; deferral is refused for a first loss', async () => {
    const mayor = await checkedIn('LOST');
    await call('PUT', `/applications/${mayor.id}/loss-report`, { ...bap, forceMajeureClaimed: true });
    const excused = await call('POST', `/applications/${mayor.id}/loss-decision`, {
      decision: 'ISSUE',
      reason: 'Banjir; surat keterangan kelurahan diperiksa.',
      forceMajeureConfirmed: true,
    });
    expect(excused.body).toMatchObject({ decision: 'ISSUE', forceMajeureConfirmed: true, fine: null });
    expect(
      (await call('POST', `/applications/${mayor.id}/document-verification`, { decision: 'ACCEPT' })).status,
    ).toBe(200);

    const refused = await checkedIn('DAMAGED');
    await call('PUT', `/applications/${refused.id}/loss-report`, {
      circumstances: 'Paspor sobek dan terkena air.',
    });
    const defer = await call('POST', `/applications/${refused.id}/loss-decision`, {
      decision: 'DEFER',
      reason: 'Kehilangan berulang',
      deferredUntil: '2027-11-25',
    });
    expect([defer.status, defer.body.code]).toEqual([422, 'LOSS_DEFERRAL_NOT_ALLOWED']);
    const no = await call('POST', `/applications/${refused.id}/loss-decision`, {
      decision: 'REFUSE',
      reason: 'Kerusakan disengaja.',
    });
    expect(no.body).toMatchObject({ decision: 'REFUSE', fine: null });
    expect((await call('GET', `/applications/${refused.id}`)).body.status).toBe('REJECTED');
  });

  it('then a BAP for an application that is not a loss, or by an officer without the role, is refused', async () => {
    const expired = await paidApplication(t.app, smtp, OFFICE);
    const number = (await call('GET', `/applications/${expired.id}`)).body.number as string;
    await call('POST', '/check-ins', { applicationNumber: number });
    const notLoss = await call('PUT', `/applications/${expired.id}/loss-report`, bap);
    expect([notLoss.status, notLoss.body.code]).toEqual([422, 'LOSS_REPORT_NOT_APPLICABLE']);
    const other = await officerSession(
      t.app,
      (await demoOfficers(t.app)).find(
        (o) => o.officeCode === 'JAKARTA_SELATAN' && o.username.startsWith('spv.'),
      )!,
    );
    expect((await officerCall(t.app, other, 'GET', `/applications/${expired.id}/loss-report`)).status).toBe(
      404,
    );
  });
});

describe('when a passport is lost again and the head of office defers the replacement', () => {
  it('then the deferral runs at most 2 years, rejects the application, and no new application is taken before its end', async () => {
    const resident = withPassport();
    // The registry already records an earlier passport of this NIK as lost: this is a repeated loss.
    await t.db.db.execute(sql`insert into travel_documents
      (number, holder_nik, holder_name, kind, issue_date, expiry_date, issuing_office_code, status, created_at)
      values (${`C9${resident.nik.slice(-6)}`}, ${resident.nik}, ${resident.fullName}, 'NON_ELECTRONIC',
              '2015-01-05', '2020-01-04', 'BANDUNG', 'LOST', now())`);
    const { id, applicant } = await checkedIn('LOST', resident);
    await call('PUT', `/applications/${id}/loss-report`, bap);
    const decide = (deferredUntil: string) =>
      call('POST', `/applications/${id}/loss-decision`, {
        decision: 'DEFER',
        reason: 'Kehilangan kedua dalam lima tahun.',
        deferredUntil,
      });
    expect((await decide('2029-01-01')).body.code).toBe('VALIDATION');
    const deferred = await decide('2027-11-25');
    expect(deferred.body).toMatchObject({ decision: 'DEFER', deferredUntil: '2027-11-25', fine: null });
    expect((await call('GET', `/applications/${id}`)).body.status).toBe('REJECTED');

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { authorization: `Bearer ${applicant.token}` },
      payload: {
        type: 'REPLACEMENT',
        replacementReason: 'LOST',
        previousPassportNumber: resident.previousPassport!.number,
        product: 'ELECTRONIC_5Y',
        applicant: applicantOf(resident),
      },
    });
    expect([again.statusCode, again.json().code]).toEqual([422, 'LOSS_DEFERRED']);
    expect(again.json().detail).toContain('2027-11-25');
  });
});
