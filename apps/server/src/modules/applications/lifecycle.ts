import type { SessionChoice } from '#shared/contracts/applications.ts';
import { canTransition, type ApplicationStatus } from '#shared/statuses.ts';
import type { Database } from '../../db/database.ts';
import type { ApplicationsDeps } from './deps.ts';
import { reminderTopic, tellRescheduled } from './messages.ts';
import { tellNoShow } from './reminder-messages.ts';
import * as repository from './repository.ts';
import { invalidState, mine, notFound } from './scans.ts';
import { seatRequestFor } from './seats.ts';

/** The applicant may cancel while the application waits for the office visit (DESIGN.md §2). */
const cancellable = (['DRAFT', 'AWAITING_PAYMENT', 'PAID'] as const).filter((from) =>
  canTransition(from, 'CANCELLED'),
);

/** Cancel: status, seat and unpaid billing in one transaction. */
export async function cancelApplication(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  await mine(deps, accountId, applicationId);
  if (!(await cancelRow(deps, applicationId, { actor: 'APPLICANT' })))
    throw invalidState((await mine(deps, accountId, applicationId)).status as ApplicationStatus, 'cancel');
}

/** Cancels while the visit is still ahead, seat and unpaid billing with it; false when too late. */
export async function cancelRow(
  deps: ApplicationsDeps,
  applicationId: string,
  by: { actor: string; note?: string },
): Promise<boolean> {
  const moved = await deps.db.transaction(async (tx) => {
    const row = await repository.transition(tx, {
      id: applicationId,
      from: cancellable,
      to: 'CANCELLED',
      at: deps.clock.now(),
      ...by,
    });
    if (row) {
      await deps.scheduling.release(tx, applicationId);
      await deps.billing.cancelPending(tx, applicationId);
      await deps.notifications.withdraw(tx, reminderTopic(applicationId));
    }
    return row;
  });
  return Boolean(moved);
}

/** Reschedule, once, after payment, until the day before (rules in the scheduling module). */
export async function rescheduleApplication(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  choice: SessionChoice,
): Promise<void> {
  const { sessionId } = choice;
  const row = await mine(deps, accountId, applicationId);
  if (row.status !== 'PAID') throw invalidState(row.status as ApplicationStatus, 'reschedule');
  // Moving into a release whose queue runs needs an admission like a submit: no back door past it.
  const plan = await deps.scheduling.planBooking(sessionId, seatRequestFor(row, deps.clock.now()));
  const ticketId = await deps.admissions.admit({
    officeCode: plan.officeCode,
    releasedAt: plan.releasedAt,
    accountId,
    applicationId,
    admission: choice.admission,
  });
  await deps.db.transaction(async (tx) => {
    const locked = await repository.lockForAccount(tx, applicationId, accountId);
    if (!locked) throw notFound();
    if (locked.status !== 'PAID') throw invalidState(locked.status as ApplicationStatus, 'reschedule');
    const now = deps.clock.now();
    const appointment = await deps.scheduling.reschedule(
      tx,
      applicationId,
      sessionId,
      seatRequestFor(locked, now),
    );
    await repository.insertHistory(
      tx,
      applicationId,
      'PAID',
      now,
      'APPLICANT',
      `Jadwal diubah: ${appointment.date} ${appointment.start} ${appointment.timeZoneLabel}, ${appointment.officeName}`,
    );
    if (ticketId) await deps.admissions.markBooked(tx, [ticketId]);
    await tellRescheduled(deps, tx, locked, appointment);
  });
}

/** Paid but never checked in by the end of the session's day → NO_SHOW, and the applicant told. */
export async function markNoShows(deps: ApplicationsDeps, limit = 100): Promise<number> {
  return deps.db.transaction(async (tx) => {
    let marked = 0;
    for (const id of await deps.scheduling.closeBookingsPastTheirDay(tx, limit)) {
      const row = await repository.transition(tx, {
        id,
        from: ['PAID'],
        to: 'NO_SHOW',
        at: deps.clock.now(),
        actor: 'SYSTEM',
        note: 'Tidak hadir pada jadwal',
      });
      if (!row) continue;
      await tellNoShow(deps, tx, row, (await deps.scheduling.appointmentsOf([id], tx)).get(id));
      marked++;
    }
    return marked;
  });
}

/** A draft nobody has touched for this long holds nothing any more: it is cancelled (issue 15). */
export const DRAFT_IDLE_DAYS = 30;

/** Cancels drafts idle for DRAFT_IDLE_DAYS: a NIK is never held by a forgotten or squatting draft. */
export async function cancelIdleDrafts(deps: ApplicationsDeps, limit = 100): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - DRAFT_IDLE_DAYS * 24 * 60 * 60_000);
  return deps.db.transaction(async (tx) => {
    let cancelled = 0;
    for (const id of await repository.lockIdleDrafts(tx, before, limit)) {
      const note = `Draf dibatalkan otomatis: ${DRAFT_IDLE_DAYS} hari tidak diubah`;
      if (!(await moveBySystem(deps, tx, id, 'DRAFT', 'CANCELLED', note))) continue;
      await deps.scheduling.waitlist.leave(tx, [id]);
      cancelled++;
    }
    return cancelled;
  });
}

async function moveBySystem(
  deps: ApplicationsDeps,
  tx: Database,
  id: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
  note: string,
): Promise<boolean> {
  const row = await repository.transition(tx, {
    id,
    from: [from],
    to,
    at: deps.clock.now(),
    actor: 'SYSTEM',
    note,
  });
  return row !== undefined;
}
