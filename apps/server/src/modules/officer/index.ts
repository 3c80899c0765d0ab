export { createOfficerService, type OfficerAccount, type OfficerService } from './service.ts';
