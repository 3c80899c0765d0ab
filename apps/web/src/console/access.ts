import type { OfficerRole } from '#shared/roles.ts';
import type { Route } from './routes.ts';

/** Which views an officer's roles open; the server checks again on every request. */
const viewRoles: Record<Route['view'], readonly OfficerRole[] | 'any'> = {
  queue: 'any',
  application: 'any',
  schedule: ['OFFICE_ADMIN', 'HQ_ADMIN'],
  // Every officer of the office may watch its release: the counter staff answer the crowd's questions.
  releases: 'any',
  payments: ['OFFICE_ADMIN', 'HQ_ADMIN'],
  // The counter files walk-ins; the office administrator watches and sets the lanes' quota.
  'walk-in': ['COUNTER', 'OFFICE_ADMIN'],
  // Headquarters reads every office; a supervisor (office administrator) reads their own office.
  audit: ['HQ_ADMIN', 'OFFICE_ADMIN'],
};

export function canOpen(view: Route['view'], roles: readonly OfficerRole[]): boolean {
  const allowed = viewRoles[view];
  return allowed === 'any' || allowed.some((role) => roles.includes(role));
}

/**
 * Where an officer lands: the office queue; the counter for an officer who only serves walk-ins; the
 * audit log for headquarters staff without an office.
 */
export function homeRoute(officer: { officeCode: string | null; roles: readonly OfficerRole[] }): Route {
  if (officer.officeCode === null && canOpen('audit', officer.roles)) return { view: 'audit' };
  if (officer.roles.length === 1 && officer.roles[0] === 'COUNTER') return { view: 'walk-in' };
  return { view: 'queue' };
}
