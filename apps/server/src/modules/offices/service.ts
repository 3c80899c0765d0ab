import type { Database } from '../../db/database.ts';
import type { ReferenceDataLoader } from '../../platform/reference-data.ts';
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
}

export function createOfficesService(deps: { db: Database }): OfficesService {
  return {
    listOffices: () => repository.listOffices(deps.db),
    officeNames: (codes) => repository.officeNamesByCode(deps.db, [...new Set(codes)]),
  };
}
