export { createOfficesService, officesReferenceLoaders, type OfficesService } from './service.ts';
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
