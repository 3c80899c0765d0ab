export { accountsRoutes } from './routes.ts';
export { createAccountsService, type AccountsService, type Contact } from './service.ts';
export type { AccountsDeps } from './deps.ts';
export type { CounterPerson } from './counter-account.ts';
