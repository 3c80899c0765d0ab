import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { logInAgain, registeredSession } from '../support/accounts.ts';
import { completeDraft } from '../support/applications.ts';
import { payAtChannel } from '../support/payments.ts';
import { adultWithoutPassport, takeResident } from '../support/residents.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer } from '../support/visit.ts';
import { until } from '../support/waitlist.ts';

/**
 * Issue 16, reminders people rely on: the visit's eve (H-1) by e-mail and SMS with office, address,
 * day, time and what to bring, once per appointment (a rescheduled one gets its own), and the notice
 * of a missed visit. Driven by the simulated clock; the jobs run every 100 ms in two app instances on one
 * database, so waiting a while runs them many times over, side by side. PGlite by default, PostgreSQL
 * when DATABASE_URL is set.
 */
const OFFICE = 'JAKARTA_SELATAN';
const HOUR = 3_600_000;
const WIB = 7 * HOUR;
let smtp: TestSmtpServer;
let t: TestApp;
/** A second instance on the same database and clock: its jobs race the first one's. */
let other: TestApp;
let applicant: Awaited<ReturnType<typeof registeredSession>>;
let application: { id: string; number: string; requiredDocuments: string[] };
let first: Session;
let second: Session;

interface Session {
  readonly id: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
}
interface Sent {
  readonly channel: 'EMAIL' | 'SMS';
  readonly subject: string | null;
  readonly text: string;
}

const clock = () => t.clock as SimulatedClock;
const jobsRanAFewTimes = () => new Promise((resolve) => setTimeout(resolve, 600));
const sent = async (to: string): Promise<Sent[]> =>
  (await t.app.inject({ url: `/sim/outbox?to=${encodeURIComponent(to)}&limit=200` })).json() as Sent[];
/** The reminders of this application, e-mail to the applicant and SMS to the phone. */
async function reminders(pattern: RegExp): Promise<Sent[]> {
  const mails = await sent(applicant.registration.email);
  const texts = await sent(`+62${applicant.registration.phone.slice(1)}`);
  return [...mails, ...texts].filter(
    (m) => pattern.test(`${m.subject ?? ''}\n${m.text}`) && m.text.includes(application.number),
  );
}
/** Moves the simulated clock to `hour`:00 WIB on `date` (never back). */
function moveTo(date: string, hour: number) {
  const target = Date.parse(`${date}T00:00:00Z`) + hour * HOUR - WIB;
  clock().advance(Math.max(0, target - clock().now().getTime()));
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);
async function sessionsFrom(date: string): Promise<Session[]> {
  const sessions = (
    await t.app.inject({ url: `/api/v1/offices/${OFFICE}/sessions?service=REGULAR` })
  ).json() as Session[];
  return sessions.filter((s) => s.date >= date);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  other = await createTestApp({ db: t.db, clock: t.clock, config: { smtpUrl: smtp.url } });
  applicant = await registeredSession(t.app, smtp, {}, takeResident(adultWithoutPassport));
  const draft = await completeDraft(t.app, applicant);
  const today = clock().now().toISOString().slice(0, 10);
  // Two days ahead at least, so the eve is still to come.
  first = (await sessionsFrom(addDays(today, 2)))[0]!;
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${draft.id}/submit`,
    headers: bearer(applicant),
    payload: { sessionId: first.id },
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const body = submitted.json() as { number: string; billing: { code: string } };
  expect((await payAtChannel(t.app, body.billing.code)).statusCode).toBe(200);
  application = { ...draft, number: body.number };
  const status = async () =>
    (
      (
        await t.app.inject({ url: `/api/v1/applications/${draft.id}`, headers: bearer(applicant) })
      ).json() as { status: string }
    ).status;
  expect(await until(status, (s) => s === 'PAID')).toBe('PAID');
});
afterAll(async () => {
  await other?.close();
  await t?.close();
  await smtp?.close();
});

describe('when a paid visit is tomorrow', () => {
  it('then nothing is sent before 09:00 on the day before', async () => {
    moveTo(addDays(first.date, -1), 8);
    await jobsRanAFewTimes();
    expect(await reminders(/Besok/)).toEqual([]);
  });

  it('then from 09:00 the applicant gets one e-mail and one SMS with office, address, day, time and documents', async () => {
    moveTo(addDays(first.date, -1), 9);
    const found = await until(
      () => reminders(/Besok/),
      (list) => list.length >= 2,
    );
    await jobsRanAFewTimes();
    const all = await reminders(/Besok/);
    expect(all.map((m) => m.channel).sort()).toEqual(['EMAIL', 'SMS']);
    expect(found.length).toBe(2);
    const email = all.find((m) => m.channel === 'EMAIL')!;
    const time = `${first.start}-${first.end} WIB`;
    expect(email.subject).toBe(`Besok: jadwal kedatangan paspor ${application.number}, ${time}`);
    const office = (await t.app.inject({ url: `/api/v1/offices/${OFFICE}` })).json() as {
      name: string;
      address: string | null;
    };
    expect(email.text).toContain(`Kantor: ${office.name}`);
    expect(email.text).toContain(`Alamat: ${office.address ?? '-'}`);
    const day = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${first.date}T00:00:00Z`),
    );
    expect(email.text).toContain(`Tanggal: ${day}`);
    expect(email.text).toContain(`Jam: ${time}`);
    expect(email.text).toContain('- KTP elektronik');
    expect(email.text).toContain('- Kartu Keluarga');
    expect(email.text).toContain(`/#/applications/${application.id}/pass`);
    expect(email.text).toMatch(/Kode QR kedatangan/);
    const sms = all.find((m) => m.channel === 'SMS')!;
    expect(sms.text).toContain(time);
    expect(sms.text.length).toBeLessThanOrEqual(160);
  });

  it('then a rescheduled visit gets its own reminder on its own eve, once', async () => {
    // Moving is allowed until the day before (H-1): it still is.
    applicant = { ...applicant, token: (await logInAgain(t.app, applicant)).token };
    second = (await sessionsFrom(addDays(first.date, 2)))[0]!;
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${application.id}/reschedule`,
      headers: bearer(applicant),
      payload: { sessionId: second.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await jobsRanAFewTimes();
    expect((await reminders(/Besok/)).length).toBe(2);

    // Both instances find the visit due while its row is locked, then claim it one after the other:
    // the second must find the reminder taken, not send it again.
    await t.db.db.transaction(async (tx) => {
      await tx.execute(sql`select id from applications where id = ${application.id} for update`);
      moveTo(addDays(second.date, -1), 10);
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await until(
      () => reminders(/Besok/),
      (list) => list.length >= 4,
    );
    await jobsRanAFewTimes();
    const emails = (await reminders(/Besok/)).filter((m) => m.channel === 'EMAIL');
    expect(emails.length).toBe(2);
    expect(emails[0]!.subject).toContain(`${second.start}-${second.end} WIB`);
  });
});

describe('when the applicant does not come', () => {
  it('then the application is NO_SHOW and they are told, once, that the fee is forfeited and how to apply again', async () => {
    moveTo(addDays(second.date, 1), 1);
    const notices = await until(
      () => reminders(/tidak hadir/i),
      (list) => list.length >= 1,
    );
    await jobsRanAFewTimes();
    expect((await reminders(/tidak hadir/i)).length).toBe(1);
    const [notice] = notices;
    expect(notice!.subject).toBe(`Anda tidak hadir pada jadwal paspor ${application.number}`);
    expect(notice!.text).toContain('hangus');
    expect(notice!.text).toContain('Rp');
    expect(notice!.text).toContain('ajukan permohonan baru');
    applicant = { ...applicant, token: (await logInAgain(t.app, applicant)).token };
    const view = await t.app.inject({
      url: `/api/v1/applications/${application.id}`,
      headers: bearer(applicant),
    });
    expect((view.json() as { status: string }).status).toBe('NO_SHOW');
  });
});
