import { officerRoles } from '#shared/roles.ts';
import { applicationStatuses, canTransition } from '#shared/statuses.ts';
import { describe, expect, it } from 'vitest';
import { stepFor } from './steps.ts';

describe('the step offered on an application', () => {
  it('when the applicant is checked in and the officer verifies, then verification is offered', () => {
    expect(stepFor('CHECKED_IN', ['VERIFIER'])).toMatchObject({ kind: 'verification', allowed: true });
  });

  it('when the officer lacks the step’s role, then the step is named but not allowed', () => {
    expect(stepFor('APPROVED', ['VERIFIER', 'BIOMETRICS'])).toMatchObject({
      kind: 'issue',
      role: 'ISSUER',
      allowed: false,
    });
  });

  it.each([
    ['VERIFIED', 'biometrics', 'BIOMETRICS'],
    ['INTERVIEWED', 'adjudication', 'ADJUDICATOR'],
    ['APPROVED', 'issue', 'ISSUER'],
    ['READY', 'handOver', 'ISSUER'],
    ['PAID', 'checkIn', 'CHECK_IN'],
  ] as const)('when the status is %s, then the step is %s for %s', (status, kind, role) => {
    expect(stepFor(status, [role])).toMatchObject({ kind, role, allowed: true });
  });

  it('when the status is final or before payment, then no office step is offered, whatever the roles', () => {
    for (const status of ['DRAFT', 'AWAITING_PAYMENT', 'COLLECTED', 'REJECTED', 'CANCELLED'] as const) {
      expect(stepFor(status, officerRoles)).toBeNull();
    }
  });

  it('then every offered step leads where the shared transition table allows', () => {
    for (const status of applicationStatuses) {
      const step = stepFor(status, officerRoles);
      if (step) expect(canTransition(status, step.leadsTo), status).toBe(true);
    }
  });
});
