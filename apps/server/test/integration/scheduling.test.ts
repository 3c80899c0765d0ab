import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain, registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { payAtChannel } from '../support/payments.ts';
import { adultWithoutPassport, applicantOf, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Sessions, quota release, submit = book + bill, expiry, reschedule, cancel, no-show (issue 6).
 * The clock starts on Wednesday 25 November 2026, 10:00 WIB; offices release the following week every
 * Friday 14:00 local (the default rule).
 */
let smtp: TestSmtpServer;
let t: TestApp;
let holder: Awaited<ReturnType<typeof registeredSession>>;
/** The holder applies for themselves: no consent step in the history (issue 15). */
const holderResident = takeResident(adultWithoutPassport);
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  holder = await registeredSession(t.app, smtp, {}, holderResident);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

interface Session {
  id: string;
  date: string;
  start: string;
  end: string;
  service: string;
  capacity: number;
  available: number;
  startsAt: string;
}
const clock = () => t.clock as SimulatedClock;
const advanceTo = (iso: string) => clock().advance(Date.parse(iso) - clock().now().getTime());
const bearer = (session: { token: string }) => ({ authorization: `Bearer ${session.token}` });
const sessionsOf = async (office: string, query = '') =>
  (await t.app.inject({ url: `/api/v1/offices/${office}/sessions${query}` })).json() as Session[];
const post = (url: string, payload?: object, session: { token: string } = holder) =>
  t.app.inject({ method: 'POST', url, headers: bearer(session), ...(payload ? { payload } : {}) });
const submit = (id: string, sessionId: string, session: { token: string } = holder) =>
  post(`/api/v1/applications/${id}/submit`, { sessionId }, session);
/** Pays at a simulated channel and waits for the notification to land. */
async function paid(applicationId: string): Promise<void> {
  const [billing] = await queryRows<{ code: string }>(
    t.db.db,
    sql`select code from billings where application_id = ${applicationId}`,
  );
  expect((await payAtChannel(t.app, billing!.code)).statusCode).toBe(200);
  for (let i = 0; i < 50; i++) {
    const [row] = await queryRows<{ status: string }>(
      t.db.db,
      sql`select status from applications where id = ${applicationId}`,
    );
    if (row?.status === 'PAID') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('payment not applied');
}

/** A fresh account for each draft: an account may hold only 5 applications in progress. */
const newApplicant = () => registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));

describe('listing sessions', () => {
  it('shows only released sessions still ahead, hourly in office time, with seats per pool', async () => {
    const sessions = await sessionsOf('BANDUNG');
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) {
      expect(Date.parse(s.startsAt)).toBeGreaterThan(clock().now().getTime());
      expect(s.date <= '2026-11-29').toBe(true); // next week opens on Friday
      expect(new Date(`${s.date}T00:00:00Z`).getUTCDay()).not.toBe(0);
    }
    expect(sessions[0]).toMatchObject({
      date: '2026-11-25',
      start: '11:00',
      end: '12:00',
      service: 'REGULAR',
      capacity: 20,
    });
    expect((await sessionsOf('BANDUNG', '?service=EXPRESS'))[0]).toMatchObject({
      service: 'EXPRESS',
      capacity: 3,
    });
  });

  it('puts a 09:00 session in Jayapura (WIT) at 00:00Z', async () => {
    const nineOClock = (await sessionsOf('JAYAPURA')).find((s) => s.start === '09:00');
    expect(nineOClock?.startsAt).toMatch(/T00:00:00\.000Z$/);
  });

  it('answers 404 for an unknown office and 422 for an office that cannot issue the passport asked for', async () => {
    expect((await t.app.inject({ url: '/api/v1/offices/ATLANTIS/sessions' })).statusCode).toBe(404);
    const response = await t.app.inject({ url: '/api/v1/offices/BANDUNG/sessions?product=POLYCARBONATE_5Y' });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PRODUCT_NOT_OFFERED');
  });
});

describe('submitting', () => {
  it('books the seat and issues a 15-digit billing code due in 2 hours, in one step', async () => {
    const draft = await completeDraft(t.app, holder, { applicant: applicantOf(holderResident) });
    const [session] = await sessionsOf('BANDUNG');
    const response = await submit(draft.id, session!.id);
    expect(response.statusCode).toBe(200);
    const application = response.json();
    expect(application).toMatchObject({
      status: 'AWAITING_PAYMENT',
      statusLabel: 'Menunggu Pembayaran',
      appointment: {
        officeCode: 'BANDUNG',
        sessionId: session!.id,
        date: session!.date,
        start: session!.start,
        timeZone: 'Asia/Jakarta',
        timeZoneLabel: 'WIB',
        reschedulesLeft: 1,
      },
      billing: {
        code: expect.stringMatching(/^\d{15}$/),
        amount: 650_000,
        expiresAt: new Date(clock().now().getTime() + 2 * 3_600_000).toISOString(),
        status: 'PENDING',
      },
    });
    expect(application.history.map((h: { status: string }) => h.status)).toEqual([
      'DRAFT',
      'AWAITING_PAYMENT',
    ]);
    expect((await sessionsOf('BANDUNG')).find((s) => s.id === session!.id)?.available).toBe(
      session!.available - 1,
    );
    // The answer is built from what the submit made; a fresh read says exactly the same.
    const read = await t.app.inject({
      url: `/api/v1/applications/${draft.id}`,
      headers: { authorization: `Bearer ${holder.token}` },
    });
    expect(read.json()).toEqual(application);
    expect((await submit(draft.id, session!.id)).json().code).toBe('INVALID_STATE');
  });

  it('refuses an incomplete file, naming what is missing, and holds nothing', async () => {
    const created = await post('/api/v1/applications', {
      type: 'NEW',
      product: 'ELECTRONIC_5Y',
      applicant: (await import('../support/residents.ts')).applicantOf(takeResident(adultWithoutPassport)),
    });
    const [session] = await sessionsOf('BANDUNG');
    const response = await submit(created.json().id, session!.id);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'DOCUMENTS_INCOMPLETE' });
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'documents.KTP_EL',
      'documents.KARTU_KELUARGA',
      'documents.IDENTITY_PROOF',
    ]);
    expect((await sessionsOf('BANDUNG')).find((s) => s.id === session!.id)?.available).toBe(
      session!.available,
    );
  });

  it('refuses a session before its release instant, then takes it once released', async () => {
    const applicant = await newApplicant();
    const draft = await completeDraft(t.app, applicant);
    const [unreleased] = await queryRows<{ id: string }>(
      t.db.db,
      sql`select id from sessions where office_code = 'BANDUNG' and date = '2026-12-01' and service = 'REGULAR' and start_time = '09:00'`,
    );
    expect((await sessionsOf('BANDUNG', '?from=2026-12-01&to=2026-12-01')).length).toBe(0);
    const early = await submit(draft.id, unreleased!.id, applicant);
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('SESSION_NOT_BOOKABLE');

    advanceTo('2026-11-27T07:00:00.000Z'); // Friday 14:00 WIB
    expect((await sessionsOf('BANDUNG', '?from=2026-12-01&to=2026-12-01')).length).toBe(7);
    expect((await submit(draft.id, unreleased!.id, await logInAgain(t.app, applicant))).statusCode).toBe(200);
  });

  it('offers nothing on a national holiday (Christmas, and the collective leave before it)', async () => {
    advanceTo('2026-12-18T07:00:00.000Z');
    const days = new Set((await sessionsOf('BANDUNG', '?from=2026-12-21&to=2026-12-27')).map((s) => s.date));
    expect([...days].sort()).toEqual(['2026-12-21', '2026-12-22', '2026-12-23']);
  });
});

describe('expiry', () => {
  it('expires an unpaid application 2 hours after submission and gives the seat back, once', async () => {
    const applicant = await newApplicant();
    const draft = await completeDraft(t.app, applicant);
    const [session] = await sessionsOf('BANDUNG');
    expect((await submit(draft.id, session!.id, applicant)).statusCode).toBe(200);
    const second = await createTestApp({ db: t.db, clock: t.clock, config: { smtpUrl: smtp.url } });
    try {
      clock().advance(121 * 60_000);
      let status = '';
      for (let i = 0; i < 50 && status !== 'EXPIRED'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const [row] = await queryRows<{ status: string }>(
          t.db.db,
          sql`select status from applications where id = ${draft.id}`,
        );
        status = row!.status;
      }
      expect(status).toBe('EXPIRED');
      await new Promise((r) => setTimeout(r, 500)); // both workers have had their turn
      const [seat] = await queryRows<{ booked: number }>(
        t.db.db,
        sql`select booked from sessions where id = ${session!.id}`,
      );
      expect(seat!.booked).toBe(session!.capacity - session!.available);
      const again = await logInAgain(t.app, applicant);
      const view = (
        await t.app.inject({ url: `/api/v1/applications/${draft.id}`, headers: bearer(again) })
      ).json();
      expect(view.history.filter((h: { status: string }) => h.status === 'EXPIRED')).toHaveLength(1);
      expect(view.billing.status).toBe('EXPIRED');
      expect(view.appointment).toBeNull();
    } finally {
      await second.close();
    }
  });
});

describe('cancelling after submission', () => {
  it('gives the seat back and cancels the unpaid billing', async () => {
    const applicant = await newApplicant();
    const draft = await completeDraft(t.app, applicant);
    const [session] = await sessionsOf('BANDUNG');
    await submit(draft.id, session!.id, applicant);
    const cancelled = await post(`/api/v1/applications/${draft.id}/cancel`, undefined, applicant);
    expect(cancelled.json()).toMatchObject({
      status: 'CANCELLED',
      appointment: null,
      billing: { status: 'CANCELLED' },
    });
    expect((await sessionsOf('BANDUNG')).find((s) => s.id === session!.id)?.available).toBe(
      session!.available,
    );
  });
});

describe('rescheduling', () => {
  async function paidBooking(office: string) {
    const applicant = await newApplicant();
    const draft = await completeDraft(t.app, applicant);
    const sessions = await sessionsOf(office);
    const first = sessions.find((s) => s.date > clock().now().toISOString().slice(0, 10))!;
    expect((await submit(draft.id, first.id, applicant)).statusCode).toBe(200);
    await paid(draft.id);
    return { applicant, id: draft.id, first, sessions };
  }
  const reschedule = (id: string, sessionId: string, session: { token: string }) =>
    post(`/api/v1/applications/${id}/reschedule`, { sessionId }, session);

  it('is refused before payment', async () => {
    const applicant = await newApplicant();
    const draft = await completeDraft(t.app, applicant);
    const [a, b] = await sessionsOf('BANDUNG');
    await submit(draft.id, a!.id, applicant);
    expect((await reschedule(draft.id, b!.id, applicant)).json().code).toBe('INVALID_STATE');
  });

  it('moves the booking once: the old seat is given back, a second move is RESCHEDULE_LIMIT', async () => {
    const { applicant, id, first, sessions } = await paidBooking('BANDUNG');
    const target = sessions.find((s) => s.date > first.date)!;
    const moved = await reschedule(id, target.id, applicant);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      status: 'PAID',
      appointment: { sessionId: target.id, reschedulesLeft: 0 },
    });
    const after = await sessionsOf('BANDUNG');
    expect(after.find((s) => s.id === first.id)?.available).toBe(first.available);
    expect(after.find((s) => s.id === target.id)?.available).toBe(target.available - 1);
    const again = await reschedule(id, first.id, applicant);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RESCHEDULE_LIMIT');
  });

  it('is allowed until the end of the day before the booked date, in the office’s zone (WIT)', async () => {
    const { applicant, id, first, sessions } = await paidBooking('JAYAPURA');
    const other = sessions.find((s) => s.id !== first.id && s.date >= first.date)!;
    // 23:59:59 WIT on the day before = 14:59:59Z: still allowed; a second later it is the day itself.
    const dayBefore = new Date(Date.parse(`${first.date}T00:00:00Z`) - 9 * 3_600_000 - 1_000);
    advanceTo(dayBefore.toISOString());
    const stillInTime = await logInAgain(t.app, applicant);
    clock().advance(1_000);
    const late = await reschedule(id, other.id, stillInTime);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');
    expect(late.json().detail).toContain(first.date);
  });
});

describe('no-show', () => {
  it('marks a paid booking never checked in as NO_SHOW once its day has ended', async () => {
    const applicant = await newApplicant();
    const draft = await completeDraft(t.app, applicant);
    const [session] = await sessionsOf('BANDUNG');
    await submit(draft.id, session!.id, applicant);
    await paid(draft.id);
    advanceTo(new Date(Date.parse(`${session!.date}T17:00:00Z`) + 60_000).toISOString());
    const again = await logInAgain(t.app, applicant);
    let status = '';
    for (let i = 0; i < 30 && status !== 'NO_SHOW'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const url = `/api/v1/applications/${draft.id}`;
      status = (await t.app.inject({ url, headers: bearer(again) })).json().status;
    }
    expect(status).toBe('NO_SHOW');
  });
});
