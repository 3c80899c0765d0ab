import type { ApplicationStatus } from '#shared/statuses.ts';
import type { NikApplication } from '#shared/contracts/applications.ts';
import type { ApplicationsDeps } from './deps.ts';
import { cancelRow } from './lifecycle.ts';
import * as repository from './repository.ts';
import { invalidState, notFound } from './scans.ts';

/**
 * No squatting (issue 15): an application filed under someone's NIK from another account (a broker's,
 * or a relative's) is visible to that NIK's own account, which may cancel it while the visit is still
 * ahead. What they see is the application, never who filed it.
 */
export async function filedForMyNik(deps: ApplicationsDeps, accountId: string): Promise<NikApplication[]> {
  const { nik } = await deps.contacts.contactOf(accountId);
  return viewOf(deps, await repository.filedByOthersForNik(deps.db, nik, accountId));
}

async function viewOf(deps: ApplicationsDeps, rows: readonly repository.ApplicationRow[]) {
  const appointments = await deps.scheduling.appointmentsOf(rows.map((r) => r.id));
  return rows.map((row): NikApplication => {
    const appointment = appointments.get(row.id);
    return {
      id: row.id,
      number: row.number,
      status: row.status as ApplicationStatus,
      createdAt: row.createdAt.toISOString(),
      appointment: appointment
        ? { officeName: appointment.officeName, date: appointment.date, start: appointment.start }
        : null,
    };
  });
}

/** The NIK holder cancels one of them: audited in its history as theirs, seat and billing released. */
export async function cancelFiledForMyNik(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
): Promise<NikApplication> {
  const { nik } = await deps.contacts.contactOf(accountId);
  const row = await repository.findById(deps.db, applicationId);
  if (!row || row.applicantNik !== nik || row.accountId === accountId) throw notFound();
  const cancelled = await cancelRow(deps, applicationId, {
    actor: 'NIK_HOLDER',
    note: 'Dibatalkan oleh pemilik NIK dari akunnya sendiri',
  });
  if (!cancelled) throw invalidState(row.status as ApplicationStatus, 'cancel');
  const [view] = await viewOf(deps, [(await repository.findById(deps.db, applicationId))!]);
  return view!;
}
