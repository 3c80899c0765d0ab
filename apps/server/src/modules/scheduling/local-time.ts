/**
 * Office-local dates and times. Indonesia's three zones keep a fixed offset all year (no daylight
 * saving): WIB UTC+7, WITA UTC+8, WIT UTC+9 — so plain arithmetic is exact and needs no tz database.
 */
export const zoneOffsets = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 } as const;
export type OfficeZone = keyof typeof zoneOffsets;
export const zoneLabels = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function isOfficeZone(value: string): value is OfficeZone {
  return Object.hasOwn(zoneOffsets, value);
}

/** The instant of a local date and HH:mm in the zone (e.g. 09:00 WIT on a day = 00:00Z). */
export function localInstant(date: string, time: string, zone: OfficeZone): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${date}T00:00:00Z`) + (h - zoneOffsets[zone]) * HOUR_MS + m * 60_000);
}

/** The local calendar day of an instant in the zone. */
export function localDate(instant: Date, zone: OfficeZone): string {
  return new Date(instant.getTime() + zoneOffsets[zone] * HOUR_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
