import { eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/database.ts';
import { districts, officeCapabilities, offices, provinces, regencies } from '../../db/schema/offices.ts';
import type { District, Office, Province, Regency } from './reference.ts';

const BATCH = 1000;

const excluded = (column: AnyPgColumn) => sql.raw(`excluded."${column.name}"`);

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

/** Upserts only: a code that left the reference files stays, since other rows may refer to it. */
export async function upsertRegions(
  db: Database,
  data: { provinces: Province[]; regencies: Regency[]; districts: District[] },
): Promise<void> {
  await inBatches(data.provinces, (batch) =>
    db
      .insert(provinces)
      .values(batch)
      .onConflictDoUpdate({ target: provinces.code, set: { name: excluded(provinces.name) } }),
  );
  await inBatches(data.regencies, (batch) =>
    db
      .insert(regencies)
      .values(batch)
      .onConflictDoUpdate({
        target: regencies.code,
        set: {
          provinceCode: excluded(regencies.provinceCode),
          name: excluded(regencies.name),
          lat: excluded(regencies.lat),
          lon: excluded(regencies.lon),
          timeZone: excluded(regencies.timeZone),
        },
      }),
  );
  await inBatches(data.districts, (batch) =>
    db
      .insert(districts)
      .values(batch)
      .onConflictDoUpdate({
        target: districts.code,
        set: { regencyCode: excluded(districts.regencyCode), name: excluded(districts.name) },
      }),
  );
}

export async function upsertOffices(db: Database, rows: readonly Office[]): Promise<void> {
  await inBatches(rows, (batch) =>
    db
      .insert(offices)
      .values(batch)
      .onConflictDoUpdate({
        target: offices.code,
        set: Object.fromEntries(
          (
            [
              'name',
              'officeClass',
              'tpi',
              'city',
              'province',
              'regencyCode',
              'lat',
              'lon',
              'timeZone',
              'address',
              'source',
            ] as const
          ).map((key) => [key, excluded(offices[key])]),
        ),
      }),
  );
}

export interface OfficeSummary {
  readonly code: string;
  readonly name: string;
  readonly timeZone: string;
}

export async function listOffices(db: Database): Promise<OfficeSummary[]> {
  return db
    .select({ code: offices.code, name: offices.name, timeZone: offices.timeZone })
    .from(offices)
    .orderBy(offices.code);
}

export async function officeNamesByCode(
  db: Database,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: offices.code, name: offices.name })
    .from(offices)
    .where(inArray(offices.code, [...codes]));
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** An office as the directory shows it; `passportKinds` is null while the office has no capabilities row. */
export interface DirectoryRow {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly province: string;
  readonly address: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly timeZone: string;
  readonly officeClass: string | null;
  readonly passportKinds: string[] | null;
}

const directoryColumns = {
  code: offices.code,
  name: offices.name,
  city: offices.city,
  province: offices.province,
  address: offices.address,
  lat: offices.lat,
  lon: offices.lon,
  timeZone: offices.timeZone,
  officeClass: offices.officeClass,
  passportKinds: officeCapabilities.passportKinds,
};

const directory = (db: Database) =>
  db
    .select(directoryColumns)
    .from(offices)
    .leftJoin(officeCapabilities, eq(officeCapabilities.officeCode, offices.code));

/** The whole directory (151 rows), unordered: sorting happens in one place (directory.ts). */
export async function listDirectory(db: Database): Promise<DirectoryRow[]> {
  return directory(db);
}

export async function listOfficeClasses(
  db: Database,
): Promise<{ code: string; officeClass: string | null }[]> {
  return db.select({ code: offices.code, officeClass: offices.officeClass }).from(offices);
}

/** Inserts only where the office has no row yet; answers how many were inserted. */
export async function insertMissingCapabilities(
  db: Database,
  rows: readonly { officeCode: string; passportKinds: string[] }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(officeCapabilities)
    .values([...rows])
    .onConflictDoNothing({ target: officeCapabilities.officeCode })
    .returning({ officeCode: officeCapabilities.officeCode });
  return inserted.length;
}
