import { documentKinds, type DocumentKind } from '#shared/document-requirements.ts';
import type { ApplicationStatus } from '#shared/statuses.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ApplicationsDeps, FeeQuote } from './deps.ts';
import { satkerOf, tellBillingIssued } from './messages.ts';
import * as repository from './repository.ts';
import { invalidState, mine, notFound } from './scans.ts';
import { seatRequestFor } from './seats.ts';

/**
 * Submit = book + bill (issue 6): the file must be complete and the session bookable; SIMPONI issues
 * the billing code (outside any transaction); then one transaction takes the seat with a conditional
 * update, moves DRAFT → AWAITING_PAYMENT, records the billing due in 2 hours and queues the e-mails.
 * If the transaction fails, nothing is held: the SIMPONI code is simply never paid and lapses.
 */
export async function submitApplication(
  deps: ApplicationsDeps,
  accountId: string,
  applicationId: string,
  sessionId: string,
): Promise<void> {
  const row = await mine(deps, accountId, applicationId);
  if (row.status !== 'DRAFT') throw invalidState(row.status as ApplicationStatus, 'submit');
  assertComplete(row, await deps.documents.listScans(row.id));
  const seat = seatRequestFor(row, deps.clock.now());
  // Refuse a full session before asking SIMPONI: in a rush most attempts end here, cheaply.
  const { officeCode } = await deps.scheduling.assertBookable(sessionId, seat);
  const amount = (row.fee as FeeQuote).amount;
  const satker = satkerOf(officeCode);
  const issued = await deps.billing.requestBillingCode({
    reference: row.id,
    description: `Paspor ${row.number}`,
    amount,
    payerName: row.applicantFullName,
    satker,
  });
  await deps.db.transaction(async (tx) => {
    const locked = await repository.lockForAccount(tx, applicationId, accountId);
    if (!locked) throw notFound();
    if (locked.status !== 'DRAFT') throw invalidState(locked.status as ApplicationStatus, 'submit');
    const now = deps.clock.now();
    const appointment = await deps.scheduling.book(tx, applicationId, sessionId, seat);
    await repository.transition(tx, {
      id: applicationId,
      from: ['DRAFT'],
      to: 'AWAITING_PAYMENT',
      at: now,
      actor: 'APPLICANT',
    });
    const billing = await deps.billing.record(tx, {
      applicationId,
      code: issued.billingCode,
      amount,
      expiresAt: issued.expiresAt,
      satker,
    });
    await tellBillingIssued(deps, tx, locked, billing, appointment);
  });
}

function assertComplete(row: repository.ApplicationRow, scans: readonly { kind: string }[]): void {
  const uploaded = new Set(scans.map((s) => s.kind));
  const missing = (row.requiredDocuments as DocumentKind[]).filter((kind) => !uploaded.has(kind));
  if (missing.length === 0) return;
  throw new DomainError({
    code: 'DOCUMENTS_INCOMPLETE',
    detail: {
      id: `Unggah dulu dokumen berikut: ${missing.map((k) => documentKinds[k].label.id).join('; ')}.`,
      en: `Upload these documents first: ${missing.map((k) => documentKinds[k].label.en).join('; ')}.`,
    },
    errors: missing.map((kind) => ({
      path: `documents.${kind}`,
      message: { id: 'Belum diunggah.', en: 'Not uploaded yet.' },
    })),
  });
}
