import { z } from 'zod';
import { passportKinds } from './travel-documents.ts';

/** Contracts of the office directory (API.md `GET /api/v1/offices`, DOMAIN.md "office and slot"). */

/** Indonesia's three zones; none observes daylight saving, so the label never changes. */
export const officeTimeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type OfficeTimeZone = (typeof officeTimeZones)[number];

/** How applicants read the zone on a slot: 09:00 WITA, not 09:00 Asia/Makassar. */
export const timeZoneLabels = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const satisfies Record<OfficeTimeZone, string>;
export type TimeZoneLabel = (typeof timeZoneLabels)[OfficeTimeZone];

export function isOfficeTimeZone(value: string): value is OfficeTimeZone {
  return Object.hasOwn(timeZoneLabels, value);
}

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** Plain decimal degrees, as a phone's location API gives them; no exponents, no N/S letters. */
const POINT_PATTERN = /^(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/;

/** `LAT,LON` → a point, or null when malformed or off the globe. */
export function parseGeoPoint(value: string): GeoPoint | null {
  const match = POINT_PATTERN.exec(value.trim());
  if (!match) return null;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

/** The office list is small (151 offices): one page of up to 1000 is the whole directory. */
export const MAX_OFFICES_LIMIT = 1000;

export const officesQuerySchema = z
  .object({
    near: z
      .string()
      .transform((value, ctx) => {
        const point = parseGeoPoint(value);
        // The key names a bilingual message (validation-messages.ts); unknown keys fall back to zod's own.
        if (!point) ctx.addIssue({ code: 'custom', message: 'near.format', input: value });
        return point ?? z.NEVER;
      })
      .optional()
      .describe('LAT,LON in decimal degrees (lat −90..90, lon −180..180), e.g. -6.2615,106.8106'),
    q: z
      .string()
      .max(200)
      .optional()
      .describe(
        'Words to find in the name, city or province; every word must match, accents and case ignored',
      ),
    limit: z.coerce.number().int().min(1).max(MAX_OFFICES_LIMIT).default(50),
  })
  .strict();

export type OfficesQuery = z.output<typeof officesQuerySchema>;

export const officeParamsSchema = z.object({
  code: z.string().max(64).describe('Office code, e.g. JAKARTA_SELATAN'),
});

export const officeSchema = z
  .object({
    code: z.string().describe('Stable office code, e.g. JAKARTA_SELATAN'),
    name: z.string().describe('e.g. Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan'),
    city: z.string(),
    province: z.string(),
    address: z.string().nullable().describe('Street address; null when not known'),
    lat: z.number(),
    lon: z.number(),
    timeZone: z.enum(officeTimeZones).describe('Session times are local to this zone'),
    timeZoneLabel: z.enum(['WIB', 'WITA', 'WIT']),
    officeClass: z.string().nullable().describe('I Khusus, I, II or III; null when not confirmed'),
    passportKinds: z.array(z.enum(passportKinds)).describe('Passport kinds this office can issue'),
    distanceKm: z
      .number()
      .optional()
      .describe('Great-circle distance from `near`, to 0.1 km; only when `near` is given'),
  })
  .meta({ id: 'Office' });

export const officeListSchema = z
  .array(officeSchema)
  .describe('Nearest first when `near` is given, else by province then name');

export type OfficeView = z.infer<typeof officeSchema>;
