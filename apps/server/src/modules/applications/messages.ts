import { createHash } from 'node:crypto';
import type { Language } from '#shared/i18n.ts';
import { paymentChannelLabels, type PaymentChannel } from '#shared/contracts/payments.ts';
import type { Database } from '../../db/database.ts';
import type { EnqueueRequest } from '../notifications/index.ts';
import { claimLink } from './claim-link.ts';
import type { Appointment, ApplicationsDeps } from './deps.ts';
import type { ApplicationRow } from './repository.ts';

/**
 * The applicant's messages about their application, written into the outbox in the caller's
 * transaction; texts live in the notifications module, values are formatted here for the reader.
 */
const REMINDER_BEFORE_DEADLINE_MS = 30 * 60_000;
const locale = { id: 'id-ID', en: 'en-GB' } as const;

export type Contact = Awaited<ReturnType<ApplicationsDeps['contacts']['contactOf']>>;

export const reminderTopic = (applicationId: string) => `payment-reminder:${applicationId}`;

/**
 * Intl formatters cost ~0.1 ms each to build and are asked for on every submit: built once per
 * locale and pattern, then reused.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) formatters.set(key, (found = make()));
  return found;
}

export function rupiah(amount: number, language: Language): string {
  return formatter(
    `rupiah:${language}`,
    () =>
      new Intl.NumberFormat(locale[language], {
        style: 'currency',
        currency: 'IDR',
        maximumFractionDigits: 0,
      }),
  ).format(amount);
}

function instant(at: Date, timeZone: string, label: string, language: Language): string {
  const text = formatter(
    `instant:${language}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(at);
  return `${text} ${label}`;
}

/** An instant as the applicant reads it: the office's clock, its zone's label. */
export function formatInstant(at: Date, appointment: Appointment, language: Language): string {
  return instant(at, appointment.timeZone, appointment.timeZoneLabel, language);
}

/** A calendar day (YYYY-MM-DD) as the reader says it, e.g. "Kamis, 26 November 2026". */
export function formatDay(date: string, language: Language, style: 'full' | 'medium' = 'full'): string {
  return formatter(
    `day:${language}:${style}`,
    () => new Intl.DateTimeFormat(locale[language], { dateStyle: style, timeZone: 'UTC' }),
  ).format(new Date(`${date}T00:00:00Z`));
}

export function describeAppointment(appointment: Appointment, language: Language): string {
  const day = formatDay(appointment.date, language);
  return `${day}, ${appointment.start}–${appointment.end} ${appointment.timeZoneLabel}, ${appointment.officeName}`;
}

/**
 * The office's 6-digit work unit (satker) on the bill. The real satker list of Ditjen Imigrasi is not
 * loaded yet: until it is, a stable placeholder is derived from the office code (README: billing).
 */
export function satkerOf(officeCode: string): string {
  return String(
    parseInt(createHash('sha256').update(officeCode).digest('hex').slice(0, 8), 16) % 1_000_000,
  ).padStart(6, '0');
}

/**
 * The billing code's e-mail and the payment reminders (e-mail, and SMS when a gateway is set), built
 * before the submit's transaction: nothing is formatted while seats are being taken.
 */
export function billingIssuedMessages(
  deps: Pick<ApplicationsDeps, 'smsEnabled' | 'claimLinks'>,
  contact: Contact,
  row: Pick<ApplicationRow, 'id' | 'number'>,
  billing: { code: string; amount: number; expiresAt: Date },
  appointment: Appointment,
): EnqueueRequest[] {
  const { language } = contact;
  const deadline = instant(billing.expiresAt, appointment.timeZone, appointment.timeZoneLabel, language);
  const amount = rupiah(billing.amount, language);
  const reminder = { billingCode: billing.code, amount, deadline };
  const deliverAfter = new Date(billing.expiresAt.getTime() - REMINDER_BEFORE_DEADLINE_MS);
  const common = {
    template: 'application.payment-reminder' as const,
    language,
    variables: reminder,
    deliverAfter,
  };
  const topic = reminderTopic(row.id);
  return [
    {
      channel: 'EMAIL',
      to: contact.email,
      template: 'application.billing-issued',
      language,
      variables: {
        fullName: contact.fullName,
        applicationNumber: row.number,
        billingCode: billing.code,
        amount,
        deadline,
        appointment: describeAppointment(appointment, language),
        claimLink: claimLink(deps, row.id, billing.expiresAt),
      },
    },
    { channel: 'EMAIL', to: contact.email, topic, ...common },
    ...(deps.smsEnabled ? [{ channel: 'SMS' as const, to: contact.phone, topic, ...common }] : []),
  ];
}

export async function tellPaymentReceived(
  deps: ApplicationsDeps,
  tx: Database,
  row: ApplicationRow,
  payment: { amount: number; ntpn: string; channel: string },
  appointment: Appointment | undefined,
): Promise<void> {
  await deps.notifications.withdraw(tx, reminderTopic(row.id));
  const contact = await deps.contacts.contactOf(row.accountId, tx);
  const { language } = contact;
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: contact.email,
    template: 'application.payment-received',
    language,
    variables: {
      fullName: contact.fullName,
      applicationNumber: row.number,
      amount: rupiah(payment.amount, language),
      ntpn: payment.ntpn,
      channel: paymentChannelLabels[payment.channel as PaymentChannel]?.[language] ?? payment.channel,
      appointment: appointment ? describeAppointment(appointment, language) : '-',
    },
  });
}

/**
 * A payment outage moved the deadline (issue 15): say so and by how much, and the reminders follow the
 * new deadline.
 */
export async function tellDeadlineExtended(
  deps: ApplicationsDeps,
  tx: Database,
  row: ApplicationRow,
  billing: { code: string; amount: number; expiresAt: Date },
  appointment: Appointment,
  minutes: number,
): Promise<void> {
  await deps.notifications.withdraw(tx, reminderTopic(row.id));
  const contact = await deps.contacts.contactOf(row.accountId, tx);
  const { language } = contact;
  const reminders = billingIssuedMessages(deps, contact, row, billing, appointment).slice(1);
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: contact.email,
    template: 'application.deadline-extended',
    language,
    variables: {
      fullName: contact.fullName,
      applicationNumber: row.number,
      billingCode: billing.code,
      minutes: String(minutes),
      deadline: instant(billing.expiresAt, appointment.timeZone, appointment.timeZoneLabel, language),
    },
  });
  for (const reminder of reminders) await deps.notifications.enqueue(tx, reminder);
}

export async function tellExpired(deps: ApplicationsDeps, tx: Database, row: ApplicationRow): Promise<void> {
  await deps.notifications.withdraw(tx, reminderTopic(row.id));
  const contact = await deps.contacts.contactOf(row.accountId, tx);
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: contact.email,
    template: 'application.expired',
    language: contact.language,
    variables: {
      fullName: contact.fullName,
      applicationNumber: row.number,
      claimLink: claimLink(deps, row.id, deps.clock.now()),
    },
  });
}

export async function tellRescheduled(
  deps: ApplicationsDeps,
  tx: Database,
  row: ApplicationRow,
  appointment: Appointment,
): Promise<void> {
  const contact = await deps.contacts.contactOf(row.accountId, tx);
  await deps.notifications.enqueue(tx, {
    channel: 'EMAIL',
    to: contact.email,
    template: 'application.rescheduled',
    language: contact.language,
    variables: {
      fullName: contact.fullName,
      applicationNumber: row.number,
      appointment: describeAppointment(appointment, contact.language),
    },
  });
}

/** A booking with nothing to pay (the fee is Rp0 by regulation): the appointment, and why it is free. */
export function bookedFreeMessages(
  contact: Contact,
  row: Pick<ApplicationRow, 'number' | 'fee'>,
  appointment: Appointment,
): EnqueueRequest[] {
  const { language } = contact;
  const fee = row.fee as { legalBasis?: string; items?: { label: { id: string; en: string } }[] };
  const basis = fee.items?.[0]?.label[language] ?? fee.legalBasis ?? '';
  return [
    {
      channel: 'EMAIL',
      to: contact.email,
      template: 'application.booked-free',
      language,
      variables: {
        fullName: contact.fullName,
        applicationNumber: row.number,
        basis,
        appointment: describeAppointment(appointment, language),
      },
    },
  ];
}
