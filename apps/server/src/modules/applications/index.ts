export { applicationsRoutes } from './routes.ts';
export { createApplicationsService, type ApplicationsService } from './service.ts';
export type { ApplicationsDeps } from './deps.ts';
export type { OfficeDesk } from './office-desk.ts';
export { waitlistRoutes } from './waitlist-routes.ts';
export { dataExportRoutes } from './data-export-routes.ts';
export type { Counter } from './walk-in.ts';
export type { LossDesk } from './loss.ts';
