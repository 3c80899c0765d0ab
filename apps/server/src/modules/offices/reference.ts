import { z } from 'zod';
import { officeTimeZones, type OfficeTimeZone } from '#shared/contracts/offices.ts';
import type { RegionDirectory } from '#shared/nik.ts';
import { readReferenceCsv } from '../../platform/reference-data.ts';

/**
 * Row shapes of the reference files (apps/server/reference). Parsing validates the data: a broken
 * file stops start-up with the line at fault instead of seeding nonsense.
 */
export const timeZones = officeTimeZones;
export type { OfficeTimeZone };

const latitude = z.coerce.number().min(-11).max(6);
const longitude = z.coerce.number().min(95).max(141);

const provinceRow = z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) });
const regencyRow = z.object({
  code: z.string().regex(/^\d{4}$/),
  province_code: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  lat: latitude,
  lon: longitude,
  timezone: z.enum(timeZones),
});
const districtRow = z.object({
  code: z.string().regex(/^\d{6}$/),
  regency_code: z.string().regex(/^\d{4}$/),
  name: z.string().min(1),
});
const officeRow = z.object({
  code: z.string().regex(/^[A-Z][A-Z_]+$/),
  name: z.string().min(1),
  class: z.string(),
  tpi: z.enum(['true', 'false']),
  city: z.string().min(1),
  province: z.string().min(1),
  regency_code: z.string().regex(/^\d{4}$/),
  lat: latitude,
  lon: longitude,
  timezone: z.enum(timeZones),
  address: z.string(),
  source: z.string(),
});

function parseRows<T>(file: string, schema: z.ZodType<T>): T[] {
  return readReferenceCsv(file).map((row, index) => {
    const result = schema.safeParse(row);
    if (!result.success) {
      throw new Error(`${file} line ${index + 2}: ${z.prettifyError(result.error)}`);
    }
    return result.data;
  });
}

export interface Province {
  readonly code: string;
  readonly name: string;
}
export interface Regency {
  readonly code: string;
  readonly provinceCode: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly timeZone: OfficeTimeZone;
}
export interface District {
  readonly code: string;
  readonly regencyCode: string;
  readonly name: string;
}
export interface Office {
  readonly code: string;
  readonly name: string;
  readonly officeClass: string | null;
  readonly tpi: boolean;
  readonly city: string;
  readonly province: string;
  readonly regencyCode: string;
  readonly lat: number;
  readonly lon: number;
  readonly timeZone: OfficeTimeZone;
  readonly address: string | null;
  readonly source: string;
}

export function readProvinces(): Province[] {
  return parseRows('wilayah/provinces.csv', provinceRow);
}

export function readRegencies(): Regency[] {
  return parseRows('wilayah/regencies.csv', regencyRow).map((r) => ({
    code: r.code,
    provinceCode: r.province_code,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    timeZone: r.timezone,
  }));
}

export function readDistricts(): District[] {
  return parseRows('wilayah/districts.csv', districtRow).map((d) => ({
    code: d.code,
    regencyCode: d.regency_code,
    name: d.name,
  }));
}

export function readOffices(): Office[] {
  return parseRows('offices.csv', officeRow).map((o) => ({
    code: o.code,
    name: o.name,
    officeClass: o.class || null,
    tpi: o.tpi === 'true',
    city: o.city,
    province: o.province,
    regencyCode: o.regency_code,
    lat: o.lat,
    lon: o.lon,
    timeZone: o.timezone,
    address: o.address || null,
    source: o.source,
  }));
}

let directory: RegionDirectory | undefined;

/** Region codes in memory, for NIK checks on every registration without a query. */
export function regionDirectory(): RegionDirectory {
  if (!directory) {
    const provinces = new Set(readProvinces().map((p) => p.code));
    const regencies = new Set(readRegencies().map((r) => r.code));
    const districts = new Set(readDistricts().map((d) => d.code));
    directory = {
      hasProvince: (code) => provinces.has(code),
      hasRegency: (code) => regencies.has(code),
      hasDistrict: (code) => districts.has(code),
    };
  }
  return directory;
}
