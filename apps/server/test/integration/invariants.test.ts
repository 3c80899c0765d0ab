import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { queryRows } from '../../src/db/database.ts';
import { invariantViolations } from '../../src/db/invariants.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { paidApplication } from '../support/visit.ts';

/**
 * The invariant checker (db/invariants.ts) must see what it is there to see: each rule, broken on
 * purpose inside a transaction that is then rolled back, is named; the untouched database has none.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let first: { id: string; billing: string };
let second: { id: string };
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url } });
  const paid = await paidApplication(t.app, smtp, 'BANDUNG');
  const [billing] = await queryRows<{ code: string }>(
    t.db.db,
    sql`select code from billings where application_id = ${paid.id}`,
  );
  first = { id: paid.id, billing: billing!.code };
  second = { id: (await paidApplication(t.app, smtp, 'BANDUNG')).id };
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

class RolledBack extends Error {}

/** The violations seen with `damage` applied, which is then undone. */
async function violationsWith(damage: (tx: Database) => Promise<unknown>): Promise<string[]> {
  let seen: string[] = [];
  await t.db.db
    .transaction(async (tx) => {
      await damage(tx as unknown as Database);
      seen = await invariantViolations(tx as unknown as Database);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return seen;
}

describe('the invariant checker', () => {
  it('finds nothing wrong in a database the app wrote', async () => {
    expect(await invariantViolations(t.db.db)).toEqual([]);
  });

  it('names a session whose booked count is not its bookings', async () => {
    const found = await violationsWith((tx) =>
      tx.execute(sql`update sessions set booked = booked + 1
                     where id = (select session_id from bookings where application_id = ${first.id})`),
    );
    expect(found).toEqual([expect.stringMatching(/^session .*: booked \d+, held \d+, capacity \d+$/)]);
  });

  it('names a NIK with two applications holding a seat (were its unique index ever lost)', async () => {
    const found = await violationsWith(async (tx) => {
      // The database refuses this by itself; the check is for a restore without that index.
      await tx.execute(sql`drop index applications_active_nik_unique`);
      await tx.execute(sql`update applications
          set applicant_nik = (select applicant_nik from applications where id = ${first.id})
          where id = ${second.id}`);
    });
    expect(found).toEqual([expect.stringMatching(/^NIK …\d{4}: 2 applications hold a seat/)]);
  });

  it('names a PAID billing without its receipt', async () => {
    const found = await violationsWith((tx) =>
      tx.execute(sql`update billings set ntpn = null where code = ${first.billing}`),
    );
    expect(found).toEqual([`billing ${first.billing}: PAID without its receipt`]);
  });

  it('names a billing settled by two applied payments', async () => {
    const found = await violationsWith((tx) =>
      tx.execute(sql`insert into payment_notifications
          (payment_id, billing_code, amount, channel, paid_at, ntpn, ntb, source, outcome, needs_attention,
           received_at, payload)
        select 'PAY-DUPLICATE', billing_code, amount, channel, paid_at, ntpn, ntb, source, 'APPLIED', false,
           received_at, payload
        from payment_notifications where billing_code = ${first.billing} and outcome = 'APPLIED'`),
    );
    expect(found).toEqual([`billing ${first.billing}: 2 payments applied`]);
  });

  it('names a history step the state machine does not allow', async () => {
    const found = await violationsWith((tx) =>
      tx.execute(sql`insert into application_history (application_id, status, at, actor)
                     values (${first.id}, 'DRAFT', now(), 'uji')`),
    );
    expect(found).toEqual([`application ${first.id}: PAID -> DRAFT is not an allowed transition`]);
  });
});
