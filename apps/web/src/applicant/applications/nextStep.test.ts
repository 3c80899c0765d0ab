import { describe, expect, it } from 'vitest';
import { nextStep } from './nextStep.ts';

const requirement = (uploaded: boolean) => ({ kind: 'KTP_EL' as const, label: '', hint: '', uploaded });

describe('next step of an application', () => {
  it('when a draft lacks a document, then upload comes next; once complete, the office', () => {
    expect(nextStep({ id: 'a', status: 'DRAFT', requirements: [requirement(false)] })?.label).toBe(
      'apps.next.upload',
    );
    expect(nextStep({ id: 'a', status: 'DRAFT', requirements: [requirement(true)] })?.label).toBe(
      'apps.next.office',
    );
  });
  it('when awaiting payment, then pay; when paid, the arrival pass; when final, nothing', () => {
    expect(nextStep({ id: 'a', status: 'AWAITING_PAYMENT', requirements: [] })?.route).toEqual({
      name: 'pay',
      id: 'a',
    });
    expect(nextStep({ id: 'a', status: 'PAID', requirements: [] })?.label).toBe('apps.pass');
    expect(nextStep({ id: 'a', status: 'COLLECTED', requirements: [] })).toBeNull();
  });
});
