export {
  DukcapilUnavailableError,
  type BiodataField,
  type DukcapilPort,
  type DukcapilVerdict,
  type FamilyRelation,
  type MaritalStatus,
  type ResidentBiodata,
  type ResidentRecord,
} from './dukcapil.port.ts';
export {
  dukcapilFamilyRequestSchema,
  dukcapilFamilyResponseSchema,
  dukcapilVerifyRequestSchema,
  dukcapilVerifyResponseSchema,
  fromWireRequest,
  toWireFamily,
  toWireResponse,
  type DukcapilVerifyRequest,
  type DukcapilVerifyResponse,
} from './dukcapil-wire.ts';
export { createHttpDukcapil, type HttpDukcapilOptions } from './http-dukcapil.ts';
export { namesMatch, normalizeName, normalizePlace, placesMatch } from './names.ts';
export { checkNikStructure, type NikCheckResult, type NikCheckWarning } from './nik-check.ts';
export {
  createIdentityService,
  type IdentityService,
  type IdentityServiceDeps,
  type VerifiedIdentity,
} from './service.ts';
