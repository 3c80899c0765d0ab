import type { QueueEntry } from '#shared/contracts/officer.ts';
import { describe, expect, it } from 'vitest';
import { groupBySession } from './grouping.ts';

const entry = (number: string, sessionStart: string, sessionEnd: string): QueueEntry => ({
  id: crypto.randomUUID(),
  number,
  status: 'PAID',
  statusLabel: 'Sudah Terbayar',
  fullName: 'Siti Rahayu',
  service: 'REGULAR',
  product: 'ELECTRONIC_10Y',
  sessionStart,
  sessionEnd,
  pool: 'REGULAR',
  checkedInAt: null,
});

describe('the day’s queue by session', () => {
  const day = [
    entry('MP2026-00000009', '09:00', '10:00'),
    entry('MP2026-00000002', '08:00', '09:00'),
    entry('MP2026-00000001', '09:00', '10:00'),
  ];

  it('when applicants come in any order, then sessions are earliest first and numbers sorted within', () => {
    const groups = groupBySession(day);
    expect(groups.map((g) => g.start)).toEqual(['08:00', '09:00']);
    expect(groups[1]?.entries.map((e) => e.number)).toEqual(['MP2026-00000001', 'MP2026-00000009']);
  });

  it('when searching part of a number in any case, then only matching applicants remain', () => {
    const groups = groupBySession(day, 'mp2026-00000009');
    expect(groups.flatMap((g) => g.entries.map((e) => e.number))).toEqual(['MP2026-00000009']);
  });
});
