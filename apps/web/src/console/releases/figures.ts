/** The release page's small decisions, pure for tests. */

/** Live figures move by the second at the release instant; every 3 s keeps up without a flood. */
export const REFRESH_MS = 3_000;

/** The server's clock minus this screen's, from the `now` the answer carries (no guessing from headers). */
export function serverOffsetMs(serverNow: string, receivedAt: number): number {
  const parsed = Date.parse(serverNow);
  return Number.isNaN(parsed) ? 0 : parsed - receivedAt;
}

/** Seconds to sell out as officers compare them: one decimal under a minute, whole seconds beyond. */
export function sellOutText(seconds: number | null, language: 'id' | 'en'): string {
  if (seconds === null) return '—';
  const digits = seconds < 60 ? 1 : 0;
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(seconds);
}
