import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/database.ts';
import type { SimulatedClock } from '../../src/platform/clock.ts';
import { portraitJpeg } from '../support/files.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  demoOfficers,
  officerCall,
  officerSession,
  paidApplication,
  type DemoOfficer,
} from '../support/visit.ts';
import { until } from '../support/waitlist.ts';

/**
 * Issue 16: the "passport ready" e-mail carries the payment receipt (asked for at pick-up), and a
 * passport not collected is reminded at day 7 and day 25 of its 30 days, each once, however often the
 * job runs. Driven by the simulated clock; PGlite by default, PostgreSQL when DATABASE_URL is set.
 */
const OFFICE = 'JAKARTA_SELATAN';
const DAY = 24 * 3_600_000;
let smtp: TestSmtpServer;
let t: TestApp;
let officers: DemoOfficer[];
let paid: Awaited<ReturnType<typeof paidApplication>>;
let number: string;
let bill: { code: string; ntpn: string; amount: number };

interface Sent {
  readonly channel: 'EMAIL' | 'SMS';
  readonly subject: string | null;
  readonly text: string;
  readonly attachments: { filename: string; contentType: string; content: string }[];
}

const clock = () => t.clock as SimulatedClock;
const jobsRanAFewTimes = () => new Promise((resolve) => setTimeout(resolve, 600));
const email = () => paid.applicant.registration.email;
const sent = async (to: string): Promise<Sent[]> =>
  (await t.app.inject({ url: `/sim/outbox?to=${encodeURIComponent(to)}&limit=200` })).json() as Sent[];
async function pickUpReminders(): Promise<Sent[]> {
  const phone = `+62${paid.applicant.registration.phone.slice(1)}`;
  return [...(await sent(email())), ...(await sent(phone))].filter(
    (m) => /belum diambil/.test(`${m.subject ?? ''} ${m.text}`) && m.text.includes(number),
  );
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  officers = await demoOfficers(t.app);
  paid = await paidApplication(t.app, smtp, OFFICE, { service: 'EXPRESS' });
  const spv = await officerSession(
    t.app,
    officers.find((o) => o.officeCode === OFFICE && o.username.startsWith('spv.'))!,
  );
  const step = (url: string, payload?: object) => officerCall(t.app, spv, 'POST', url, payload);
  number = ((await officerCall(t.app, spv, 'GET', `/applications/${paid.id}`)).body as { number: string })
    .number;
  await step('/check-ins', { applicationNumber: number });
  await step(`/applications/${paid.id}/document-verification`, { decision: 'ACCEPT' });
  await officerCall(t.app, spv, 'PUT', `/applications/${paid.id}/photo`, portraitJpeg(), 'image/jpeg');
  await step(`/applications/${paid.id}/fingerprints`);
  await step(`/applications/${paid.id}/interview`, { notes: 'Wisata.', recommendation: 'APPROVE' });
  // Four eyes (issue 17): the office's adjudicator, not the supervisor who interviewed.
  const adjudicator = await officerSession(
    t.app,
    officers.find((o) => o.username === 'adjudikator.jakarta-selatan')!,
  );
  await officerCall(t.app, adjudicator, 'POST', `/applications/${paid.id}/adjudication`, {
    decision: 'APPROVE',
  });
  const issued = await step(`/applications/${paid.id}/issue`);
  expect(issued.body.status, JSON.stringify(issued.body)).toBe('READY');
  const [paidBill] = await queryRows<{ code: string; ntpn: string; amount: number }>(
    t.db.db,
    sql`select code, ntpn, amount from billings where application_id = ${paid.id}`,
  );
  if (!paidBill) throw new Error('the paid application has no billing');
  bill = paidBill;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('when the passport is ready', () => {
  it('then the e-mail carries the payment receipt: application number, billing code, NTPN, amount, paid-at', async () => {
    const ready = await until(
      async () => (await sent(email())).filter((m) => m.subject === `Paspor ${number} siap diambil`),
      (list) => list.length > 0,
    );
    expect(ready).toHaveLength(1);
    expect(ready[0]!.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`bukti-bayar-${number}.txt`, 'text/plain; charset=utf-8'],
    ]);
    const receipt = ready[0]!.attachments[0]!.content;
    expect(receipt).toContain('BUKTI PEMBAYARAN PNBP PASPOR');
    for (const fact of [number, bill.code, bill.ntpn, 'Dibayar pada', 'WIB', 'Indomaret'])
      expect(receipt).toContain(fact);
    expect(receipt.replace(/\D/g, '')).toContain(String(bill.amount));

    // Over real SMTP too: a multipart message with the text and the file.
    const mail = await smtp.waitFor(email(), (m) => m.subject === `Paspor ${number} siap diambil`);
    expect(mail.text).toContain('siap diambil');
    expect(mail.attachments.map((a) => a.filename)).toEqual([`bukti-bayar-${number}.txt`]);
    expect(mail.attachments[0]!.content).toContain(bill.ntpn);
  });

  it('then no pick-up reminder goes out in the first week', async () => {
    clock().advance(6 * DAY);
    await jobsRanAFewTimes();
    expect(await pickUpReminders()).toEqual([]);
  });
});

describe('when the passport is not collected', () => {
  it('then at day 7 one e-mail and one SMS remind of the office, its address and the last day', async () => {
    clock().advance(1 * DAY);
    await until(pickUpReminders, (list) => list.length >= 2);
    await jobsRanAFewTimes();
    const all = await pickUpReminders();
    expect(all.map((m) => m.channel).sort()).toEqual(['EMAIL', 'SMS']);
    const mail = all.find((m) => m.channel === 'EMAIL')!;
    expect(mail.subject).toBe(`Paspor ${number} belum diambil: sisa 23 hari`);
    const office = (await t.app.inject({ url: `/api/v1/offices/${OFFICE}` })).json() as {
      name: string;
      address: string | null;
    };
    expect(mail.text).toContain(`Kantor: ${office.name}`);
    expect(mail.text).toContain(`Alamat: ${office.address ?? '-'}`);
    expect(mail.text).toMatch(/Ambil paling lambat: .*\d{4}/);
    expect(mail.text).toContain('dibatalkan otomatis');
  });

  it('then at day 25 a second reminder goes out, once, and the passport is still READY', async () => {
    clock().advance(18 * DAY);
    await until(pickUpReminders, (list) => list.length >= 4);
    await jobsRanAFewTimes();
    const emails = (await pickUpReminders()).filter((m) => m.channel === 'EMAIL');
    expect(emails.map((m) => m.subject)).toEqual([
      `Paspor ${number} belum diambil: sisa 5 hari`,
      `Paspor ${number} belum diambil: sisa 23 hari`,
    ]);
    const [claims] = await queryRows<{ count: number }>(
      t.db.db,
      sql`select count(*)::int as count from application_reminders where application_id = ${paid.id}`,
    );
    expect(claims?.count).toBe(2);
    const [row] = await queryRows<{ status: string }>(
      t.db.db,
      sql`select status from applications where id = ${paid.id}`,
    );
    expect(row?.status).toBe('READY');
  });
});
