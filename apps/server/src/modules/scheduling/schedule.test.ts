import { describe, expect, it } from 'vitest';
import { addWorkingDays, lastWorkingDayBefore } from './calendar.ts';
import { localDate, localInstant } from './local-time.ts';
import { defaultSchedule, releaseInstant, sessionsOn, type OfficeSchedule } from './schedule.ts';

const none = new Set<string>();
const schedule: OfficeSchedule = defaultSchedule('BANDUNG', 'I');

describe('office-local time (WIB UTC+7, WITA UTC+8, WIT UTC+9; no daylight saving)', () => {
  it('puts a 09:00 slot in Jayapura at 00:00Z, and 09:00 WIB at 02:00Z', () => {
    expect(localInstant('2026-12-01', '09:00', 'Asia/Jayapura').toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(localInstant('2026-12-01', '09:00', 'Asia/Makassar').toISOString()).toBe(
      '2026-12-01T01:00:00.000Z',
    );
    expect(localInstant('2026-12-01', '09:00', 'Asia/Jakarta').toISOString()).toBe(
      '2026-12-01T02:00:00.000Z',
    );
  });

  it('reads the local day of an instant in each zone', () => {
    const instant = new Date('2026-11-30T15:30:00Z');
    expect(localDate(instant, 'Asia/Jakarta')).toBe('2026-11-30');
    expect(localDate(instant, 'Asia/Jayapura')).toBe('2026-12-01');
  });
});

describe('sessions of a day', () => {
  it('offers hourly slots 08:00–15:00 on a working day, per service pool', () => {
    const sessions = sessionsOn('2026-12-01', schedule, 'Asia/Jakarta', none);
    expect(new Set(sessions.map((s) => s.startTime))).toEqual(
      new Set(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00']),
    );
    expect(sessions.filter((s) => s.service === 'REGULAR').map((s) => s.capacity)).toEqual(Array(7).fill(20));
    expect(new Set(sessions.map((s) => s.service))).toEqual(new Set(['REGULAR', 'EXPRESS', 'PRIORITY']));
    expect(sessions[0]!.dayEndsAt.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('offers nothing on a weekend, a national holiday (Christmas) or an office closure', () => {
    expect(sessionsOn('2026-12-05', schedule, 'Asia/Jakarta', none)).toEqual([]);
    expect(sessionsOn('2026-12-25', schedule, 'Asia/Jakarta', new Set(['2026-12-25']))).toEqual([]);
  });

  it('follows published quotas where known: Batam 285 a day (DOMAIN.md)', () => {
    const batam = sessionsOn('2026-12-01', defaultSchedule('BATAM', 'I Khusus'), 'Asia/Jakarta', none);
    const perDay = (pool: string) =>
      batam.filter((s) => s.service === pool).reduce((n, s) => n + s.capacity, 0);
    expect(perDay('REGULAR') + perDay('EXPRESS') + perDay('PRIORITY')).toBeGreaterThanOrEqual(285);
  });
});

describe('quota release rules (per office configuration)', () => {
  it('weekly: Friday 14:00 local opens the whole following week', () => {
    const rule = { kind: 'WEEKLY', weekday: 5, time: '14:00' } as const;
    // Tuesday 1 and Sunday 6 December 2026 both open on Friday 27 November, 14:00 WIB = 07:00Z.
    expect(releaseInstant(rule, '2026-12-01', 'Asia/Jakarta', none).toISOString()).toBe(
      '2026-11-27T07:00:00.000Z',
    );
    expect(releaseInstant(rule, '2026-12-06', 'Asia/Jakarta', none).toISOString()).toBe(
      '2026-11-27T07:00:00.000Z',
    );
    expect(releaseInstant(rule, '2026-12-07', 'Asia/Jakarta', none).toISOString()).toBe(
      '2026-12-04T07:00:00.000Z',
    );
  });

  it('monthly: the last working day of the month before, skipping holidays', () => {
    const rule = { kind: 'MONTHLY', time: '09:00' } as const;
    expect(releaseInstant(rule, '2026-12-15', 'Asia/Jakarta', none).toISOString()).toBe(
      '2026-11-30T02:00:00.000Z',
    );
    // 31 December 2026 is a Thursday; with it closed, 30 December opens January.
    expect(lastWorkingDayBefore('2027-01-01', new Set(['2026-12-31']))).toBe('2026-12-30');
  });

  it('rolling: a day opens a fixed number of days before', () => {
    const rule = { kind: 'ROLLING', daysAhead: 14, time: '00:00' } as const;
    expect(releaseInstant(rule, '2026-12-15', 'Asia/Jayapura', none).toISOString()).toBe(
      '2026-11-30T15:00:00.000Z',
    );
  });
});

describe('working days (for the ready date: 3 working days after the interview)', () => {
  it('skip weekends and holidays', () => {
    expect(addWorkingDays('2026-12-03', 3, none)).toBe('2026-12-08'); // Thu → Tue
    expect(addWorkingDays('2026-12-23', 3, new Set(['2026-12-24', '2026-12-25']))).toBe('2026-12-30');
  });
});
