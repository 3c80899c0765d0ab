export { travelDocumentsRoutes, type TravelDocumentsRoutesOptions } from './routes.ts';
export {
  createTravelDocumentsService,
  seedSimulatedTravelDocuments,
  type NewTravelDocument,
  type SimulatedHolder,
  type TravelDocument,
  type TravelDocumentsDeps,
  type TravelDocumentsService,
} from './service.ts';
export { statusAt, statusOn } from './status.ts';
export { nikToPersonalNumber, parseTd3, passportExpiryDate, splitIndonesianName, td3Mrz } from './mrz.ts';
