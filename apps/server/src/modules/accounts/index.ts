export { accountsRoutes } from './routes.ts';
export { createAccountsService, type AccountsService } from './service.ts';
export type { AccountsDeps } from './deps.ts';
