import { describe, expect, it } from 'vitest';
import type { Session } from '../api/types.ts';
import { calendarDays } from './calendar.ts';

const session = (date: string, available: number): Session => ({
  id: `${date}-${available}`,
  date,
  start: '08:00',
  end: '09:00',
  service: 'REGULAR',
  capacity: 10,
  available,
  startsAt: `${date}T01:00:00.000Z`,
  timeZone: 'Asia/Jakarta',
});

describe('calendar days', () => {
  it('when any session of a day has a seat, then the day is available; else full', () => {
    expect(
      calendarDays([session('2026-11-27', 0), session('2026-11-26', 0), session('2026-11-26', 3)]),
    ).toEqual([
      { date: '2026-11-26', state: 'available' },
      { date: '2026-11-27', state: 'full' },
    ]);
  });
});
