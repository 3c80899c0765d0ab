import type { Database } from '../../db/database.ts';
import type { Appointment, ApplicationsDeps, BillingView } from './deps.ts';
import { paymentReceipt } from './reminder-messages.ts';
import type { ApplicationRow } from './repository.ts';

/** Messages of the office visit: a decision the applicant must know of, and the passport ready. */
export type Decision =
  | { readonly kind: 'REJECTED'; readonly reason: string }
  | { readonly kind: 'MISSING'; readonly missing: readonly string[]; readonly dueBy: string }
  | { readonly kind: 'UNCOLLECTED' }
  | { readonly kind: 'CONTEST_UPHELD' | 'CONTEST_OVERTURNED'; readonly reason: string };

const outcomes = {
  REJECTED: (d: { reason: string }) => ({
    id: `ditolak. Alasan: ${d.reason}`,
    en: `refused. Reason: ${d.reason}`,
  }),
  MISSING: (d: { missing: readonly string[]; dueBy: string }) => ({
    id: `dokumen belum lengkap (${d.missing.join(', ')}). Bawa ke kantor paling lambat ${d.dueBy}.`,
    en: `documents are missing (${d.missing.join(', ')}). Bring them to the office by ${d.dueBy}.`,
  }),
  CONTEST_UPHELD: (d: { reason: string }) => ({
    id: `tetap ditolak setelah keberatan Anda diperiksa. Alasan: ${d.reason}`,
    en: `remains refused after your objection was examined. Reason: ${d.reason}`,
  }),
  CONTEST_OVERTURNED: (d: { reason: string }) => ({
    id: `dibuka kembali: keberatan Anda diterima (${d.reason}). Kantor melanjutkan pemeriksaan dan menghubungi Anda bila perlu datang.`,
    en: `is reopened: your objection was accepted (${d.reason}). The office continues the examination and will contact you if you need to come.`,
  }),
  UNCOLLECTED: () => ({
    id: 'paspor tidak diambil dalam 30 hari sehingga dibatalkan.',
    en: 'the passport was not collected within 30 days, so it has been cancelled.',
  }),
};

export async function tellDecision(
  deps: ApplicationsDeps,
  tx: Database,
  row: ApplicationRow,
  decision: Decision,
): Promise<void> {
  const contact = await deps.contacts.contactOf(row.accountId, tx);
  const text = outcomeOf(decision);
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: contact.email,
    template: 'application.decided',
    language: contact.language,
    variables: { fullName: contact.fullName, applicationNumber: row.number, outcome: text[contact.language] },
  });
}

function outcomeOf(decision: Decision) {
  switch (decision.kind) {
    case 'REJECTED':
      return outcomes.REJECTED(decision);
    case 'MISSING':
      return outcomes.MISSING(decision);
    case 'UNCOLLECTED':
      return outcomes.UNCOLLECTED();
    case 'CONTEST_UPHELD':
      return outcomes.CONTEST_UPHELD(decision);
    case 'CONTEST_OVERTURNED':
      return outcomes.CONTEST_OVERTURNED(decision);
  }
}

/** The e-mail carries the payment receipt: it is asked for at pick-up (DOMAIN.md "Payment"). */
export async function tellReady(
  deps: ApplicationsDeps,
  tx: Database,
  row: ApplicationRow,
  ready: { readyDate: string; pickUpBy: string; officeName: string },
  paid: { billing: BillingView | undefined; appointment: Appointment },
): Promise<void> {
  const contact = await deps.contacts.contactOf(row.accountId, tx);
  const variables = { fullName: contact.fullName, applicationNumber: row.number, ...ready };
  const message = { template: 'application.ready' as const, language: contact.language, variables };
  const receipt = paymentReceipt(row, paid.billing, paid.appointment, contact.language);
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: contact.email,
    ...message,
    ...(receipt ? { attachments: [receipt] } : {}),
  });
  if (deps.smsEnabled)
    await deps.notifications.enqueue(tx, { channel: 'SMS', to: contact.phone, ...message });
}
