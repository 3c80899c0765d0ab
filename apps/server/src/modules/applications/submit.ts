import { documentKinds, type DocumentKind } from '#shared/document-requirements.ts';
import type { SessionChoice } from '#shared/contracts/applications.ts';
import type { ApplicationStatus } from '#shared/statuses.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ApplicationsDeps, Appointment, BillingView, DocumentScan, FeeQuote } from './deps.ts';
import { assertConsent } from './consent.ts';
import { billingIssuedMessages, bookedFreeMessages, satkerOf, type Contact } from './messages.ts';
import type * as repository from './repository.ts';
import { invalidState, mine } from './scans.ts';
import type { SeatClaimBatcher } from './seat-claims.ts';
import { seatRequestFor } from './seats.ts';

/**
 * Submit = book + bill (issue 6, ADR 0004). Everything that can be read or asked without a lock comes
 * first: the file is complete, the session bookable (a full one is refused before SIMPONI is asked),
 * the appointment, the contact, the billing code from SIMPONI and the e-mails it goes out in. Then the
 * seat claim (seat-claims.ts) takes the seat, moves DRAFT → AWAITING_PAYMENT, records the billing due
 * in 2 hours and queues the messages, in one transaction shared with the submits arriving beside it.
 * If the seat is gone by then, nothing is held: the SIMPONI code is never shown and lapses unpaid.
 *
 * Answers what the booking made, as it was made, so the answer needs only the row read again (a
 * release's crowd submits at once: three fewer reads each).
 */
export async function submitApplication(
  deps: ApplicationsDeps,
  seats: SeatClaimBatcher,
  accountId: string,
  applicationId: string,
  choice: SessionChoice,
): Promise<Submitted> {
  const { sessionId } = choice;
  const row = await mine(deps, accountId, applicationId);
  if (row.status !== 'DRAFT') throw invalidState(row.status as ApplicationStatus, 'submit');
  const scans = await deps.documents.listScans(row.id);
  assertComplete(row, scans);
  const contact = await deps.contacts.contactOf(accountId);
  await assertConsent(deps, accountId, contact.nik, row);
  const plan = await deps.scheduling.planBooking(sessionId, seatRequestFor(row, deps.clock.now()));
  // While the session's release queue runs, only an admitted ticket of it may book (issue 14).
  const ticketId = await deps.admissions.admit({
    officeCode: plan.officeCode,
    releasedAt: plan.releasedAt,
    accountId,
    applicationId,
    admission: choice.admission,
  });
  const { billing, messages } = await billFor(deps, contact, row, plan.appointment, plan.officeCode);
  await seats.claim({
    applicationId,
    accountId,
    sessionId,
    ticketId,
    billing,
    messages,
  });
  return {
    scans,
    appointment: plan.appointment,
    billing: billing && {
      applicationId,
      code: billing.code,
      amount: billing.amount,
      expiresAt: billing.expiresAt,
      status: 'PENDING',
      paidAt: null,
      ntpn: null,
      ntb: null,
      channel: null,
    },
  };
}

/**
 * The billing code SIMPONI issues for the application and the messages it goes out in: asked before
 * any transaction, so no lock is held while SIMPONI answers.
 */
export async function billFor(
  deps: ApplicationsDeps,
  contact: Contact,
  row: repository.ApplicationRow,
  appointment: Appointment,
  officeCode: string,
) {
  const amount = (row.fee as FeeQuote).amount;
  // Nothing to pay (a Rp0 tariff, issue 16): no billing code is asked for; the booking is settled.
  if (amount === 0) return { billing: null, messages: bookedFreeMessages(contact, row, appointment) };
  const satker = satkerOf(officeCode);
  const issued = await deps.billing.requestBillingCode({
    reference: row.id,
    description: `Paspor ${row.number}`,
    amount,
    payerName: row.applicantFullName,
    satker,
  });
  const billing = { code: issued.billingCode, amount, expiresAt: issued.expiresAt, satker };
  return { billing, messages: billingIssuedMessages(deps, contact, row, billing, appointment) };
}

/** What a submit made: the parts of the answer that need not be read back. */
export interface Submitted {
  readonly scans: readonly DocumentScan[];
  readonly appointment: Appointment;
  /** Null when there is nothing to pay (a Rp0 tariff): the application is PAID at once. */
  readonly billing: BillingView | null;
}

/** What a release queue needs of an application to let it join (issue 14). */
export async function queueEntry(deps: ApplicationsDeps, accountId: string, applicationId: string) {
  const row = await mine(deps, accountId, applicationId);
  if (row.status === 'DRAFT') assertComplete(row, await deps.documents.listScans(row.id));
  else if (row.status !== 'PAID') throw invalidState(row.status as ApplicationStatus, 'submit');
  // Queueing for a seat is booking: another adult's NIK needs their consent first (issue 15).
  if (row.status === 'DRAFT')
    await assertConsent(deps, accountId, (await deps.contacts.contactOf(accountId)).nik, row);
  const seat = seatRequestFor(row, deps.clock.now());
  return { nik: row.applicantNik, pools: seat.pools, passportKind: seat.passportKind };
}

export function assertComplete(row: repository.ApplicationRow, scans: readonly { kind: string }[]): void {
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
