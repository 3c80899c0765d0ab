import type { ApplicationView } from '#shared/contracts/applications.ts';
import { documentKinds, type DocumentKind } from '#shared/document-requirements.ts';
import { jakartaDate, isAdult } from '#shared/eligibility.ts';
import type { Language } from '#shared/i18n.ts';
import { statusLabels, type ApplicationStatus } from '#shared/statuses.ts';
import type { Appointment, BillingView, DocumentScan, FeeQuote, RegisteredPassport } from './deps.ts';
import type { ApplicationRow, HistoryRow } from './repository.ts';

/** An application as API.md shows it, with labels in the reader's language. */
export interface ApplicationParts {
  readonly row: ApplicationRow;
  readonly history: readonly HistoryRow[];
  readonly scans: readonly DocumentScan[];
  readonly appointment: Appointment | null;
  readonly billing: BillingView | null;
}

export function toView(parts: ApplicationParts, language: Language): ApplicationView {
  const { row, history, scans, appointment, billing } = parts;
  const status = row.status as ApplicationStatus;
  const uploaded = new Set(scans.map((s) => s.kind));
  const required = row.requiredDocuments as DocumentKind[];
  const fee = row.fee as FeeQuote;
  const previous = row.previousPassport as RegisteredPassport | null;
  const passport = row.passport as { number: string; issueDate: string; expiryDate: string } | null;
  return {
    id: row.id,
    number: row.number,
    status,
    statusLabel: statusLabels[status][language],
    type: row.type as ApplicationView['type'],
    replacementReason: row.replacementReason as ApplicationView['replacementReason'],
    service: row.service as ApplicationView['service'],
    product: row.product as ApplicationView['product'],
    travelPurpose: row.travelPurpose as ApplicationView['travelPurpose'],
    applicant: {
      nik: row.applicantNik,
      fullName: row.applicantFullName,
      dateOfBirth: row.applicantDateOfBirth,
      placeOfBirth: row.applicantPlaceOfBirth,
      sex: row.applicantSex as 'M' | 'F',
      married: row.applicantMarried,
      adult: isAdult(
        { dateOfBirth: row.applicantDateOfBirth, married: row.applicantMarried },
        jakartaDate(row.createdAt),
      ),
      dualCitizenship: row.applicantDualCitizenship,
    },
    previousPassport: previous
      ? {
          number: previous.number,
          type: previous.type,
          issueDate: previous.issueDate,
          expiryDate: previous.expiryDate,
          issuingOffice: previous.issuingOffice,
        }
      : null,
    requiredDocuments: required,
    requirements: required.map((kind) => ({
      kind,
      label: documentKinds[kind].label[language],
      hint: documentKinds[kind].hint[language],
      uploaded: uploaded.has(kind),
    })),
    // The biometric photo is the office's record, not one of the applicant's documents.
    documents: scans
      .filter((s) => s.kind !== 'BIOMETRIC_PHOTO')
      .map((s) => ({
        kind: s.kind,
        contentType: s.contentType,
        size: s.size,
        uploadedAt: s.uploadedAt.toISOString(),
      })),
    fee: {
      amount: fee.amount,
      currency: fee.currency,
      legalBasis: fee.legalBasis,
      items: fee.items.map((item) => ({ code: item.code, amount: item.amount, label: item.label[language] })),
    },
    appointment,
    billing: billing
      ? {
          code: billing.code,
          amount: billing.amount,
          expiresAt: billing.expiresAt.toISOString(),
          status: billing.status,
          ...(billing.paidAt ? { paidAt: billing.paidAt.toISOString() } : {}),
          ...(billing.ntpn ? { ntpn: billing.ntpn } : {}),
          ...(billing.ntb ? { ntb: billing.ntb } : {}),
          ...(billing.channel ? { channel: billing.channel } : {}),
        }
      : null,
    history: history.map((h) => ({
      status: h.status as ApplicationStatus,
      at: h.at.toISOString(),
      ...(h.note ? { note: h.note } : {}),
    })),
    ...(row.readyDate ? { readyDate: row.readyDate } : {}),
    ...(passport
      ? {
          passport: {
            number: passport.number,
            issueDate: passport.issueDate,
            expiryDate: passport.expiryDate,
          },
        }
      : {}),
    createdAt: row.createdAt.toISOString(),
  };
}
