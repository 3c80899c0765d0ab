import type { ApplicationView } from '#shared/contracts/applications.ts';
import type { OfficerApplicationView, QueueEntry } from '#shared/contracts/officer.ts';
import type { Language } from '#shared/i18n.ts';
import { statusLabels, type ApplicationStatus } from '#shared/statuses.ts';
import { poolOfService } from '../scheduling/index.ts';
import type { ApplicationRow } from './repository.ts';
import type { VisitRow } from './visit-repository.ts';
import type { IssuedPassport } from './visit-outcomes.ts';

/** The application as the office sees it: the applicant's view plus the visit record and the MRZ. */
export function toOfficerView(
  base: ApplicationView,
  row: ApplicationRow,
  visit: VisitRow | undefined,
): OfficerApplicationView {
  const verification = visit?.verification as
    | {
        decision: 'ACCEPT' | 'REJECT' | 'MISSING_DOCUMENTS';
        notes: string | null;
        missingDocuments: string[];
        at: string;
      }
    | null
    | undefined;
  const photo = visit?.photo as { contentType: string; size: number; at: string } | null | undefined;
  const interview = visit?.interview as
    { notes: string; recommendation: 'APPROVE' | 'REJECT'; at: string } | null | undefined;
  const adjudication = visit?.adjudication as
    { decision: 'APPROVE' | 'REJECT'; reason: string | null; at: string } | null | undefined;
  const passport = row.passport as IssuedPassport | null;
  return {
    ...base,
    readyDate: row.readyDate,
    passport,
    visit: {
      checkedInAt: visit?.checkedInAt.toISOString() ?? null,
      verification: verification
        ? {
            decision: verification.decision,
            notes: verification.notes,
            missingDocuments: verification.missingDocuments,
            documentsDueBy: visit?.documentsDueBy ?? null,
            at: verification.at,
          }
        : null,
      photo: photo ? { contentType: photo.contentType, size: photo.size, at: photo.at } : null,
      fingerprintsAt: visit?.fingerprintsAt?.toISOString() ?? null,
      interview: interview
        ? { notes: interview.notes, recommendation: interview.recommendation, at: interview.at }
        : null,
      adjudication: adjudication
        ? { decision: adjudication.decision, reason: adjudication.reason, at: adjudication.at }
        : null,
      handedOverAt: visit?.handedOverAt?.toISOString() ?? null,
    },
  };
}

export function toQueueEntry(
  row: ApplicationRow,
  booking: { start: string; end: string; pool: string },
  visit: VisitRow | undefined,
  language: Language,
): QueueEntry {
  const status = row.status as ApplicationStatus;
  return {
    id: row.id,
    number: row.number,
    status,
    statusLabel: statusLabels[status][language],
    fullName: row.applicantFullName,
    service: row.service as QueueEntry['service'],
    product: row.product,
    sessionStart: booking.start,
    sessionEnd: booking.end,
    pool: poolOfService(booking.pool),
    checkedInAt: visit?.checkedInAt.toISOString() ?? null,
  };
}
