import type { SpecialRescheduleInput } from '#shared/contracts/corrections.ts';
import type { ApplicationsDeps } from './deps.ts';
import { tellRescheduled } from './messages.ts';
import * as repository from './repository.ts';
import { seatRequestFor } from './seats.ts';
import { officeStep, type OfficeActor, type Within } from './visit.ts';

/** Why an office may move a booking beyond the applicant's one reschedule (DOMAIN.md "Reschedule"). */
export const specialRescheduleReasons = {
  SYSTEM_FAULT: 'gangguan sistem',
  OFFICER_ERROR: 'kesalahan petugas',
  FORCE_MAJEURE: 'keadaan kahar',
} as const;

/**
 * "Reschedule khusus" (issue 16): the office moves a paid appointment to another session of the same
 * office — the seat taken and the old one freed (to the waitlist first) as in any reschedule — without
 * spending the applicant's own reschedule; the billing stays with the office. Audited by the caller's
 * `within`, noted in the history, and the applicant is told.
 */
export function specialReschedule(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  input: SpecialRescheduleInput,
  within: Within,
) {
  return officeStep(deps, id, actor, 'PAID', within, async (context) => {
    const seat = seatRequestFor(context.row, context.now);
    const appointment = await deps.scheduling.reschedule(context.tx, id, input.sessionId, seat, true);
    const why = specialRescheduleReasons[input.reason];
    const note = `Dijadwalkan ulang oleh kantor (${why}): ${appointment.date} ${appointment.start} ${appointment.timeZoneLabel}. ${input.note}`;
    await repository.insertHistory(context.tx, id, 'PAID', context.now, context.actor, note);
    await tellRescheduled(deps, context.tx, context.row, appointment);
  });
}
