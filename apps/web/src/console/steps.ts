import type { OfficerRole } from '#shared/roles.ts';
import { canTransition, type ApplicationStatus } from '#shared/statuses.ts';

/** The office steps of a visit, one per status it moves forward (README "Who may do what"). */
export type StepKind = 'checkIn' | 'verification' | 'biometrics' | 'adjudication' | 'issue' | 'handOver';

interface Step {
  kind: StepKind;
  role: OfficerRole;
  leadsTo: ApplicationStatus;
}

const officeSteps = {
  PAID: { kind: 'checkIn', role: 'CHECK_IN', leadsTo: 'CHECKED_IN' },
  CHECKED_IN: { kind: 'verification', role: 'VERIFIER', leadsTo: 'VERIFIED' },
  VERIFIED: { kind: 'biometrics', role: 'BIOMETRICS', leadsTo: 'INTERVIEWED' },
  INTERVIEWED: { kind: 'adjudication', role: 'ADJUDICATOR', leadsTo: 'APPROVED' },
  APPROVED: { kind: 'issue', role: 'ISSUER', leadsTo: 'READY' },
  READY: { kind: 'handOver', role: 'ISSUER', leadsTo: 'COLLECTED' },
} as const satisfies Partial<Record<ApplicationStatus, Step>>;

export interface OfferedStep extends Step {
  /** False when the step exists but this officer lacks its role: the page names who may do it. */
  allowed: boolean;
}

/**
 * The one step the page offers for an application's current status. The shared transition table has
 * the last word: a step whose target the table no longer allows is not offered at all.
 */
export function stepFor(status: ApplicationStatus, roles: readonly OfficerRole[]): OfferedStep | null {
  const step: Step | undefined = (officeSteps as Partial<Record<ApplicationStatus, Step>>)[status];
  if (!step || !canTransition(status, step.leadsTo)) return null;
  return { ...step, allowed: roles.includes(step.role) };
}
