import { documentKinds, type DocumentKind } from '#shared/document-requirements.ts';
import { paymentChannelLabels, type PaymentChannel } from '#shared/contracts/payments.ts';
import type { Language } from '#shared/i18n.ts';
import type { Database } from '../../db/database.ts';
import type { EnqueueRequest, MailAttachment } from '../notifications/index.ts';
import type { Appointment, ApplicationsDeps, BillingView, FeeQuote } from './deps.ts';
import { describeAppointment, formatDay, formatInstant, rupiah, type Contact } from './messages.ts';
import type { ApplicationRow } from './repository.ts';

/**
 * The reminders' texts (issue 16), formatted for the reader: the visit's eve, the visit missed, the
 * passport waiting, and the payment receipt that goes with "passport ready" (it is needed at pick-up).
 */
const passLink = (deps: Pick<ApplicationsDeps, 'claimLinks'>, id: string) =>
  `${deps.claimLinks.baseUrl}/#/applications/${id}/pass`;

/** E-mail, and SMS when a gateway is set (as the waitlist's offers). */
const recipients = (deps: Pick<ApplicationsDeps, 'smsEnabled'>, contact: Contact) => [
  { channel: 'EMAIL' as const, to: contact.email },
  ...(deps.smsEnabled ? [{ channel: 'SMS' as const, to: contact.phone }] : []),
];

/** The originals to bring: the application's documents by their labels (the same as on upload). */
export function documentsToBring(kinds: readonly string[], language: Language): string {
  return kinds.map((kind) => `- ${documentKinds[kind as DocumentKind]?.label[language] ?? kind}`).join('\n');
}

export function visitReminder(
  deps: Pick<ApplicationsDeps, 'smsEnabled' | 'claimLinks'>,
  contact: Contact,
  row: ApplicationRow,
  appointment: Appointment,
  officeAddress: string | null,
): EnqueueRequest[] {
  const { language } = contact;
  const message = {
    template: 'application.visit-reminder' as const,
    language,
    variables: {
      fullName: contact.fullName,
      applicationNumber: row.number,
      officeName: appointment.officeName,
      officeAddress: officeAddress ?? '-',
      date: formatDay(appointment.date, language),
      time: `${appointment.start}-${appointment.end} ${appointment.timeZoneLabel}`,
      documents: documentsToBring(row.requiredDocuments, language),
      link: passLink(deps, row.id),
    },
  };
  return recipients(deps, contact).map((to) => ({ ...to, ...message }));
}

export function pickUpReminder(
  deps: Pick<ApplicationsDeps, 'smsEnabled'>,
  contact: Contact,
  row: ApplicationRow,
  office: { name: string; address: string | null },
  pickUp: { by: string; daysLeft: number },
): EnqueueRequest[] {
  const { language } = contact;
  const message = {
    template: 'application.pick-up-reminder' as const,
    language,
    variables: {
      fullName: contact.fullName,
      applicationNumber: row.number,
      officeName: office.name,
      officeAddress: office.address ?? '-',
      pickUpBy: formatDay(pickUp.by, language, 'medium'),
      daysLeft: String(pickUp.daysLeft),
    },
  };
  return recipients(deps, contact).map((to) => ({ ...to, ...message }));
}

/** Told in the transaction that marks the no-show: the fee is forfeited (DOMAIN.md), how to apply again. */
export async function tellNoShow(
  deps: ApplicationsDeps,
  tx: Database,
  row: ApplicationRow,
  appointment: Appointment | undefined,
): Promise<void> {
  const contact = await deps.contacts.contactOf(row.accountId, tx);
  const { language } = contact;
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: contact.email,
    template: 'application.no-show',
    language,
    variables: {
      fullName: contact.fullName,
      applicationNumber: row.number,
      appointment: appointment ? describeAppointment(appointment, language) : '-',
      amount: rupiah((row.fee as FeeQuote).amount, language),
    },
  });
}

const receiptLabels = {
  id: {
    title: 'BUKTI PEMBAYARAN PNBP PASPOR',
    number: 'Nomor permohonan',
    name: 'Nama pemohon',
    billing: 'Kode billing',
    ntpn: 'NTPN',
    ntb: 'NTB',
    amount: 'Jumlah',
    paidAt: 'Dibayar pada',
    channel: 'Kanal pembayaran',
    note: 'Bawa bukti ini saat mengambil paspor.',
    file: 'bukti-bayar',
  },
  en: {
    title: 'PASSPORT FEE (PNBP) PAYMENT RECEIPT',
    number: 'Application number',
    name: 'Applicant',
    billing: 'Billing code',
    ntpn: 'NTPN',
    ntb: 'NTB',
    amount: 'Amount',
    paidAt: 'Paid at',
    channel: 'Payment channel',
    note: 'Bring this receipt when you collect the passport.',
    file: 'payment-receipt',
  },
} as const;

/**
 * The payment receipt as a plain-text file (UTF-8): readable on any phone, printable at the office.
 * Null when the billing was never paid (it always is by the time a passport is ready).
 */
export function paymentReceipt(
  row: Pick<ApplicationRow, 'number' | 'applicantFullName'>,
  billing: BillingView | undefined,
  appointment: Appointment,
  language: Language,
): MailAttachment | null {
  if (!billing?.paidAt || !billing.ntpn) return null;
  const l = receiptLabels[language];
  const channel = billing.channel
    ? (paymentChannelLabels[billing.channel as PaymentChannel]?.[language] ?? billing.channel)
    : '-';
  const fields: [string, string][] = [
    [l.number, row.number],
    [l.name, row.applicantFullName],
    [l.billing, billing.code],
    [l.ntpn, billing.ntpn],
    [l.ntb, billing.ntb ?? '-'],
    [l.amount, rupiah(billing.amount, language)],
    [l.paidAt, formatInstant(billing.paidAt, appointment, language)],
    [l.channel, channel],
  ];
  const width = Math.max(...fields.map(([label]) => label.length));
  const content = [
    l.title,
    '',
    ...fields.map(([label, value]) => `${label.padEnd(width)} : ${value}`),
    '',
    l.note,
    '',
  ].join('\r\n');
  return {
    filename: `${l.file}-${row.number}.txt`,
    contentType: 'text/plain; charset=utf-8',
    content,
  };
}
