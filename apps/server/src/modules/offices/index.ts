export { createOfficesService, officesReferenceLoaders, type OfficesService } from './service.ts';
export { officesRoutes, type OfficesRoutesOptions } from './routes.ts';
export { defaultPassportKinds, seedOfficeCapabilities } from './capabilities.ts';
export type { DirectoryOffice, DirectorySearch, ListedOffice } from './directory.ts';
export type { OfficeSummary } from './repository.ts';
export {
  readDistricts,
  readOffices,
  readRegencies,
  regionDirectory,
  timeZones,
  type District,
  type Office,
  type OfficeTimeZone,
  type Regency,
} from './reference.ts';
