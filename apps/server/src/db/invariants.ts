import { sql } from 'drizzle-orm';
import { canTransition, type ApplicationStatus } from '#shared/statuses.ts';
import { queryRows, type Database } from './database.ts';

/**
 * What must hold in the database whatever crashed (issue 18), as SQL over every module's tables — an
 * operations check, run by the crash tests and usable against a restored backup. Each violation is
 * one line that names the row.
 */
export async function invariantViolations(db: Database): Promise<string[]> {
  const [seats, holders, payments, applied, history] = await Promise.all([
    seatsMatchBookings(db),
    oneActiveApplicationPerNik(db),
    paidBillingsComplete(db),
    oneAppliedPaymentPerBilling(db),
    historyFollowsTheStateMachine(db),
  ]);
  return [...seats, ...holders, ...payments, ...applied, ...history];
}

/**
 * A session's booked seats are its open bookings, its open waitlist offers, and the seats used once
 * the session began (a visit closed or a no-show releases its booking then, without giving the seat
 * back); never more than capacity.
 */
async function seatsMatchBookings(db: Database): Promise<string[]> {
  const rows = await queryRows<{ id: string; booked: number; capacity: number; held: number }>(
    db,
    sql`select s.id, s.booked, s.capacity,
          (select count(*) from bookings b where b.session_id = s.id and b.released_at is null)::int
          + (select count(*) from waitlist_offers o where o.session_id = s.id and o.status = 'OPEN')::int
          + (select count(*) from bookings b
             where b.session_id = s.id and b.released_at >= s.starts_at)::int as held
        from sessions s
        where s.booked > 0 or exists (select 1 from bookings b where b.session_id = s.id)`,
  );
  return rows
    .filter((r) => Number(r.booked) !== Number(r.held) || Number(r.booked) > Number(r.capacity))
    .map((r) => `session ${r.id}: booked ${r.booked}, held ${r.held}, capacity ${r.capacity}`);
}

const HOLDING = ['AWAITING_PAYMENT', 'PAID', 'CHECKED_IN', 'VERIFIED', 'INTERVIEWED', 'APPROVED', 'READY'];

async function oneActiveApplicationPerNik(db: Database): Promise<string[]> {
  const rows = await queryRows<{ nik_tail: string; n: number }>(
    db,
    sql`select right(applicant_nik, 4) as nik_tail, count(*)::int as n from applications
        where status in (${sql.join(
          HOLDING.map((s) => sql`${s}`),
          sql`, `,
        )})
        group by applicant_nik having count(*) > 1`,
  );
  return rows.map((r) => `NIK …${r.nik_tail}: ${r.n} applications hold a seat or a passport at once`);
}

/** A PAID billing has its receipt, and one payment settled it. */
async function paidBillingsComplete(db: Database): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from billings
        where status = 'PAID' and (paid_at is null or ntpn is null or payment_id is null)`,
  );
  return rows.map((r) => `billing ${r.code}: PAID without its receipt`);
}

/**
 * A billing is settled by at most one applied payment, and a billing names that payment (a lost
 * passport's fine has its code on the loss report, not in `billings`: only the count applies to it).
 */
async function oneAppliedPaymentPerBilling(db: Database): Promise<string[]> {
  const rows = await queryRows<{ code: string; applied: number; recorded: boolean }>(
    db,
    sql`select n.billing_code as code, count(*)::int as applied,
          bool_or(b.payment_id = n.payment_id) as recorded
        from payment_notifications n left join billings b on b.code = n.billing_code
        where n.outcome = 'APPLIED'
        group by n.billing_code
        having count(*) > 1
          or (bool_or(b.code is not null) and not coalesce(bool_or(b.payment_id = n.payment_id), false))`,
  );
  return rows.map((r) =>
    Number(r.applied) > 1
      ? `billing ${r.code}: ${r.applied} payments applied`
      : `billing ${r.code}: its applied payment is not the one it records`,
  );
}

/** Every change of status in an application's history is one the transition table allows. */
async function historyFollowsTheStateMachine(db: Database): Promise<string[]> {
  const rows = await queryRows<{ application_id: string; statuses: string[] | string }>(
    db,
    sql`select application_id, array_agg(status order by id) as statuses
        from application_history group by application_id`,
  );
  const violations: string[] = [];
  for (const row of rows) {
    const statuses = (
      typeof row.statuses === 'string' ? row.statuses.replace(/^\{|\}$/g, '').split(',') : row.statuses
    ) as ApplicationStatus[];
    for (let i = 1; i < statuses.length; i++) {
      const [from, to] = [statuses[i - 1]!, statuses[i]!];
      if (from !== to && !canTransition(from, to))
        violations.push(`application ${row.application_id}: ${from} -> ${to} is not an allowed transition`);
    }
  }
  return violations;
}
