import { addDays, localDate, type OfficeZone } from '../scheduling/index.ts';
import { whileRunning } from '../../platform/jobs.ts';
import type { ApplicationsDeps } from './deps.ts';
import { pickUpReminder, visitReminder } from './reminder-messages.ts';
import * as reminders from './reminder-repository.ts';
import { PICK_UP_DAYS } from './visit-outcomes.ts';
import * as visits from './visit-repository.ts';

/**
 * Jobs of the reminders people rely on (issue 16): the visit's eve (H-1) with what to bring, and the
 * passport waiting for pick-up at day 7 and day 25 of the 30. Each reminder is claimed
 * (`application_reminders`) in the transaction that writes it into the outbox: sent once, whichever
 * instance runs the job and however often, and never for an event that did not commit.
 */

/** Later first: a passport found past day 25 (the job was down) gets only the reminder that still helps. */
export const PICK_UP_REMINDER_DAYS = [25, 7] as const;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export async function sendReminders(
  deps: ApplicationsDeps,
  signal?: AbortSignal,
  limit = 100,
): Promise<number> {
  return (await remindVisits(deps, signal, limit)) + (await remindPickUps(deps, signal, limit));
}

/** Paid applications whose visit is tomorrow: office, address, date, time, documents, arrival pass. */
export async function remindVisits(
  deps: ApplicationsDeps,
  signal?: AbortSignal,
  limit = 100,
): Promise<number> {
  let sent = 0;
  const dueNow = await reminders.visitsDueForEveReminder(deps.db, deps.clock.now(), limit);
  for (const due of whileRunning(dueNow, signal)) {
    if (await remindVisit(deps, due)) sent++;
  }
  return sent;
}

async function remindVisit(deps: ApplicationsDeps, due: reminders.DueReminder): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const row = await visits.lockById(tx, due.applicationId);
    const appointment = (await deps.scheduling.appointmentsOf([due.applicationId], tx)).get(
      due.applicationId,
    );
    // Cancelled or moved since it was found: a moved visit is reminded on its own eve.
    if (!row || row.status !== 'PAID' || appointment?.sessionId !== due.occasion) return false;
    const claim = { applicationId: row.id, kind: 'VISIT_EVE' as const, occasion: due.occasion };
    if (!(await reminders.claimReminder(tx, { ...claim, at: deps.clock.now() }))) return false;
    const contact = await deps.contacts.contactOf(row.accountId, tx);
    await deps.notifications.enqueueMany(
      tx,
      visitReminder(deps, contact, row, appointment, due.officeAddress),
    );
    return true;
  });
}

/** Passports READY and not collected: reminded at day 7 and day 25 after their ready date. */
export async function remindPickUps(
  deps: ApplicationsDeps,
  signal?: AbortSignal,
  limit = 100,
): Promise<number> {
  // The earliest zone (WIT) is ahead of the others: a looser window here, each office's day in the claim.
  const latestToday = localDate(deps.clock.now(), 'Asia/Jayapura');
  let sent = 0;
  for (const [index, day] of whileRunning(PICK_UP_REMINDER_DAYS.entries(), signal)) {
    // Due from `day` until the next reminder's turn (or the cancellation after PICK_UP_DAYS).
    const until = index === 0 ? PICK_UP_DAYS : PICK_UP_REMINDER_DAYS[index - 1]! - 1;
    const window = {
      occasion: `DAY_${day}`,
      readyFrom: addDays(latestToday, -until - 1),
      readyTo: addDays(latestToday, -day),
    };
    const dueNow = await reminders.passportsDueForPickUpReminder(deps.db, window, limit);
    for (const due of whileRunning(dueNow, signal)) {
      if (await remindPickUp(deps, due, { day, until })) sent++;
    }
  }
  return sent;
}

async function remindPickUp(
  deps: ApplicationsDeps,
  due: reminders.DueReminder,
  days: { day: number; until: number },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const row = await visits.lockById(tx, due.applicationId);
    const appointment = (await deps.scheduling.appointmentsOf([due.applicationId], tx)).get(
      due.applicationId,
    );
    if (!row || row.status !== 'READY' || !row.readyDate || !appointment) return false;
    const since = daysBetween(row.readyDate, localDate(deps.clock.now(), appointment.timeZone as OfficeZone));
    if (since < days.day || since > days.until) return false;
    const claim = { applicationId: row.id, kind: 'PICK_UP' as const, occasion: due.occasion };
    if (!(await reminders.claimReminder(tx, { ...claim, at: deps.clock.now() }))) return false;
    const contact = await deps.contacts.contactOf(row.accountId, tx);
    const office = { name: appointment.officeName, address: due.officeAddress };
    const pickUp = { by: addDays(row.readyDate, PICK_UP_DAYS), daysLeft: PICK_UP_DAYS - since };
    await deps.notifications.enqueueMany(tx, pickUpReminder(deps, contact, row, office, pickUp));
    return true;
  });
}
