import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import { parseTd3 } from '../../src/modules/travel-documents/index.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain } from '../support/accounts.ts';
import { portraitJpeg } from '../support/files.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  bearer,
  demoOfficers,
  handOverBody,
  officerCall,
  officerSession,
  paidApplication,
  type DemoOfficer,
} from '../support/visit.ts';

/** The office visit through the officer API, from PAID to COLLECTED (issue 8). */
let smtp: TestSmtpServer;
let t: TestApp;
let officers: DemoOfficer[];
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  officers = await demoOfficers(t.app);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const OFFICE = 'JAKARTA_SELATAN';
const supervisorOf = (code: string) =>
  officers.find((o) => o.officeCode === code && o.username.startsWith('spv.'))!;
const clock = () => t.clock as SimulatedClock;
/** The pilot office's adjudicator, logged in again whenever the test clock outlived the session. */
const adjudicator = () =>
  officerSession(
    t.app,
    officers.find((o) => o.username === 'adjudikator.jakarta-selatan')!,
  );
/** The database's refusal of a statement (drizzle wraps it: the reason is in `cause`). */
const refusal = (statement: ReturnType<typeof sql>) =>
  t.db.db.execute(statement).then(
    () => 'accepted',
    (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
  );

/** Every step of the visit, with what it needs, in the only order that is allowed. */
const steps = [
  { name: 'check-in', status: 'PAID', to: 'CHECKED_IN' },
  { name: 'verification', status: 'CHECKED_IN', to: 'VERIFIED' },
  { name: 'interview', status: 'VERIFIED', to: 'INTERVIEWED' },
  { name: 'adjudication', status: 'INTERVIEWED', to: 'APPROVED' },
  { name: 'issue', status: 'APPROVED', to: 'READY' },
  { name: 'hand-over', status: 'READY', to: 'COLLECTED' },
] as const;

async function callStep(
  session: { token: string },
  name: (typeof steps)[number]['name'],
  id: string,
  number: string,
) {
  switch (name) {
    case 'check-in':
      return officerCall(t.app, session, 'POST', '/check-ins', { applicationNumber: number });
    case 'verification':
      return officerCall(t.app, session, 'POST', `/applications/${id}/document-verification`, {
        decision: 'ACCEPT',
      });
    case 'interview':
      return officerCall(t.app, session, 'POST', `/applications/${id}/interview`, {
        notes: 'Tujuan wisata ke Jepang; dokumen sesuai.',
        recommendation: 'APPROVE',
      });
    case 'adjudication':
      // Four eyes (issue 17): the supervisor interviews, the office's adjudicator decides.
      return officerCall(t.app, await adjudicator(), 'POST', `/applications/${id}/adjudication`, {
        decision: 'APPROVE',
      });
    case 'issue':
      return officerCall(t.app, session, 'POST', `/applications/${id}/issue`);
    case 'hand-over':
      return officerCall(
        t.app,
        session,
        'POST',
        `/applications/${id}/hand-over`,
        await handOverBody(t.app, session, id),
      );
  }
}

describe('when an applicant comes to the office on the day of the appointment', () => {
  let paid: Awaited<ReturnType<typeof paidApplication>>;
  let spv: { token: string };
  let number: string;
  beforeAll(async () => {
    paid = await paidApplication(t.app, smtp, OFFICE);
    spv = await officerSession(t.app, supervisorOf(OFFICE));
    number = ((await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body as { number: string })
      .number;
  });

  it('then the arrival pass is a signed code with a QR, and a forged or foreign pass is refused', async () => {
    const pass = await t.app.inject({
      url: `/api/v1/applications/${paid.id}/arrival-pass`,
      headers: bearer(paid.applicant),
    });
    expect(pass.statusCode).toBe(200);
    const { code, qrSvg } = pass.json() as { code: string; qrSvg: string };
    expect(code).toMatch(/^MP1\.[0-9a-f]{32}\.[A-Za-z0-9_-]{16}$/);
    expect(qrSvg).toContain('<svg');
    // The pass names its holder (issue 15): the officer compares it with the KTP-el in hand.
    const officerView = (await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body as {
      applicant: { fullName: string; nik: string };
    };
    const { holder } = pass.json() as { holder: { fullName: string; nik: string } };
    expect(holder.fullName).toBe(officerView.applicant.fullName);
    expect(holder.nik).toBe(
      `${officerView.applicant.nik.slice(0, 6)}******${officerView.applicant.nik.slice(-4)}`,
    );
    const forged = `${code.slice(0, -2)}${code.endsWith('AA') ? 'BB' : 'AA'}`;
    const refused = await officerCall(t.app, spv, 'POST', '/check-ins', { arrivalPass: forged });
    expect([refused.status, refused.body.code]).toEqual([422, 'ARRIVAL_PASS_INVALID']);
    const bandung = await officerSession(t.app, supervisorOf('BANDUNG'));
    const foreign = await officerCall(t.app, bandung, 'POST', '/check-ins', { arrivalPass: code });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'ARRIVAL_PASS_OTHER_OFFICE']);
    expect((await officerCall(t.app, bandung, 'GET', `/applications/${paid.id}`)).status).toBe(404);
    expect((await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body.status).toBe('PAID');
  });

  it('then the day queue lists the applicant with the session', async () => {
    const queue = await officerCall(t.app, spv, 'GET', `/queue?date=${paid.date}`);
    expect(queue.status).toBe(200);
    const entries = queue.body as unknown as { id: string; status: string; sessionStart: string }[];
    expect(entries.find((e) => e.id === paid.id)).toMatchObject({ status: 'PAID' });
  });

  it('then each step succeeds only in its turn: every other step answers 409 and changes nothing', async () => {
    const { code } = (
      await t.app.inject({
        url: `/api/v1/applications/${paid.id}/arrival-pass`,
        headers: bearer(paid.applicant),
      })
    ).json() as { code: string };
    for (const [index, step] of steps.entries()) {
      for (const other of steps.filter((s) => s.name !== step.name)) {
        const early = await callStep(spv, other.name, paid.id, number);
        expect([other.name, early.status, early.body.code]).toEqual([other.name, 409, 'INVALID_STATE']);
      }
      if (step.name === 'interview') {
        const incomplete = await callStep(spv, 'interview', paid.id, number);
        expect([incomplete.status, incomplete.body.code]).toEqual([422, 'BIOMETRICS_INCOMPLETE']);
        const photo = await officerCall(
          t.app,
          spv,
          'PUT',
          `/applications/${paid.id}/photo`,
          portraitJpeg(),
          'image/jpeg',
        );
        expect(photo.status).toBe(201);
        expect((await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/fingerprints`)).status).toBe(
          200,
        );
      }
      const done =
        index === 0
          ? await officerCall(t.app, spv, 'POST', '/check-ins', { arrivalPass: code })
          : await callStep(spv, step.name, paid.id, number);
      expect([step.name, done.status, done.body.status]).toEqual([step.name, 200, step.to]);
    }
  });

  it('then the passport has a unique number, a verifiable ICAO MRZ, and is in the registry', async () => {
    const view = (await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body as {
      status: string;
      readyDate: string;
      passport: { number: string; issueDate: string; expiryDate: string; mrz: [string, string] };
      visit: { handedOverAt: string | null };
    };
    expect(view.status).toBe('COLLECTED');
    // Interview on Wednesday 25 November 2026: Thursday, Friday, (weekend), Monday → 30 November.
    expect(view.readyDate).toBe('2026-11-30');
    expect(view.passport.number).toMatch(/^X\d{7}$/);
    expect(view.passport.expiryDate).toBe('2031-11-25');
    expect(view.passport.mrz[0]).toMatch(/^P<IDN[A-Z<]{39}$/);
    const parsed = parseTd3(view.passport.mrz);
    expect(parsed.valid).toBe(true);
    expect(parsed.passportNumber.replaceAll('<', '')).toBe(view.passport.number);
    const [registered] = await queryRows<{ status: string; holder_nik: string }>(
      t.db.db,
      sql`select status, holder_nik from travel_documents where number = ${view.passport.number}`,
    );
    const applicantNik = (view as unknown as { applicant: { nik: string } }).applicant.nik;
    expect(registered).toEqual({ status: 'VALID', holder_nik: applicantNik });
    const again = await logInAgain(t.app, paid.applicant);
    const applicantView = (
      await t.app.inject({ url: `/api/v1/applications/${paid.id}`, headers: bearer(again) })
    ).json();
    expect(applicantView).toMatchObject({
      status: 'COLLECTED',
      readyDate: '2026-11-30',
      passport: { number: view.passport.number },
    });
  });

  it('then every read and action is in the audit log, which the app cannot change', async () => {
    const rows = await queryRows<{ action: string; officer_username: string }>(
      t.db.db,
      sql`select action, officer_username from audit_log where application_id = ${paid.id} order by id`,
    );
    const actions = rows.map((r) => r.action);
    for (const action of [
      'application.read',
      'check-in',
      'document-verification',
      'photo',
      'fingerprints',
      'interview',
      'adjudication',
      'issue',
      'hand-over',
    ])
      expect(actions).toContain(action);
    await expect(
      refusal(sql`update audit_log set action = 'nothing' where application_id = ${paid.id}`),
    ).resolves.toMatch(/append-only/);
    await expect(refusal(sql`delete from audit_log where application_id = ${paid.id}`)).resolves.toMatch(
      /append-only/,
    );
    await expect(refusal(sql`truncate audit_log`)).resolves.toMatch(/append-only/);
    const hq = await officerSession(
      t.app,
      officers.find((o) => o.username === 'admin.pusat')!,
    );
    const audit = await officerCall(t.app, hq, 'GET', `/audit?applicationId=${paid.id}`);
    expect(audit.status).toBe(200);
    expect((audit.body as unknown as unknown[]).length).toBe(rows.length);
  });
});

describe('when one officer would both interview and adjudicate, or hand over without matching the KTP', () => {
  it('then four eyes refuse the interviewer (403 FOUR_EYES) unless the office waives it, and the hand-over needs the NIK’s last digits (422)', async () => {
    const paid = await paidApplication(t.app, smtp, OFFICE);
    const spv = await officerSession(t.app, supervisorOf(OFFICE));
    const number = (
      (await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body as { number: string }
    ).number;
    await callStep(spv, 'check-in', paid.id, number);
    await callStep(spv, 'verification', paid.id, number);
    await officerCall(t.app, spv, 'PUT', `/applications/${paid.id}/photo`, portraitJpeg(), 'image/jpeg');
    await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/fingerprints`);
    const interviewed = await callStep(spv, 'interview', paid.id, number);
    expect(interviewed.body.status, JSON.stringify(interviewed.body)).toBe('INTERVIEWED');
    expect((await officerCall(t.app, spv, 'GET', '/visit-rules')).body).toEqual({ fourEyes: true });

    const own = await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/adjudication`, {
      decision: 'APPROVE',
    });
    expect([own.status, own.body.code]).toEqual([403, 'FOUR_EYES']);
    expect((await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body.status).toBe(
      'INTERVIEWED',
    );
    // The office's administrator may waive it (audited); then the same supervisor may decide.
    const loket = await officerSession(
      t.app,
      officers.find((o) => o.username === 'loket.jakarta-selatan')!,
    );
    expect((await officerCall(t.app, loket, 'PUT', '/visit-rules', { fourEyes: false })).status).toBe(403);
    expect((await officerCall(t.app, spv, 'PUT', '/visit-rules', { fourEyes: false })).body).toEqual({
      fourEyes: false,
    });
    const waived = await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/adjudication`, {
      decision: 'APPROVE',
    });
    expect(waived.body.status).toBe('APPROVED');
    expect((await officerCall(t.app, spv, 'PUT', '/visit-rules', { fourEyes: true })).status).toBe(200);
    await callStep(spv, 'issue', paid.id, number);

    const bare = await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/hand-over`);
    expect([bare.status, bare.body.code], JSON.stringify(bare.body)).toEqual([
      422,
      'HANDOVER_IDENTITY_UNCONFIRMED',
    ]);
    const { nikLastDigits } = await handOverBody(t.app, spv, paid.id);
    const wrong = String((Number(nikLastDigits) + 1) % 10_000).padStart(4, '0');
    const mismatch = await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/hand-over`, {
      nikLastDigits: wrong,
    });
    expect([mismatch.status, mismatch.body.code]).toEqual([422, 'HANDOVER_IDENTITY_UNCONFIRMED']);
    expect((await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body.status).toBe('READY');
    const handed = await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/hand-over`, {
      nikLastDigits,
    });
    expect(handed.body.status).toBe('COLLECTED');
    const history = handed.body.history as { status: string; note?: string }[];
    expect(history.at(-1)?.note).toContain(nikLastDigits);
  });
});

describe('when a passport is not collected within 30 days', () => {
  it('then it is cancelled in the registry, the application closed, and the applicant told', async () => {
    const paid = await paidApplication(t.app, smtp, OFFICE, { service: 'EXPRESS' });
    const spv = await officerSession(t.app, supervisorOf(OFFICE));
    const number = (
      (await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body as { number: string }
    ).number;
    await officerCall(t.app, spv, 'POST', '/check-ins', { applicationNumber: number });
    await callStep(spv, 'verification', paid.id, number);
    await officerCall(t.app, spv, 'PUT', `/applications/${paid.id}/photo`, portraitJpeg(), 'image/jpeg');
    await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/fingerprints`);
    const interviewed = await callStep(spv, 'interview', paid.id, number);
    // Percepatan: ready the same day.
    expect(interviewed.body.readyDate).toBe(paid.date);
    await callStep(spv, 'adjudication', paid.id, number);
    const issued = await callStep(spv, 'issue', paid.id, number);
    expect(issued.body.status).toBe('READY');
    const passportNumber = (issued.body.passport as { number: string }).number;

    clock().advance(29 * 24 * 3600_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).status).toBe(401); // the clock outlived the session
    const spv2 = await officerSession(t.app, supervisorOf(OFFICE));
    expect((await officerCall(t.app, spv2, 'GET', `/applications/${paid.id}`)).body.status).toBe('READY');

    clock().advance(2 * 24 * 3600_000);
    const spv3 = await officerSession(t.app, supervisorOf(OFFICE));
    let status = '';
    for (let i = 0; i < 50 && status !== 'CANCELLED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await officerCall(t.app, spv3, 'GET', `/applications/${paid.id}`)).body.status as string;
    }
    expect(status).toBe('CANCELLED');
    const [registry] = await queryRows<{ status: string }>(
      t.db.db,
      sql`select status from travel_documents where number = ${passportNumber}`,
    );
    expect(registry?.status).toBe('CANCELLED');
    const mail = await smtp.waitFor(paid.applicant.registration.email, (m) => m.text.includes('30'));
    expect(mail.text).toContain('30');
  });
});
