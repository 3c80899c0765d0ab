import type { MessageKey } from '../i18n.ts';

/** Fields of a payment needing attention, known ones first; fields the server adds later still show. */
const known: Record<string, MessageKey> = {
  billingCode: 'console.payments.billingCode',
  applicationNumber: 'console.payments.applicationNumber',
  amount: 'console.payments.amount',
  outcome: 'console.payments.outcome',
  channel: 'console.payments.channel',
  paidAt: 'console.payments.paidAt',
  ntpn: 'console.payments.ntpn',
  ntb: 'console.payments.ntb',
  reason: 'console.payments.reason',
  receivedAt: 'console.payments.receivedAt',
  source: 'console.payments.source',
  officeCode: 'console.payments.officeCode',
  paymentId: 'console.payments.paymentId',
};
/** Links, not columns. */
const hidden = new Set(['applicationId']);

export function paymentColumns(rows: readonly Record<string, unknown>[]): string[] {
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const first = Object.keys(known).filter((key) => present.has(key));
  const rest = [...present].filter((key) => !(key in known) && !hidden.has(key)).sort();
  return [...first, ...rest];
}

export function columnLabel(key: string): MessageKey | null {
  return known[key] ?? null;
}
