import { describe, expect, it } from 'vitest';
import {
  applicationStatuses,
  canTransition,
  isClosedStatus,
  isFinalStatus,
  statusLabels,
  statusTransitions,
  type ApplicationStatus,
} from './statuses.ts';

describe('the application state machine', () => {
  it('labels every status in both languages, matching the real app where known (DOMAIN.md)', () => {
    expect(statusLabels.DRAFT.id).toBe('Draf');
    expect(statusLabels.AWAITING_PAYMENT.id).toBe('Menunggu Pembayaran');
    expect(statusLabels.PAID.id).toBe('Sudah Terbayar');
    expect(statusLabels.EXPIRED.id).toBe('Kedaluwarsa');
    for (const status of applicationStatuses) {
      expect(statusLabels[status].id.length).toBeGreaterThan(0);
      expect(statusLabels[status].en.length).toBeGreaterThan(0);
    }
  });

  it('follows the happy path of API.md from DRAFT to COLLECTED', () => {
    const path: ApplicationStatus[] = [
      'DRAFT',
      'AWAITING_PAYMENT',
      'PAID',
      'CHECKED_IN',
      'VERIFIED',
      'INTERVIEWED',
      'APPROVED',
      'READY',
      'COLLECTED',
    ];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('has the side exits of API.md and nothing leaves a final status', () => {
    expect(canTransition('AWAITING_PAYMENT', 'EXPIRED')).toBe(true);
    expect(canTransition('PAID', 'NO_SHOW')).toBe(true);
    expect(canTransition('DRAFT', 'CANCELLED')).toBe(true);
    expect(canTransition('INTERVIEWED', 'REJECTED')).toBe(true);
    for (const status of ['COLLECTED', 'EXPIRED', 'CANCELLED', 'NO_SHOW'] as const) {
      expect(isFinalStatus(status)).toBe(true);
    }
  });

  it('reopens a rejection only at a visit step (an overturned objection, UU 30/2014 Art. 77) and keeps it closed meanwhile', () => {
    expect(isFinalStatus('REJECTED')).toBe(false);
    expect(isClosedStatus('REJECTED')).toBe(true);
    expect(statusTransitions.REJECTED).toEqual(['CHECKED_IN', 'VERIFIED', 'INTERVIEWED']);
    expect(canTransition('REJECTED', 'PAID')).toBe(false);
    expect(canTransition('REJECTED', 'APPROVED')).toBe(false);
    expect(isClosedStatus('PAID')).toBe(false);
  });

  it('refuses skipping steps and going back', () => {
    expect(canTransition('DRAFT', 'PAID')).toBe(false);
    expect(canTransition('PAID', 'AWAITING_PAYMENT')).toBe(false);
    expect(canTransition('CHECKED_IN', 'INTERVIEWED')).toBe(false);
    expect(canTransition('EXPIRED', 'PAID')).toBe(false);
  });

  it('reaches every status from DRAFT', () => {
    const seen = new Set<ApplicationStatus>(['DRAFT']);
    const queue: ApplicationStatus[] = ['DRAFT'];
    while (queue.length > 0) {
      for (const next of statusTransitions[queue.shift()!]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...applicationStatuses].sort());
  });
});
