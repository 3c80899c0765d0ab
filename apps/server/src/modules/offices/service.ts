import { isOfficeTimeZone } from '#shared/contracts/offices.ts';
import type { PassportKind } from '#shared/contracts/travel-documents.ts';
import type { Database } from '../../db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import type { ReferenceDataLoader } from '../../platform/reference-data.ts';
import { defaultPassportKinds, toPassportKinds } from './capabilities.ts';
import {
  searchDirectory,
  type DirectoryOffice,
  type DirectorySearch,
  type ListedOffice,
} from './directory.ts';
import { readDistricts, readOffices, readProvinces, readRegencies } from './reference.ts';
import * as repository from './repository.ts';

/** Regions load before offices: offices refer to their regency. */
export const officesReferenceLoaders: readonly ReferenceDataLoader[] = [
  {
    dataset: 'regions',
    load: (db) =>
      repository.upsertRegions(db, {
        provinces: readProvinces(),
        regencies: readRegencies(),
        districts: readDistricts(),
      }),
  },
  { dataset: 'offices', load: (db) => repository.upsertOffices(db, readOffices()) },
];

export interface OfficesService {
  listOffices(): Promise<repository.OfficeSummary[]>;
  /** Names of the offices with these codes; a code that does not exist is absent from the map. */
  officeNames(codes: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** The directory, filtered by words, nearest first when a point is given. */
  searchOffices(search: DirectorySearch): Promise<ListedOffice[]>;
  /**
   * `db` is the caller's transaction when called inside one: on PGlite (one connection) a query on
   * another handle would wait for that transaction to end, forever.
   */
  findOffice(code: string, db?: Database): Promise<DirectoryOffice | null>;
  /** Like findOffice; throws DomainError NOT_FOUND for an unknown code. */
  getOffice(code: string): Promise<DirectoryOffice>;
  /** Passport kinds the office can issue; null for an unknown office. */
  capabilitiesOf(code: string, db?: Database): Promise<PassportKind[] | null>;
}

/**
 * The directory is 151 rows read on every booking, listing and search; it is kept for a few seconds
 * per process, so a capability changed in the table shows everywhere within `cacheMs`.
 */
export function createOfficesService(deps: { db: Database; cacheMs?: number }): OfficesService {
  const { db } = deps;
  const cacheMs = deps.cacheMs ?? 5_000;
  let cached: { readonly at: number; readonly offices: ReadonlyMap<string, DirectoryOffice> } | null = null;

  /** `handle` is the caller's transaction when called inside one (PGlite has one connection). */
  async function directory(handle: Database): Promise<ReadonlyMap<string, DirectoryOffice>> {
    if (cached && performance.now() - cached.at < cacheMs) return cached.offices;
    const rows = await repository.listDirectory(handle);
    cached = {
      at: performance.now(),
      offices: new Map(rows.map((row) => [row.code, toDirectoryOffice(row)])),
    };
    return cached.offices;
  }
  async function findOffice(code: string, handle: Database = db): Promise<DirectoryOffice | null> {
    return (await directory(handle)).get(code) ?? null;
  }
  return {
    listOffices: () => repository.listOffices(db),
    officeNames: (codes) => repository.officeNamesByCode(db, [...new Set(codes)]),
    searchOffices: async (search) => searchDirectory([...(await directory(db)).values()], search),
    findOffice,
    async getOffice(code) {
      const office = await findOffice(code);
      if (!office) throw new DomainError({ code: 'NOT_FOUND' });
      return office;
    },
    capabilitiesOf: async (code, handle) => {
      const office = await findOffice(code, handle);
      return office ? [...office.passportKinds] : null;
    },
  };
}

function toDirectoryOffice(row: repository.DirectoryRow): DirectoryOffice {
  // The reference loader validates zones, so another value means the table was edited by hand.
  if (!isOfficeTimeZone(row.timeZone)) {
    throw new Error(`Office ${row.code} has an unknown time zone: ${row.timeZone}`);
  }
  return {
    code: row.code,
    name: row.name,
    city: row.city,
    province: row.province,
    address: row.address,
    lat: row.lat,
    lon: row.lon,
    timeZone: row.timeZone,
    officeClass: row.officeClass,
    // Until the start-up seed has given the office its row, it reads as the same default the seed writes.
    passportKinds: row.passportKinds
      ? toPassportKinds(row.passportKinds)
      : defaultPassportKinds(row.officeClass),
  };
}
