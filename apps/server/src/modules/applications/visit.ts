import { statusLabels, type ApplicationStatus } from '#shared/statuses.ts';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { addDays, localDate, type OfficeZone } from '../scheduling/index.ts';
import type { Appointment, ApplicationsDeps } from './deps.ts';
import { tellDecision } from './office-messages.ts';
import { assertLossSettled } from './loss-check.ts';
import * as repository from './repository.ts';
import { notFound } from './scans.ts';
import * as visits from './visit-repository.ts';

/**
 * The office visit (DOMAIN.md "Process and statuses"): each step is one transaction that locks the
 * application, checks it is at the right status, records what the officer did, moves the status with
 * its history, and runs the caller's `within` (the officer module's audit row) before committing.
 */
export interface OfficeActor {
  readonly username: string;
  readonly officeCode: string;
}
export type Within = (tx: Database) => Promise<void>;

export interface StepContext {
  readonly tx: Database;
  readonly row: repository.ApplicationRow;
  readonly appointment: Appointment;
  /** The calendar day in the office's zone, by the injected clock. */
  readonly today: string;
  readonly now: Date;
  readonly actor: string;
}

/** Missing documents may be brought within 7 days (DOMAIN.md "Process and statuses"). */
export const MISSING_DOCUMENTS_DAYS = 7;

export async function officeStep<T>(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  expected: ApplicationStatus,
  within: Within,
  work: (context: StepContext) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const row = await visits.lockById(tx, id);
    const appointment = row ? (await deps.scheduling.appointmentsOf([id], tx)).get(id) : undefined;
    if (!row || !appointment || appointment.officeCode !== actor.officeCode) throw notFound();
    if (row.status !== expected) throw outOfOrder(row.status as ApplicationStatus, expected);
    const now = deps.clock.now();
    const today = localDate(now, appointment.timeZone as OfficeZone);
    const result = await work({ tx, row, appointment, today, now, actor: `OFFICER:${actor.username}` });
    await within(tx);
    return result;
  });
}

export async function move(
  context: StepContext,
  from: ApplicationStatus,
  to: ApplicationStatus,
  note?: string,
): Promise<void> {
  const moved = await repository.transition(context.tx, {
    id: context.row.id,
    from: [from],
    to,
    at: context.now,
    actor: context.actor,
    ...(note ? { note } : {}),
  });
  // The row is locked and its status checked: a miss here is a bug, not a race.
  if (!moved) throw new Error(`transition ${from} -> ${to} of ${context.row.id} failed under lock`);
}

export function checkIn(deps: ApplicationsDeps, id: string, actor: OfficeActor, within: Within) {
  return officeStep(deps, id, actor, 'PAID', within, async (context) => {
    if (context.appointment.date !== context.today) throw notAppointmentDay(context.appointment.date);
    await visits.insertVisit(context.tx, {
      applicationId: id,
      officeCode: actor.officeCode,
      checkedInAt: context.now,
      checkedInBy: actor.username,
    });
    await move(context, 'PAID', 'CHECKED_IN');
  });
}

export interface VerificationInput {
  readonly decision: 'ACCEPT' | 'REJECT' | 'MISSING_DOCUMENTS';
  readonly notes?: string | undefined;
  readonly missingDocuments?: readonly string[] | undefined;
  /** Issue 16: "pages full" is the officer's finding with the passport in hand, not the form's. */
  readonly pagesFullConfirmed?: boolean | undefined;
}

export function verifyDocuments(
  deps: ApplicationsDeps,
  id: string,
  actor: OfficeActor,
  input: VerificationInput,
  within: Within,
) {
  return officeStep(deps, id, actor, 'CHECKED_IN', within, async (context) => {
    const missing = input.decision === 'MISSING_DOCUMENTS' ? [...(input.missingDocuments ?? [])] : [];
    if (input.decision === 'REJECT' && !input.notes) throw reasonRequired();
    if (input.decision === 'MISSING_DOCUMENTS' && missing.length === 0) throw missingDocumentsRequired();
    if (input.decision === 'ACCEPT') await assertLossSettled(context.tx, context.row);
    const pagesFull = context.row.replacementReason === 'PAGES_FULL';
    if (pagesFull && input.decision === 'ACCEPT' && input.pagesFullConfirmed !== true) {
      throw pagesFullUnconfirmed();
    }
    const dueBy = missing.length > 0 ? addDays(context.today, MISSING_DOCUMENTS_DAYS) : null;
    const verification = {
      decision: input.decision,
      notes: input.notes ?? null,
      missingDocuments: missing,
      documentsDueBy: dueBy,
      ...(pagesFull ? { pagesFullConfirmed: input.pagesFullConfirmed === true } : {}),
      at: context.now.toISOString(),
      by: actor.username,
    };
    await visits.updateVisit(context.tx, id, { verification, documentsDueBy: dueBy }, context.now);
    if (input.decision === 'ACCEPT') return move(context, 'CHECKED_IN', 'VERIFIED');
    if (input.decision === 'REJECT') {
      await move(context, 'CHECKED_IN', 'REJECTED', input.notes);
      return tellDecision(deps, context.tx, context.row, { kind: 'REJECTED', reason: input.notes ?? '' });
    }
    await repository.insertHistory(
      context.tx,
      id,
      'CHECKED_IN',
      context.now,
      context.actor,
      `Dokumen kurang: ${missing.join(', ')}; paling lambat ${dueBy}`,
    );
    await tellDecision(deps, context.tx, context.row, { kind: 'MISSING', missing, dueBy: dueBy! });
  });
}

export function recordFingerprints(deps: ApplicationsDeps, id: string, actor: OfficeActor, within: Within) {
  return officeStep(deps, id, actor, 'VERIFIED', within, (context) =>
    visits.updateVisit(context.tx, id, { fingerprintsAt: context.now }, context.now),
  );
}

function outOfOrder(status: ApplicationStatus, expected: ApplicationStatus): DomainError {
  return new DomainError({
    code: 'INVALID_STATE',
    detail: {
      id: `Langkah ini untuk permohonan berstatus "${statusLabels[expected].id}"; status sekarang "${statusLabels[status].id}".`,
      en: `This step is for applications in "${statusLabels[expected].en}"; the status now is "${statusLabels[status].en}".`,
    },
  });
}

function notAppointmentDay(date: string): DomainError {
  return new DomainError({
    code: 'NOT_APPOINTMENT_DAY',
    detail: {
      id: `Jadwal kedatangan pemohon ini tanggal ${date}. Kedatangan hanya dicatat pada hari jadwal.`,
      en: `This applicant's appointment is on ${date}. Arrival is recorded on the day of the appointment only.`,
    },
  });
}

export function reasonRequired(): DomainError {
  return new DomainError({
    code: 'REASON_REQUIRED',
    detail: {
      id: 'Tuliskan alasan penolakan; pemohon akan menerimanya.',
      en: 'Write the reason for the refusal; the applicant will receive it.',
    },
  });
}

function missingDocumentsRequired(): DomainError {
  return new DomainError({
    code: 'VALIDATION',
    detail: { id: 'Pilih dokumen yang kurang.', en: 'Choose the documents that are missing.' },
  });
}

function pagesFullUnconfirmed(): DomainError {
  return new DomainError({
    code: 'PAGES_FULL_UNCONFIRMED',
    detail: {
      id: 'Permohonan ini mengganti paspor karena halamannya penuh. Periksa paspor lama pemohon dan pastikan halaman visanya memang penuh sebelum menerima berkas; bila tidak, tolak berkas dengan alasannya.',
      en: 'This application replaces a passport because its pages are full. Check the applicant’s old passport and confirm its visa pages really are full before accepting; if not, reject with the reason.',
    },
    errors: [
      {
        path: 'pagesFullConfirmed',
        message: { id: 'Konfirmasi halaman penuh.', en: 'Confirm the pages are full.' },
      },
    ],
  });
}
