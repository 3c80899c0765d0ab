import type { Language } from '#shared/i18n.ts';

/** Dates, instants and rupiah as officers read them, in the chosen language. */
const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** `YYYY-MM-DD` of the officer's own calendar day. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar date; read at noon UTC so no time zone moves it to another day. */
export function formatDate(date: string, language: Language): string {
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parsed);
}

export function formatInstant(instant: string, language: Language, timeZone?: string): string {
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return instant;
  return new Intl.DateTimeFormat(locales[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(parsed);
}

export function formatRupiah(amount: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatBytes(size: number, language: Language): string {
  const kb = size / 1024;
  const format = (n: number) =>
    new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(n);
  return kb < 1024 ? `${format(kb)} KB` : `${format(kb / 1024)} MB`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value of unknown shape from the server, shown as well as its form allows. */
export function formatValue(value: unknown, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatInstant(value, language);
    if (ISO_DATE.test(value)) return formatDate(value, language);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
