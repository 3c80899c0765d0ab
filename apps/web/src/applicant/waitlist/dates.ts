import type { Language } from '#shared/i18n.ts';

const locale = (language: Language) => (language === 'id' ? 'id-ID' : 'en-GB');

/** A YYYY-MM-DD day as "25 Nov 2026": short enough for a range on a phone; a calendar day, no zone shift. */
export function mediumDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** An instant on the office's wall clock ("14.30"): the hold ends in the zone of the seat offered. */
export function wallClock(instant: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}
