import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/database.ts';
import { applicationReminders } from '../../db/schema/applications.ts';

/**
 * The reminders' bookkeeping (issue 16). Finding who is due is one query joining the booking, its
 * session and the office (read only, tables of scheduling and offices): the "not reminded yet" test
 * has to run in the database, or a page of already-reminded bookings would hide the others for ever.
 */
export type ReminderKind = 'VISIT_EVE' | 'PICK_UP';

const HOUR_MS = 3_600_000;
/** The eve's reminder goes out from 09:00 office time the day before: not in the middle of the night. */
export const EVE_REMINDER_HOUR = 9;

export interface DueReminder {
  readonly applicationId: string;
  readonly occasion: string;
  readonly officeAddress: string | null;
}

/**
 * Paid applications whose visit is tomorrow (office time) and has not been reminded for this session:
 * from 09:00 on the day before until the visit's day begins (the text says "tomorrow").
 */
export async function visitsDueForEveReminder(
  db: Database,
  now: Date,
  limit: number,
): Promise<DueReminder[]> {
  // sessions.day_ends_at is local midnight after the visit's day: the day before begins 48 h earlier.
  const opensBefore = new Date(now.getTime() + (48 - EVE_REMINDER_HOUR) * HOUR_MS).toISOString();
  const dayBegins = new Date(now.getTime() + 24 * HOUR_MS).toISOString();
  return queryRows<DueReminder>(
    db,
    sql`
      select b.application_id as "applicationId", b.session_id::text as occasion,
             o.address as "officeAddress"
      from bookings b
      join sessions s on s.id = b.session_id
      join offices o on o.code = s.office_code
      join applications a on a.id = b.application_id
      where b.released_at is null and a.status = 'PAID'
        and s.day_ends_at <= ${opensBefore}::timestamptz
        and s.day_ends_at > ${dayBegins}::timestamptz
        and not exists (
          select 1 from application_reminders r
          where r.application_id = b.application_id and r.kind = 'VISIT_EVE'
            and r.occasion = b.session_id::text)
      order by s.day_ends_at
      limit ${limit}`,
  );
}

/**
 * Passports READY and not collected whose ready date lies in [readyFrom, readyTo], not yet reminded
 * for this day count (`occasion`), with the office that keeps them.
 */
export async function passportsDueForPickUpReminder(
  db: Database,
  window: { readonly occasion: string; readonly readyFrom: string; readonly readyTo: string },
  limit: number,
): Promise<DueReminder[]> {
  return queryRows<DueReminder>(
    db,
    sql`
      select a.id as "applicationId", ${window.occasion}::text as occasion, o.address as "officeAddress"
      from applications a
      join application_visits v on v.application_id = a.id
      join offices o on o.code = v.office_code
      where a.status = 'READY'
        and a.ready_date between ${window.readyFrom}::date and ${window.readyTo}::date
        and not exists (
          select 1 from application_reminders r
          where r.application_id = a.id and r.kind = 'PICK_UP' and r.occasion = ${window.occasion})
      order by a.ready_date
      limit ${limit}`,
  );
}

/**
 * Claims a reminder in the caller's transaction (the one that enqueues it): true for exactly one
 * caller; another instance's concurrent claim waits on the key and then finds it taken.
 */
export async function claimReminder(
  db: Database,
  reminder: { applicationId: string; kind: ReminderKind; occasion: string; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(applicationReminders)
    .values({
      applicationId: reminder.applicationId,
      kind: reminder.kind,
      occasion: reminder.occasion,
      sentAt: reminder.at,
    })
    .onConflictDoNothing()
    .returning({ applicationId: applicationReminders.applicationId });
  return rows.length === 1;
}
