export { createOfficerService, type OfficerAccount, type OfficerService } from './service.ts';
export {
  authenticate as authenticateOfficer,
  sessionTouches as officerSessionTouches,
  type OfficerAuthDeps,
} from './auth.ts';
export { createOfficerDesk, type OfficerDesk } from './desk.ts';
export { createOfficerAdmin, type OfficerAdmin } from './admin.ts';
export { officerRoutes } from './routes.ts';
export { officerAdminRoutes } from './admin-routes.ts';
export { createPartnerHealthDesk, type PartnerHealthDesk } from './partner-health.ts';
export { partnerHealthRoutes } from './partner-routes.ts';
export { totpAt } from './totp.ts';
export { createOfficerCounter } from './counter.ts';
export { createOfficerLosses } from './loss.ts';
export { createOfficerBackups, type DatabaseSnapshot } from './backups.ts';
export { backupRoutes } from './backup-routes.ts';
