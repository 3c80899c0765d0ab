import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
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
 * The office's "reschedule khusus" (issue 16): system fault, officer error or force majeure, beyond
 * the applicant's one reschedule, within the same office, seats exact, audited.
 */
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
const sessionsOf = async (office: string) =>
  (await t.app.inject({ url: `/api/v1/offices/${office}/sessions` })).json() as {
    id: string;
    date: string;
    available: number;
  }[];
const booked = async (sessionId: string) =>
  (await queryRows<{ booked: number }>(t.db.db, sql`select booked from sessions where id = ${sessionId}`))[0]!
    .booked;

describe('when the office moves a paid appointment because of a system fault', () => {
  it('then the seat moves exactly, the applicant keeps their own reschedule, and it is audited and told', async () => {
    const paid = await paidApplication(t.app, smtp, OFFICE);
    const spv = await officerSession(
      t.app,
      officers.find((o) => o.username === 'spv.jakarta-selatan')!,
    );
    const mine = async () =>
      (
        await t.app.inject({ url: `/api/v1/applications/${paid.id}`, headers: bearer(paid.applicant) })
      ).json();
    const before = (await mine()).appointment;
    // A later day, so that the applicant may still use their own reschedule from it.
    const target = (await sessionsOf(OFFICE)).find(
      (s) => s.id !== before.sessionId && s.available > 1 && s.date > '2026-11-25',
    )!;
    const [fromBefore, toBefore] = [await booked(before.sessionId), await booked(target.id)];

    const moved = await officerCall(t.app, spv, 'POST', `/applications/${paid.id}/special-reschedule`, {
      sessionId: target.id,
      reason: 'SYSTEM_FAULT',
      note: 'Server perekaman biometrik mati pada sesi awal.',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ status: 'PAID', appointment: { sessionId: target.id } });
    expect([await booked(before.sessionId), await booked(target.id)]).toEqual([fromBefore - 1, toBefore + 1]);
    const after = await mine();
    expect(after.appointment).toMatchObject({ sessionId: target.id, reschedulesLeft: 1 });
    expect(after.history.at(-1).note).toContain('Dijadwalkan ulang oleh kantor (gangguan sistem)');
    const [audit] = await queryRows<{ details: { reason: string } }>(
      t.db.db,
      sql`select details from audit_log where action = 'special-reschedule' and application_id = ${paid.id}`,
    );
    expect(audit?.details.reason).toBe('SYSTEM_FAULT');

    // The applicant's own reschedule is still there to use.
    const third = (await sessionsOf(OFFICE)).find((s) => s.id !== target.id && s.id !== before.sessionId)!;
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${paid.id}/reschedule`,
      headers: bearer(paid.applicant),
      payload: { sessionId: third.id },
    });
    expect(own.statusCode, own.body).toBe(200);
  });
});

describe('when the special reschedule does not fit', () => {
  it('then another office’s session, a bad reason, another office’s officer and a missing role are refused, and nothing moves', async () => {
    const paid = await paidApplication(t.app, smtp, OFFICE);
    const spv = await officerSession(
      t.app,
      officers.find((o) => o.username === 'spv.jakarta-selatan')!,
    );
    const current = (
      await t.app.inject({ url: `/api/v1/applications/${paid.id}`, headers: bearer(paid.applicant) })
    ).json().appointment.sessionId as string;
    const move = (who: { token: string }, body: object) =>
      officerCall(t.app, who, 'POST', `/applications/${paid.id}/special-reschedule`, body);
    const elsewhere = (await sessionsOf('BANDUNG'))[0]!.id;
    const other = await move(spv, { sessionId: elsewhere, reason: 'OFFICER_ERROR', note: 'Salah kantor.' });
    expect([other.status, other.body.code]).toEqual([422, 'SESSION_NOT_BOOKABLE']);
    const sameOffice = (await sessionsOf(OFFICE)).find((s) => s.id !== current)!.id;
    const badReason = await move(spv, { sessionId: sameOffice, reason: 'BOSAN', note: 'Tidak ada.' });
    expect(badReason.body.code).toBe('VALIDATION');
    const bandung = await officerSession(
      t.app,
      officers.find((o) => o.username === 'spv.bandung')!,
    );
    expect(
      (await move(bandung, { sessionId: sameOffice, reason: 'FORCE_MAJEURE', note: 'Banjir.' })).status,
    ).toBe(404);
    const checkIn = await officerSession(
      t.app,
      officers.find((o) => o.username.startsWith('loket.'))!,
    );
    const noRole = await move(checkIn, { sessionId: sameOffice, reason: 'FORCE_MAJEURE', note: 'Banjir.' });
    expect([noRole.status, noRole.body.code]).toEqual([403, 'FORBIDDEN']);
    const still = (
      await t.app.inject({ url: `/api/v1/applications/${paid.id}`, headers: bearer(paid.applicant) })
    ).json().appointment.sessionId;
    expect(still).toBe(current);
  });
});
