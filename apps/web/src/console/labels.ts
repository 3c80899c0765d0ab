import type { OfficerApplicationView } from '#shared/contracts/officer.ts';
import { documentKinds } from '#shared/document-requirements.ts';
import type { Language } from '#shared/i18n.ts';
import type { MessageKey } from './i18n.ts';

/** Codes the API sends, as message keys; an unknown code is shown as it came rather than hidden. */
type Translate = (key: MessageKey) => string;

const products: Record<string, MessageKey> = {
  NON_ELECTRONIC_5Y: 'console.product.NON_ELECTRONIC_5Y',
  NON_ELECTRONIC_10Y: 'console.product.NON_ELECTRONIC_10Y',
  ELECTRONIC_5Y: 'console.product.ELECTRONIC_5Y',
  ELECTRONIC_10Y: 'console.product.ELECTRONIC_10Y',
  POLYCARBONATE_5Y: 'console.product.POLYCARBONATE_5Y',
  POLYCARBONATE_10Y: 'console.product.POLYCARBONATE_10Y',
};
const services: Record<string, MessageKey> = {
  REGULAR: 'console.service.REGULAR',
  EXPRESS: 'console.service.EXPRESS',
};
const pools: Record<string, MessageKey> = {
  REGULAR: 'console.pool.REGULAR',
  EXPRESS: 'console.pool.EXPRESS',
  PRIORITY: 'console.pool.PRIORITY',
};
const types: Record<string, MessageKey> = {
  NEW: 'console.type.NEW',
  REPLACEMENT: 'console.type.REPLACEMENT',
};
const billingStatuses: Record<string, MessageKey> = {
  PENDING: 'console.billing.PENDING',
  PAID: 'console.billing.PAID',
  EXPIRED: 'console.billing.EXPIRED',
  CANCELLED: 'console.billing.CANCELLED',
};

const label = (table: Record<string, MessageKey>) => (code: string, t: Translate) => {
  const key = table[code];
  return key ? t(key) : code;
};

export const productLabel = label(products);
export const serviceLabel = label(services);
export const poolLabel = label(pools);
export const typeLabel = label(types);
export const billingStatusLabel = label(billingStatuses);

/** A document kind in the officer's language; the server's label (request language) is the fallback. */
export function documentLabel(
  application: OfficerApplicationView,
  kind: string,
  language: Language,
  t?: Translate,
): string {
  if (kind === 'CONTEST_EVIDENCE' && t) return t('console.document.CONTEST_EVIDENCE');
  const known = (documentKinds as Record<string, { label: Record<Language, string> } | undefined>)[kind];
  return known?.label[language] ?? application.requirements.find((r) => r.kind === kind)?.label ?? kind;
}
